"""A disk that fills up mid-write (here: RLIMIT_FSIZE, so a write past N bytes fails with EFBIG
as it would with ENOSPC, without privileges) costs the command its run, never a file it
replaces: a report, the agreement figures, a document with hand-written prose."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import DATASET, REPO


def run_on_a_full_disk(limit: int, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`landstrikes ARGS` whose writes fail past `limit` bytes per file (Python ignores SIGXFSZ,
    so the write raises, as on a full disk)."""

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "landstrikes", *args], cwd=cwd, preexec_fn=small_files,
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=120)


def one_line_refusal(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


@pytest.fixture
def sources(tmp_path) -> Path:
    """What `agreement` reads: the annotation passes and the tables, with an earlier agreement.json."""
    dataset = tmp_path / "dataset"
    for name in ("raw", "annotations", "data"):
        shutil.copytree(DATASET / name, dataset / name)
    shutil.copy2(DATASET / "agreement.json", dataset / "agreement.json")
    return dataset


def test_agreement_on_a_full_disk_leaves_the_earlier_figures_whole(sources):
    before = (sources / "agreement.json").read_bytes()
    proc = run_on_a_full_disk(len(before) // 3, "agreement", "--dataset", str(sources),
                              "--out", str(sources / "agreement.json"), cwd=sources.parent)
    one_line_refusal(proc)
    assert (sources / "agreement.json").read_bytes() == before
    json.loads(before)
    assert [p.name for p in sources.iterdir() if p.name.startswith(".")] == []


def test_validate_json_on_a_full_disk_leaves_the_earlier_report_whole(sources, tmp_path):
    report = tmp_path / "report.json"
    report.write_text('{"earlier": true}\n' + " " * 10, encoding="utf-8")
    proc = run_on_a_full_disk(64, "validate", str(sources), "--json", str(report), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert report.read_text(encoding="utf-8").startswith('{"earlier": true}')


def test_stats_on_a_full_disk_leaves_the_readme_and_datasheet_whole(tmp_path):
    root = tmp_path / "repo"
    (root / "dataset").mkdir(parents=True)
    for name in ("README.md", "DATASHEET.md"):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "docs" / "figures", root / "docs" / "figures")
    shutil.copytree(DATASET / "data", root / "dataset" / "data")
    for name in ("stats.json", "agreement.json"):
        shutil.copy2(DATASET / name, root / "dataset" / name)
    readme = (root / "README.md").read_text(encoding="utf-8")
    entities = pq.read_metadata(next((DATASET / "data" / "entities").glob("*.parquet"))).num_rows
    drifted = readme.replace(f"| {entities} |", f"| {entities - 1} |", 1)  # the entities row count of the generated block
    assert drifted != readme
    (root / "README.md").write_text(drifted, encoding="utf-8")
    proc = run_on_a_full_disk(4096, "stats", "--dataset", str(root / "dataset"), "--root", str(root), cwd=root)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert (root / "README.md").read_text(encoding="utf-8") == drifted


def test_build_on_a_full_disk_keeps_the_tables_and_names_an_io_error_not_a_bad_source(built_dataset, tmp_path):
    from landstrikes.safety.swap import digest

    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    before = digest(folder / "data")
    proc = run_on_a_full_disk(20_000, "build", "--dataset", str(folder), cwd=tmp_path)
    one_line_refusal(proc)
    assert "[build-io]" in proc.stderr and "[bad-source]" not in proc.stderr
    assert digest(folder / "data") == before and not [p for p in folder.iterdir() if p.name.startswith(".build-")]


def test_extract_and_render_on_a_full_disk_keep_their_earlier_output_and_name_an_output_error(tmp_path):
    """The `--out` folder failing to be written is no bad source (attack11: `[bad-source]`)."""
    raw = tmp_path / "raw"
    shutil.copytree(DATASET / "raw", raw)
    for command, args in (("extract", [str(raw)]), ("render", [str(DATASET)])):
        out = tmp_path / f"{command}-out"
        first = subprocess.run([sys.executable, "-m", "landstrikes", command, *args, "--out", str(out)], cwd=tmp_path,
                               capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)
        assert first.returncode == 0, first.stderr
        before = sorted((p.relative_to(out).as_posix(), p.read_bytes()) for p in out.rglob("*") if p.is_file())
        proc = run_on_a_full_disk(2_000, command, *args, "--out", str(out), cwd=tmp_path)
        one_line_refusal(proc)
        assert "[output-io]" in proc.stderr and "[bad-source]" not in proc.stderr, proc.stderr
        assert sorted((p.relative_to(out).as_posix(), p.read_bytes()) for p in out.rglob("*") if p.is_file()) == before
