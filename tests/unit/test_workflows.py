"""The GitHub workflows: the tests run the README's command on every pull request and
push, Pages deploys only what they passed, and zizmor finds nothing above low."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def _load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def _zizmor() -> str:
    found = Path(sys.executable).parent / "zizmor"
    if found.is_file():
        return str(found)
    on_path = shutil.which("zizmor")
    if on_path is None:
        pytest.fail("zizmor is not installed: it is in the test extra (make book installs it)")
    return on_path


def test_zizmor_finds_nothing_above_low_in_any_workflow():
    done = subprocess.run([_zizmor(), "--offline", "--min-severity", "medium", str(WORKFLOWS)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_tests_run_the_readme_command_on_pull_requests_and_pushes():
    workflow = _load("tests.yml")
    assert {"pull_request", "push", "workflow_call"} <= set(workflow["on"])
    steps = workflow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "bash .ci/run" for step in steps)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    cache = next(step for step in steps if "actions/cache@" in step.get("uses", ""))
    assert "hashFiles('requirements.lock'" in cache["with"]["key"]
    upload = next(step for step in steps if "actions/upload-artifact@" in step.get("uses", ""))
    assert upload["if"] == "failure()" and "_build/executed/" in upload["with"]["path"]


def test_pages_deploys_only_what_the_tests_passed():
    workflow = _load("pages.yml")
    jobs = workflow["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/tests.yml"
    assert jobs["test"]["with"]["publish"] is True
    assert jobs["deploy"]["needs"] == "test"


def test_every_action_is_pinned_to_a_commit_and_checkout_keeps_no_credentials():
    for path in WORKFLOWS.glob("*.yml"):
        workflow = _load(path.name)
        assert workflow.get("permissions") == {}, f"{path.name}: no default permissions"
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                uses = step.get("uses", "")
                if uses and not uses.startswith("./"):
                    ref = uses.rsplit("@", 1)[-1]
                    assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), uses
                if uses.startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_the_build_checks_out_the_history_the_corrections_log_reads():
    steps = [step for job in _load("tests.yml")["jobs"].values() for step in job["steps"]]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0, "a shallow clone has no corrections log"
