"""`--out DIR` never destroys: render, extract and export-schemas write only into a new, empty or
earlier output folder of their own, swap the output in whole, and remove only files they wrote."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import DATASET, load, save
from forkcli import run_in_children

from landstrikes.safety import swap
from landstrikes.cli import main
from landstrikes.safety.outdir import MARKER, output_folder

RAW_ONE = "Title\n\n“We will act,” Ana Ruiz said.\n"


def tree(folder: Path) -> str | None:
    return swap.digest(folder)


def siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    return captured.err


@pytest.fixture
def raw_one(tmp_path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "one.txt").write_text(RAW_ONE, encoding="utf-8")
    return raw


def commands(built_dataset: Path, raw: Path, out: Path) -> dict[str, list[str]]:
    return {
        "render": ["render", str(built_dataset), "--out", str(out)],
        "extract": ["extract", str(raw), "--out", str(out)],
        "export-schemas": ["export-schemas", "--out", str(out)],
    }


@pytest.mark.parametrize("command", ["render", "extract", "export-schemas"])
def test_out_pointing_at_a_folder_of_other_files_is_refused_and_untouched(command, built_dataset, raw_one, tmp_path, capsys):
    out = tmp_path / "dataset"
    shutil.copytree(built_dataset, out)  # a mistyped --out: the dataset itself
    before = tree(out)
    assert main(commands(built_dataset, raw_one, out)[command]) == 2
    err = one_line_error(capsys)
    assert "did not create" in err and "annotations/" in err and "data/" in err
    assert tree(out) == before and siblings(out) == []


@pytest.mark.parametrize("command", ["render", "extract", "export-schemas"])
def test_out_into_the_annotations_folder_is_refused(command, built_dataset, raw_one, tmp_path, capsys):
    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)
    before = tree(dataset)
    assert main(commands(dataset, raw_one, dataset / "annotations")[command]) == 2
    assert "entities.yaml" in one_line_error(capsys)
    assert tree(dataset) == before


@pytest.mark.parametrize("command", ["render", "extract", "export-schemas"])
def test_a_missing_nested_out_folder_is_created_and_marked(command, built_dataset, raw_one, tmp_path, capsys):
    out = tmp_path / "a" / "b" / "out"
    assert main(commands(built_dataset, raw_one, out)[command]) == 0, capsys.readouterr().err
    marker = json.loads((out / MARKER).read_text())
    assert marker["written_by"] == f"landstrikes {command}" and marker["state"] == "complete"
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MARKER)
    assert marker["files"] == on_disk and on_disk
    assert siblings(out) == []


@pytest.mark.parametrize("command", ["render", "extract", "export-schemas"])
def test_a_rerun_replaces_its_own_output(command, built_dataset, raw_one, tmp_path, capsys):
    out = tmp_path / "out"
    argv = commands(built_dataset, raw_one, out)[command]
    assert main(argv) == 0
    first = tree(out)
    assert main(argv) == 0, capsys.readouterr().err
    assert tree(out) == first and siblings(out) == []


@pytest.mark.parametrize("command", ["render", "extract", "export-schemas"])
def test_a_file_added_to_an_earlier_output_is_refused_not_deleted(command, built_dataset, raw_one, tmp_path, capsys):
    out = tmp_path / "out"
    argv = commands(built_dataset, raw_one, out)[command]
    assert main(argv) == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = tree(out)
    assert main(argv) == 2
    assert "notes.txt" in one_line_error(capsys)
    assert tree(out) == before


def test_an_output_of_another_command_is_refused(built_dataset, raw_one, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(raw_one), "--out", str(out)]) == 0
    before = tree(out)
    assert main(["render", str(built_dataset), "--out", str(out)]) == 2
    assert "landstrikes extract" in one_line_error(capsys)
    assert tree(out) == before


@pytest.mark.parametrize("make", ["file", "symlink-loop"])
def test_out_that_is_a_file_or_a_symlink_loop_is_refused(make, built_dataset, tmp_path, capsys):
    out = tmp_path / "out"
    if make == "file":
        out.write_text("x")
    else:
        os.symlink(out, out)
    assert main(["render", str(built_dataset), "--out", str(out)]) == 2
    one_line_error(capsys)
    assert os.path.lexists(out)


def test_a_failing_writer_leaves_the_previous_output_and_no_staging(tmp_path):
    out = tmp_path / "out"
    with output_folder(out, "render") as staging:
        (staging / "a.html").write_text("old")
    before = tree(out)
    with pytest.raises(RuntimeError), output_folder(out, "render") as staging:
        (staging / "a.html").write_text("half")
        raise RuntimeError("writer failed")
    assert tree(out) == before and siblings(out) == []


def test_a_marker_cannot_make_it_delete_outside_its_folder(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_text(json.dumps({"written_by": "landstrikes render", "state": "complete",
                                          "files": [str(victim), "../victim.txt"]}))
    with output_folder(out, "render") as staging:
        (staging / "index.html").write_text("new")
    assert victim.read_text() == "keep"


@pytest.fixture(scope="module")
def two_sites(built_dataset, tmp_path_factory):
    """The gold (old) and a copy with one quote fewer (new), each with its rendered site's digest."""
    root = tmp_path_factory.mktemp("sites")
    new = root / "new-data"
    shutil.copytree(built_dataset / "data", new / "data")
    save(new, "quotes", load(new, "quotes").iloc[1:])
    digests = []
    for source in (built_dataset, new):
        out = root / f"site-{len(digests)}"
        assert main(["render", str(source), "--out", str(out)]) == 0
        digests.append(tree(out))
    assert digests[0] != digests[1]
    return built_dataset, new, digests, root / "site-0"


