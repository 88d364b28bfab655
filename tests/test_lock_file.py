"""The dataset lock itself never writes through a symbolic link or into a non-file, whatever a
caller checked before (attack5 left the window between the check and the open)."""

from __future__ import annotations

import os

import pytest

from landstrikes.errors import BuildError
from landstrikes.safety.lock import exclusive


def test_a_lock_path_that_is_a_symlink_is_refused_and_what_it_names_is_kept(tmp_path):
    precious = tmp_path / "article.txt"
    precious.write_text("the only copy\n", encoding="utf-8")
    lock = tmp_path / ".landstrikes.lock"
    lock.symlink_to(precious)
    with pytest.raises(BuildError) as refused:
        with exclusive(lock):
            pass
    assert refused.value.check == "lock-file-not-a-file"
    assert precious.read_text(encoding="utf-8") == "the only copy\n"


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "folder"])
def test_a_lock_path_that_is_not_a_regular_file_is_refused_without_hanging(tmp_path, make):
    lock = tmp_path / ".landstrikes.lock"
    make(lock)
    with pytest.raises(BuildError) as refused:
        with exclusive(lock):
            pass
    assert refused.value.check == "lock-file-not-a-file"


def test_a_missing_lock_file_is_created_and_holds_the_pid(tmp_path):
    lock = tmp_path / ".landstrikes.lock"
    with exclusive(lock):
        assert lock.read_text(encoding="ascii").strip() == str(os.getpid())
