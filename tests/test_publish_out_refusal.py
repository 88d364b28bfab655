"""`publish --dry-run --out` refuses a target with the `--out` commands' own error class
(OutputRefused), so its check id and exit code come from the one place render, extract and
export-schemas take them from; it wrote `[output-refused]` into its messages by hand before
(loose14). What a user sees stays exactly what it was."""

from __future__ import annotations

import pytest

from landstrikes.cli import main
from landstrikes.releases.publish import prepare_out
from landstrikes.safety.outdir import OutputRefused


def test_an_out_that_is_a_file_is_refused_as_output_refused(tmp_path):
    target = tmp_path / "upload"
    target.write_text("mine\n")
    with pytest.raises(OutputRefused) as refused:
        prepare_out(target)
    assert refused.value.check == "output-refused"
    assert target.read_text() == "mine\n"


def test_an_out_that_is_not_empty_is_refused_as_output_refused_naming_what_is_there(tmp_path):
    (tmp_path / "notes.txt").write_text("mine\n")
    with pytest.raises(OutputRefused) as refused:
        prepare_out(tmp_path)
    assert refused.value.check == "output-refused"
    assert "notes.txt" in str(refused.value)


def test_an_out_inside_a_release_is_refused_as_protected_output(released_copy):
    with pytest.raises(OutputRefused) as refused:
        prepare_out(released_copy / "releases" / "1.0.0" / "upload")
    assert refused.value.check == "protected-output"


def test_a_new_or_empty_out_is_accepted(tmp_path):
    (tmp_path / "empty").mkdir()
    assert prepare_out(tmp_path / "empty") == tmp_path / "empty"
    assert prepare_out(tmp_path / "new") == tmp_path / "new"


def _refusal(args, capsys) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def test_what_a_user_sees_of_each_refusal_is_unchanged(released_copy, tmp_path, capsys):
    """The exact lines publish printed when it wrote the ids by hand: exit 2, one line each."""
    dataset = str(released_copy)
    a_file = tmp_path / "a file"
    a_file.write_text("mine\n")
    full = tmp_path / "full"
    full.mkdir()
    for name in ("a", "b", "c", "d", "e", "f", "g"):
        (full / name).write_text("")
    inside = released_copy / "releases" / "1.0.0" / "upload"
    expected = {
        str(a_file): f"error: --out {a_file} exists and is not a folder: choose a new or empty folder [output-refused]\n",
        str(full): f"error: --out {full} is not empty (a, b, c, d, e and 2 more): choose a new or empty folder [output-refused]\n",
        str(inside): f"error: --out {inside} is inside the release {inside.parent.resolve()}: releases are immutable: "
                     "choose a folder outside it [protected-output]\n",
    }
    for out, line in expected.items():
        assert _refusal(["publish", "1.0.0", "--dry-run", "--out", out, "--dataset", dataset], capsys) == (2, line)
    assert a_file.read_text() == "mine\n" and sorted(p.name for p in full.iterdir()) == list("abcdefg")
    assert not inside.exists()
