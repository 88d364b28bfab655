"""A release named by its git tag (`v2.36.0`, README's CI recipe's LANDSTRIKES_VERSION) is refused
saying the version it means (eco70): the refusal had said only "neither a release version (X.Y.Z)
nor a release folder", which a user holding that very variable cannot act on."""

from __future__ import annotations

import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.errors import ReleaseNotFound
from landstrikes.releases.loading import load


@pytest.mark.parametrize("argv", [["verify", "v2.36.0"], ["diff", "v2.35.2", "2.36.0"]])
def test_a_command_given_a_tag_names_the_version_it_means(argv, capsys):
    code = main([*argv, "--dataset", str(DATASET)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "is the git tag of release 2." in err and "without the 'v'" in err


def test_load_given_a_tag_names_the_version_it_means():
    with pytest.raises(ReleaseNotFound, match=r"v2\.36\.0 is the git tag of release 2\.36\.0"):
        load("quotes", version="v2.36.0", root=DATASET)


def test_a_version_and_a_folder_that_merely_start_with_v_say_nothing_of_tags():
    with pytest.raises(ReleaseNotFound) as raised:
        load("quotes", version="verbatim", root=DATASET)
    assert "git tag" not in str(raised.value)
