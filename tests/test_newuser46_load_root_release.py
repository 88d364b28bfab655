"""`load(..., root=)` given a release folder itself says how to load it (newuser46).

README: "pass `root=` the dataset or releases folder of your copy". A user who copied one release
folder into their project (`myproj/landstrikes-2.29.0/`) and passed that folder as `root=` read
`no release 2.29.0 under myproj/landstrikes-2.29.0 (releases there: none)`: true, and no hint
that the folder is a release, which `version=` takes as a path.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import DATASET

import landstrikes
from landstrikes.errors import ReleaseNotFound


@pytest.fixture(scope="module")
def one_release(tmp_path_factory):
    target = tmp_path_factory.mktemp("myproj") / "landstrikes-2.29.0"
    shutil.copytree(DATASET / "releases" / "2.29.0", target)
    return target


@pytest.mark.parametrize("where", ["release", "its data"])
def test_root_naming_a_release_folder_says_to_pass_it_as_version(one_release, where):
    root = one_release if where == "release" else one_release / "data"
    with pytest.raises(ReleaseNotFound) as caught:
        landstrikes.load("stance_targets", version="2.29.0", root=root)
    message = str(caught.value)
    assert f"{one_release} is a release folder" in message, message
    assert f"version={str(one_release)!r}" in message, message


def test_the_release_folder_given_as_version_loads(one_release):
    assert len(landstrikes.load("stance_targets", version=str(one_release))) == 4


def test_a_folder_of_releases_without_the_version_still_lists_what_it_holds(tmp_path):
    (tmp_path / "releases" / "2.28.0").mkdir(parents=True)
    with pytest.raises(ReleaseNotFound, match=r"releases there: 2\.28\.0\)$"):
        landstrikes.load("quotes", version="2.29.0", root=tmp_path)
