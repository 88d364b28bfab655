"""A file replacement that fails names the file it could not write (attack34).

`stats` rewrites DATASHEET.md, README.md, stats.json and the figures through
`landstrikes.safety.replacefile`. On a full disk, or past a file-size limit (RLIMIT_FSIZE, a batch
system's), the write's OSError names no file, and the command's last guard printed
`error: [unusable-path] input: File too large`: neither the file nor that it was being written
(the document itself was kept whole). The error now names the file being replaced.
"""

from __future__ import annotations

import resource
import subprocess
import sys

from landstrikes.documents.docgen import DATASHEET


def _limited():
    resource.setrlimit(resource.RLIMIT_FSIZE, (32 * 1024, 32 * 1024))


def test_stats_past_a_file_size_limit_names_the_document(released_copy):
    sheet = released_copy.parent / DATASHEET
    text = sheet.read_text(encoding="utf-8")
    stale = text.replace("<!-- stats:version -->", "<!-- stats:version -->0.", 1)
    assert stale != text and len(text.encode()) > 32 * 1024
    sheet.write_text(stale, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "landstrikes", "stats", "--dataset", str(released_copy)],
                          capture_output=True, text=True, preexec_fn=_limited)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert str(sheet) in done.stderr and "input:" not in done.stderr, done.stderr
    assert sheet.read_text(encoding="utf-8") == stale  # kept whole
    assert not [p.name for p in sheet.parent.iterdir() if p.name.endswith(".landstrikes-tmp")]
