"""The state a kill after `swap:exchanged:data` leaves: new data/ live, old card live, the new card
and the old data/ in the journaled staging folder."""

import shutil
from pathlib import Path

from landstrikes.safety.swap import digest, write_journal


def prepare(input: Path) -> None:
    staging = input / ".build-killed"
    shutil.copytree(input / "data", staging / "data")  # the old tables, exchanged out
    shutil.copy(input / "README.md", staging / "README.md")  # the new card, not yet swapped in
    (input / "README.md").write_text("the old card\n", encoding="utf-8")
    write_journal(staging, {"data": digest(input / "data"), "README.md": digest(staging / "README.md")})
