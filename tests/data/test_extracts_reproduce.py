"""Re-running every extraction script on the shipped upstream snapshots reproduces
every committed byte: the tidy tables and their manifests (no machine path, no date
of the run). Skipped, with the reason, where the snapshots are not beside the book."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM = Path(os.environ.get("CLAIMSBOOK_UPSTREAM", ROOT.parent / "shared" / "upstream"))
ARENA = "arena-history-2025-03-26/alltime.csv"
# script -> (upstream input, the files it writes)
EXTRACTS = {
    "extract_arena_history.py": (ARENA, "data/ai-index/arena_history"),
    "extract_arena_crosscheck.py": (ARENA, "data/commercialisation/arena_history_matches"),
    "extract_arena_frontier.py": (ARENA, "data/months-behind/arena_models"),
    "extract_notable_models.py": ("epoch-notable-models-2025-03-16/notable_ai_models.csv",
                                  "data/ai-index/notable_models"),
    "extract_epoch_benchmarks.py": ("epoch-benchmarking-hub-2026-03-12",
                                    "data/months-behind/epoch_benchmarks"),
    "count_ai_index_text.py": ("ai-index-2025-report-text", "data/ai-index/report_text_counts"),
}


def test_every_upstream_extract_has_a_script_here():
    committed = {str(p.relative_to(ROOT).with_suffix("")).removesuffix(".manifest")
                 for p in (ROOT / "data").rglob("*.manifest.json")}
    assert committed == {stem for _, stem in EXTRACTS.values()}


@pytest.fixture(scope="module")
def rerun(tmp_path_factory) -> Path:
    """A copy of scripts/ and data/ in which every script ran again, from the snapshots."""
    missing = [name for name, _ in EXTRACTS.values() if not (UPSTREAM / name).exists()]
    if missing:
        pytest.skip(f"the upstream snapshots are not at {UPSTREAM} (missing {missing[0]}); "
                    "they ship beside the book as ../shared/upstream, or set CLAIMSBOOK_UPSTREAM")
    copy = tmp_path_factory.mktemp("rerun")
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copytree(ROOT / "data", copy / "data")
    env = {**os.environ, "CLAIMSBOOK_ROOT": str(copy)}

    def run(script: str) -> subprocess.CompletedProcess[str]:
        source = EXTRACTS[script][0]
        return subprocess.run([sys.executable, f"scripts/{script}", "--from", str(UPSTREAM / source)],
                              cwd=copy, env=env, capture_output=True, text=True)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for script, done in zip(EXTRACTS, pool.map(run, EXTRACTS)):
            assert done.returncode == 0, f"{script} failed:\n{done.stderr[-2000:]}"
    return copy


@pytest.mark.parametrize("script", sorted(EXTRACTS))
def test_rerunning_the_script_reproduces_every_committed_byte(script, rerun):
    stem = EXTRACTS[script][1]
    for suffix in (".csv", ".manifest.json"):
        committed = (ROOT / f"{stem}{suffix}").read_bytes()
        again = (rerun / f"{stem}{suffix}").read_bytes()
        assert again == committed, f"{script} no longer reproduces {stem}{suffix}"


@pytest.mark.parametrize("script", sorted(EXTRACTS))
def test_manifest_names_no_machine_path_and_no_run_date(script):
    text = (ROOT / f"{EXTRACTS[script][1]}.manifest.json").read_text(encoding="utf-8")
    for marker in ("retrieved_on", "retrieved_from", "/work/", "/home/", "/tmp/", "\\\\"):
        assert marker not in text, f"{marker!r} in the manifest of {script}"
