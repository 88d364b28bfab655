"""A release's DATASHEET names the release's version in its title. attack42: `release 2.29.0` from a
tree whose tables and documents say 2.28.0 stamped the released tables and card 2.29.0, but the
DATASHEET it copied kept "version 2.28.0" in its title block (`stats:version`, the version of the
tables it describes): a pinned 2.29.0 whose datasheet calls itself 2.28.0. The release's copy has
that block filled with the release's version; every other byte is the repository's datasheet."""

from __future__ import annotations

import re

from landstrikes import __version__

TITLE = re.compile(r"<!-- stats:version -->(.*?)<!-- /stats:version -->")


def test_each_release_s_datasheet_names_its_own_version(released):
    source = (released.parent / "DATASHEET.md").read_text(encoding="utf-8")
    assert TITLE.search(source).group(1) == __version__  # the tree the releases were cut from
    for version in ("1.0.0", "1.0.1"):
        shipped = (released / "releases" / version / "DATASHEET.md").read_text(encoding="utf-8")
        assert TITLE.search(shipped).group(1) == version
        assert TITLE.sub("", shipped) == TITLE.sub("", source)
