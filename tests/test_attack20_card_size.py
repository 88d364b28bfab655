"""A dataset card's YAML is parsed in bounded time: a block far larger than any card is refused unparsed (attack20).

attack19 made verify parse the card with PyYAML's pure-Python loader, as `DatasetCard.load` does;
it reads about 60 KB a second. A forged card (re-hashed in MANIFEST.json) whose YAML block held
2.6 MB of keys kept verify, and every `load` of the release, busy for 44 s; ten times that, seven
minutes. The cards `release` writes hold about 10 KB of YAML; a block over 1 MiB is read as an
unreadable card (every table's row count unwitnessed), without parsing it.
"""

from __future__ import annotations

import json
import time

from conftest import rehash_in_manifest
from landstrikes.releases.manifest import verify


def test_a_card_with_megabytes_of_yaml_is_refused_without_parsing_it(release_copy):
    card = release_copy / "README.md"
    lines = card.read_text(encoding="utf-8").split("\n")
    close = lines.index("---", 1)
    padding = [f"pad{i}: [a, b, c, {{x: 1}}]" for i in range(120_000)]  # 3 MB
    card.write_text("\n".join(lines[:close] + padding + lines[close:]), encoding="utf-8")
    manifest = json.loads((release_copy / "MANIFEST.json").read_text(encoding="utf-8"))
    rehash_in_manifest(release_copy, manifest, "README.md")
    started = time.monotonic()
    problems = verify(release_copy)
    assert time.monotonic() - started < 10
    assert any(p.check == "witness-mismatch" and p.path.startswith("README.md") for p in problems), problems


def test_a_fifo_or_a_link_to_an_endless_device_as_the_card_is_refused_unread(release_copy, tmp_path):
    """verify hung for good on a release whose README.md was a FIFO (the card's checks opened it
    before looking), and read a link to /dev/zero until memory ran out."""
    import os
    import subprocess
    import sys

    card = release_copy / "README.md"
    for plant in (lambda: os.mkfifo(card), lambda: card.symlink_to("/dev/zero")):
        card.unlink()
        plant()
        done = subprocess.run([sys.executable, "-m", "landstrikes", "verify", str(release_copy)], capture_output=True,
                              text=True, timeout=120, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        assert done.returncode == 1 and "README.md" in done.stdout, done.stdout + done.stderr
