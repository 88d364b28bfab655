"""What a command line says to do is said in the command line's own terms (newuser48).

A user who pinned 2.33.0 by pip (no checkout, so no release beside the code) and ran
`landstrikes diff 2.32.0 2.33.0` read `... pass root= the dataset or releases folder of your copy,
or version= a release folder`: the advice of the Python function `landstrikes.load`, whose
keywords no command has; `landstrikes verify` read `no releases under dataset/releases` and no way
on. `landstrikes extract FILE.txt` read `FILE.txt: no such folder` of a file that is there.
"""

from __future__ import annotations

import pytest

from landstrikes import cli
from landstrikes.releases import loading


@pytest.fixture
def no_release_anywhere(tmp_path, monkeypatch):
    """An installed (not editable) package run from a project folder: no ./dataset, no checkout."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loading, "SOURCE_CHECKOUT", tmp_path / "site-packages")
    return tmp_path


def error_line(capsys, argv: list[str]) -> tuple[int, str]:
    code = cli.main(argv)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return code, err


@pytest.mark.parametrize("argv", [
    ["diff", "2.32.0", "2.33.0"],
    ["verify", "2.33.0"],
    ["verify"],
    ["publish", "2.33.0", "--repo", "org/name", "--dry-run", "--out", "upload"],
])
def test_a_command_that_finds_no_release_names_its_own_options_not_the_python_keywords(no_release_anywhere, capsys, argv):
    code, err = error_line(capsys, argv)
    assert code == 2, err
    assert "[release-not-found]" in err, err
    assert "root=" not in err and "version=" not in err, err
    assert "--dataset" in err and "release folder" in err, err


def test_a_command_given_a_release_folder_as_dataset_says_to_name_the_folder_itself(tmp_path, monkeypatch, capsys):
    """`--dataset` one release folder copied into a project: the command takes the folder as the version."""
    import shutil
    from pathlib import Path

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loading, "SOURCE_CHECKOUT", tmp_path / "site-packages")
    release = Path(__file__).resolve().parents[1] / "dataset" / "releases" / "2.33.0"
    shutil.copytree(release, tmp_path / "corpus")
    code, err = error_line(capsys, ["diff", "2.32.0", "2.33.0", "--dataset", "corpus"])
    assert code == 2, err
    assert "root=" not in err and "version=" not in err, err
    assert "corpus is a release folder" in err and "in place of the version" in err, err


def test_the_python_function_still_names_its_keywords(no_release_anywhere):
    with pytest.raises(loading.ReleaseNotFound) as caught:
        loading.resolve_release("2.33.0")
    assert "root=" in str(caught.value) and "version=" in str(caught.value)


def test_extract_given_a_text_file_says_it_is_a_file_and_to_pass_its_folder(tmp_path, capsys):
    article = tmp_path / "news" / "one.txt"
    article.parent.mkdir()
    article.write_text("A short article.\n", encoding="utf-8")
    code, err = error_line(capsys, ["extract", str(article), "--out", str(tmp_path / "out")])
    assert code == 2, err
    assert "no such folder" not in err, err
    assert "[raw-missing]" in err and "a file, not a folder" in err and str(article.parent) in err, err
    code, err = error_line(capsys, ["extract", str(tmp_path / "absent"), "--out", str(tmp_path / "out")])
    assert code == 2 and "no such folder" in err, err


def test_evaluate_of_articles_the_gold_lacks_says_what_evaluate_scores_and_what_to_do_instead(tmp_path, capsys):
    """A user extracted an article of their own and asked `evaluate` to score it: there is no gold
    for it, and the line had said only `PRED and dataset have no article in common`."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "mine.txt").write_text("Officials said on Monday that the port would reopen.\n", encoding="utf-8")
    assert cli.main(["extract", str(news), "--out", str(tmp_path / "silver")]) == 0
    capsys.readouterr()
    code, err = error_line(capsys, ["evaluate", str(tmp_path / "silver")])
    assert code == 2 and "[bad-input]" in err and "no article in common" in err, err
    assert "--gold" in err and "validate" in err and "render" in err, err


def test_a_table_edited_inside_a_release_copy_says_how_to_validate_an_edited_copy(tmp_path):
    """README, 'Your own edited copy': edit a copy of the release's data/ folder, not the release
    folder, whose MANIFEST.json pins every byte. A user who edited inside it read `sha256 X,
    manifest says Y` and no way on."""
    import shutil
    from pathlib import Path

    import pyarrow.parquet as pq

    from landstrikes.schema import validate

    release = tmp_path / "2.33.0"
    shutil.copytree(Path(__file__).resolve().parents[1] / "dataset" / "releases" / "2.33.0", release)
    path = release / "data" / "quotes" / "quotes.parquet"
    table = pq.read_table(path)
    pq.write_table(table.slice(0, table.num_rows - 3), path)  # three rows dropped, stamps kept
    found = [f for f in validate(release).findings if f.check == "sha256-mismatch"]
    assert [f.row_id for f in found] == ["data/quotes/quotes.parquet"], found
    assert "data/ folder out of the release" in found[0].message and "--pin" in found[0].message, found[0].message
    shutil.copytree(release / "data", tmp_path / "mycopy")
    assert validate(tmp_path / "mycopy").ok  # what the message says to do