def test_a_copy_of_the_old_site_is_what_rendering_it_there_gives(two_sites, tmp_path):
    """The kill cases start from copies of one rendered old site (a render is ~1 s; there were 9)."""
    old_source, _, (old, _), old_site = two_sites
    rendered, copied = tmp_path / "rendered" / "site", tmp_path / "copied" / "site"
    rendered.parent.mkdir()
    assert main(["render", str(old_source), "--out", str(rendered)]) == 0
    shutil.copytree(old_site, copied, symlinks=True)
    assert tree(copied) == tree(rendered) == old
    assert os.listdir(copied.parent) == os.listdir(rendered.parent) == ["site"]
    assert sorted(p.relative_to(copied).as_posix() for p in copied.rglob("*")) == \
        sorted(p.relative_to(rendered).as_posix() for p in rendered.rglob("*"))


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "rename-fallback"])
def test_a_render_killed_at_any_point_leaves_the_old_or_the_new_site(two_sites, tmp_path, exchange, monkeypatch):
    old_source, new_source, (old, new), old_site = two_sites
    points = ["outdir:staged", "outdir:checked", "outdir:marked", "outdir:swapped", "outdir:cleaning"]
    points += [] if exchange else ["outdir:moved-aside"]
    outs = {p: tmp_path / f"case{i}" / "site" for i, p in enumerate(points)}
    for out in outs.values():
        shutil.copytree(old_site, out, symlinks=True)  # what `render old_source --out out` writes there
        assert tree(out) == old
    jobs = [{"id": f"kill{i}", "argv": ["render", str(new_source), "--out", str(outs[p])], "fault": p,
             "exchange": exchange, "logs": str(tmp_path)} for i, p in enumerate(points)]
    status = run_in_children(jobs, tmp_path)
    monkeypatch.setattr(swap, "EXCHANGE", exchange)
    for i, point in enumerate(points):
        assert status[f"kill{i}"] == -9, f"{point} never reached: {(tmp_path / f'kill{i}.err').read_text()[-2000:]}"
        if exchange:
            assert tree(outs[point]) in (old, new), f"{point}: the site is neither the old nor the new one"
        assert main(["render", str(new_source), "--out", str(outs[point])]) == 0, point
        assert tree(outs[point]) == new and siblings(outs[point]) == [], point


def test_export_schemas_default_still_rewrites_the_package_yaml_in_place(tmp_path, monkeypatch):
    from landstrikes.schema import export

    monkeypatch.setattr(export, "EXPORT_DIR", tmp_path)
    (tmp_path / "keep.py").write_text("# not ours")
    from landstrikes.safety.replacefile import replace_text

    written = export.export_schemas(tmp_path, replace_text)
    assert all(p.parent == tmp_path for p in written) and (tmp_path / "keep.py").exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_extract_into_its_earlier_output_keeps_evaluate_working(raw_one, tmp_path):
    out = tmp_path / "silver"
    assert main(["extract", str(raw_one), "--out", str(out)]) == 0
    assert main(["extract", str(DATASET / "raw"), "--out", str(out)]) == 0
    from landstrikes.schema import validate

    assert validate(out).ok
