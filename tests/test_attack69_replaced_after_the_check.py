"""A folder replaced after a writer's last identity check, right before its swap, changes nothing
where its path now leads: the swap acts on the folders the writer locked, judged and made, through
their descriptors (attack69). attack63 checked the folder's identity by path, then renamed by path:
between the two, `P` replaced by a link to `E` (which holds a copy of `P`, its staging folder with
it, beside the user's own `E/site`) had the staged output exchanged with the user's folder, which
went to a hidden staging name. The replacement is made by a hook on the swap itself, not by timing."""

from __future__ import annotations

import os
import shutil

import pytest

from landstrikes.safety import outdir, swap


def _replaced_before(real, parent, moved, elsewhere):
    """`real`, after `parent` is moved to `moved` and replaced by a link to `elsewhere`, into which a
    copy of what `parent` held is made (a sync or backup tool's copy: the staging folder comes along)."""
    def replace_then(*args, **kwargs):
        parent.rename(moved)
        parent.symlink_to(elsewhere)
        for entry in moved.iterdir():
            if (elsewhere / entry.name).exists():  # (the user's own `site` stays theirs)
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, elsewhere / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, elsewhere / entry.name, follow_symlinks=False)
        return real(*args, **kwargs)

    return replace_then


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "rename"])
@pytest.mark.parametrize("earlier_output", [False, True], ids=["new-out", "over-an-earlier-out"])
def test_an_out_parent_replaced_right_before_the_swap_keeps_the_users_folder(tmp_path, monkeypatch, exchange,
                                                                              earlier_output):
    parent, elsewhere, moved = tmp_path / "P", tmp_path / "E", tmp_path / "P-moved"
    parent.mkdir()
    if earlier_output:
        with outdir.output_folder(parent / "site", "export-schemas") as staging:
            (staging / "old.txt").write_text("old\n", encoding="utf-8")
    (elsewhere / "site").mkdir(parents=True)
    (elsewhere / "site" / "mine.txt").write_text("the user's own\n", encoding="utf-8")
    monkeypatch.setattr(swap, "EXCHANGE", exchange and swap.EXCHANGE)
    monkeypatch.setattr(outdir, "_swap_in", _replaced_before(outdir._swap_in, parent, moved, elsewhere))
    with outdir.output_folder(parent / "site", "export-schemas") as staging:
        (staging / "new.txt").write_text("new\n", encoding="utf-8")
    assert sorted(os.listdir(elsewhere / "site")) == ["mine.txt"]  # the user's folder, where the path now leads
    assert (elsewhere / "site" / "mine.txt").read_text(encoding="utf-8") == "the user's own\n"
    assert sorted(os.listdir(moved / "site")) == [outdir.MARKER, "new.txt"]  # the output, in the folder judged
    assert (moved / "site" / "new.txt").read_text(encoding="utf-8") == "new\n"
    monkeypatch.undo()
    with outdir.output_folder(moved / "site", "export-schemas") as staging:  # the next run cleans what was left
        (staging / "new.txt").write_text("new\n", encoding="utf-8")
    assert sorted(os.listdir(moved)) == ["site"]


def test_a_dry_run_whose_out_folder_is_replaced_after_its_copy_is_refused(released_copy, tmp_path, monkeypatch, capsys):
    """`publish --dry-run --out P/upload` copies the release into a hidden folder of P, by path, and
    renamed it into place by path, with no check that P was still the folder it locked (attack63's
    left item): its copy went wherever P's path then led."""
    from landstrikes.cli import main
    from landstrikes.releases import publish

    parent, elsewhere, moved = tmp_path / "P", tmp_path / "E", tmp_path / "P-moved"
    parent.mkdir()
    elsewhere.mkdir()
    real_fault = publish.fault

    def at(point):
        if point == "publish:staged":
            _replaced_before(lambda: None, parent, moved, elsewhere)()
        real_fault(point)

    monkeypatch.setattr(publish, "fault", at)
    code = main(["publish", "1.0.1", "--dry-run", "--out", str(parent / "upload"), "--dataset", str(released_copy)])
    err = capsys.readouterr().err
    assert code == 2 and "[output-io]" in err and "was moved, deleted or replaced" in err, err
    assert "upload" not in os.listdir(elsewhere) and "upload" not in os.listdir(moved)