def test_a_pin_on_a_copy_without_manifest_says_to_validate_it_without_the_pin(tmp_path, capsys):
    """README's CI recipe passes --pin; a user's own edited copy of data/ holds no MANIFEST.json."""
    import shutil
    from pathlib import Path

    from landstrikes.schema import validate

    shutil.copytree(Path(__file__).resolve().parents[1] / "dataset" / "releases" / "2.33.0" / "data", tmp_path / "mycopy")
    pin = "6c689fd9353e50e2fda33756802dd41681febe248d54194eb10bb957f27e88a4"
    code, err = error_line(capsys, ["validate", str(tmp_path / "mycopy"), "--pin", pin])
    assert code == 2 and "[unusable-path]" in err and "validate it without --pin" in err, err
    report = validate(tmp_path / "mycopy", pin=pin)
    assert not report.ok and "validate it without a pin" in report.unusable, report.unusable


@pytest.mark.parametrize("level", ["table folder", "parquet file"])
def test_validate_given_one_table_says_to_pass_the_folder_that_holds_the_tables(tmp_path, capsys, level):
    """A path one level too deep (`mycopy/quotes`, or its .parquet file) named what was missing, not
    what to pass."""
    import shutil
    from pathlib import Path

    shutil.copytree(Path(__file__).resolve().parents[1] / "dataset" / "releases" / "2.33.0" / "data", tmp_path / "mycopy")
    given = tmp_path / "mycopy" / "quotes"
    if level == "parquet file":
        given = given / "quotes.parquet"
    for argv in (["validate", str(given)], ["diff", str(tmp_path / "mycopy"), str(given)],
                 ["render", str(given), "--out", str(tmp_path / "site")]):
        code = cli.main(argv)
        out = capsys.readouterr()
        line = (out.err + out.out).strip().splitlines()[-1]
        assert code == 2 and any(f"[{check}]" in line for check in ("unreadable-folder", "release-not-found", "render-refused")), line
        # (the report cuts a long line: under a deep pytest folder the path itself may be cut short)
        assert "is one table's folder: pass the folder that holds the table folders (" in line, line
        named = line.split("pass the folder that holds the table folders (", 1)[1]
        expected = f"{tmp_path / 'mycopy'})"
        assert named.startswith(expected) or (named.endswith("…") and expected.startswith(named[:-1])), line


def test_loading_or_verifying_a_copy_of_tables_without_manifest_says_what_reads_it(tmp_path, capsys):
    """`landstrikes.load("quotes", version="mycopy")` on an edited data/ copy said only
    `missing-manifest (no MANIFEST.json in mycopy)`: a copy is no release, and validate judges it."""
    import shutil
    from pathlib import Path

    import landstrikes
    from landstrikes.errors import ReleaseIntegrityError

    copy = tmp_path / "mycopy"
    shutil.copytree(Path(__file__).resolve().parents[1] / "dataset" / "releases" / "2.33.0" / "data", copy)
    with pytest.raises(ReleaseIntegrityError) as caught:
        landstrikes.load("quotes", version=str(copy))
    assert "missing-manifest" in str(caught.value) and "landstrikes validate" in str(caught.value), caught.value
    code = cli.main(["verify", str(copy)])
    out = capsys.readouterr().out
    assert code == 1 and "[missing-manifest]" in out and "landstrikes validate" in out, out


def test_a_missing_extra_is_one_line_with_its_own_check_id(capsys):
    """`landstrikes extract` in README's CI install (the core package) printed `... pip install
    'landstrikes[extract]'` with no check id: the extra's name in brackets passed for one."""
    from landstrikes.extras import EXTRAS, MissingExtra

    for module in EXTRAS:
        cli._error(MissingExtra(module))
        err = capsys.readouterr().err
        assert err.startswith("error: [missing-extra] ") and "pip install 'landstrikes[" in err, err


def test_a_bracketed_word_inside_a_name_is_not_taken_for_a_check_id(capsys):
    cli._error("cannot read data/quotes[old]/part.parquet", "unusable-path")
    assert capsys.readouterr().err.startswith("error: [unusable-path] cannot read data/quotes[old]/"), "id missing"
    cli._error("/tmp/x: no such folder [raw-missing]", "refused")
    assert capsys.readouterr().err == "error: /tmp/x: no such folder [raw-missing]\n"
