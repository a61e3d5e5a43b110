"""The pull-request workflow: the strict build alone first (annotations, summary, the site for preview), then the rest.

actionlint checks that the workflows are valid (make lint); this checks
that they do what the contributor's loop needs.
"""

from __future__ import annotations

import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def jobs(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))["jobs"]


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_a_pull_request_gets_the_strict_build_before_the_test_suite() -> None:
    test = jobs("test.yml")
    assert runs(test["check"])[-1] == "make check"
    assert not any("chromium" in run or "make test" in run for run in runs(test["check"]))
    assert test["test"]["needs"] == "check"
    assert runs(test["test"])[-1].startswith("make test")


def test_the_strict_build_knows_the_pull_requests_files_and_uploads_the_site() -> None:
    check = jobs("test.yml")["check"]
    assert check["steps"][0]["with"]["fetch-depth"] == 2  # the merge commit and its base
    changed = next(run for run in runs(check) if "EDITION_CHANGED_FILES" in run)
    assert "git diff --name-only --diff-filter=d HEAD^1 HEAD" in changed
    upload = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/" and upload["if"] == "${{ !cancelled() }}"