def test_a_dry_run_whose_out_folder_is_replaced_right_before_its_rename_lands_where_it_was_judged(
        released_copy, tmp_path, monkeypatch, capsys):
    from landstrikes.cli import main
    from landstrikes.releases import publish

    parent, elsewhere, moved = tmp_path / "P", tmp_path / "E", tmp_path / "P-moved"
    parent.mkdir()
    elsewhere.mkdir()
    monkeypatch.setattr(publish, "rename_durably", _replaced_before(publish.rename_durably, parent, moved, elsewhere))
    code = main(["publish", "1.0.1", "--dry-run", "--out", str(parent / "upload"), "--dataset", str(released_copy)])
    assert code == 0, capsys.readouterr().err
    assert "upload" not in os.listdir(elsewhere)
    assert (moved / "upload" / "MANIFEST.json").is_file()


def test_a_dataset_folder_replaced_right_before_the_swap_keeps_the_other_datasets_tables(whole_copy, tmp_path,
                                                                                        monkeypatch):
    """`build` checks that the dataset folder is still the one it staged in, then swapped by path: a
    folder replaced in between by a link to another dataset (holding a copy of the staging folder)
    had the other dataset's data/ and README.md exchanged."""
    from landstrikes import build

    other, moved = tmp_path / "other", tmp_path / "moved"
    other.mkdir()
    (other / "data").mkdir()
    (other / "data" / "theirs.txt").write_text("the other dataset's own\n", encoding="utf-8")
    (other / "README.md").write_text("the other dataset's card\n", encoding="utf-8")
    monkeypatch.setattr(build, "install", _replaced_before(build.install, whole_copy, moved, other))
    build.build(whole_copy, notice=lambda _: None)
    assert os.listdir(other / "data") == ["theirs.txt"]
    assert (other / "README.md").read_text(encoding="utf-8") == "the other dataset's card\n"
    assert not [p for p in moved.iterdir() if p.name.startswith(".build-")]  # swapped and cleaned, where it was judged


def test_a_swap_failing_through_the_descriptor_names_the_file_by_the_dataset_folders_path(whole_copy, monkeypatch):
    """The swap reaches the dataset folder through /proc/PID/fd/N; a failure there still names the
    file as the user knows it (the promise of attack63's full-disk lines)."""
    from landstrikes import build
    from landstrikes.errors import BuildError
    from landstrikes.safety import swap as swap_module

    def full(staging, entries):
        raise OSError(28, "No space left on device", str(staging / "SWAP.json.tmp"))

    monkeypatch.setattr(swap_module, "write_journal", full)
    with pytest.raises(BuildError) as caught:
        build.build(whole_copy, notice=lambda _: None)
    line = str(caught.value)
    assert str(whole_copy) in line and "/proc/" not in line and "SWAP.json.tmp" in line, line


def test_a_releases_folder_replaced_right_before_the_rename_gets_the_release_where_it_was_judged(
        released_copy, tmp_path, monkeypatch, capsys):
    """`release` checks that releases/ is still the folder it staged in, then renamed by path: a
    folder replaced in between by a link to another releases folder (holding a copy of the staging
    folder) got the release."""
    from landstrikes.cli import main
    from landstrikes.releases import release

    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    root, other, moved = released_copy / "releases", tmp_path / "other-releases", tmp_path / "moved"
    other.mkdir()
    real, calls = release.rename_durably, []

    def first_replaced(*args, **kwargs):  # the release's own rename comes first, its changelog's second
        if not calls:
            _replaced_before(lambda: None, root, moved, other)()
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(release, "rename_durably", first_replaced)
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 0, capsys.readouterr().err
    assert "1.0.2" not in os.listdir(other)
    assert (moved / "1.0.2" / "MANIFEST.json").is_file()


def test_an_out_parent_replaced_and_put_back_while_the_writer_writes_loses_no_file(tmp_path):
    """The writers write by the path `output_folder` yields, and it reaches the staging folder through
    its descriptor (attack69): with the parent replaced by a link to `E` while a page is written, then
    put back, that page had gone to `E` (made there with its folders, as render makes them) and the
    output was swapped in without it, exit 0."""
    parent, elsewhere, moved = tmp_path / "P", tmp_path / "E", tmp_path / "P-moved"
    parent.mkdir()
    elsewhere.mkdir()
    with outdir.output_folder(parent / "site", "render") as staging:
        (staging / "a.html").write_text("a\n", encoding="utf-8")
        parent.rename(moved)
        parent.symlink_to(elsewhere)
        (staging / "pages").mkdir(parents=True, exist_ok=True)
        (staging / "pages" / "b.html").write_text("b\n", encoding="utf-8")
        parent.unlink()
        moved.rename(parent)
        (staging / "c.html").write_text("c\n", encoding="utf-8")
    assert sorted(p.relative_to(parent / "site").as_posix() for p in (parent / "site").rglob("*.html")) == \
        ["a.html", "c.html", "pages/b.html"]
    assert os.listdir(elsewhere) == []
