"""README's CI recipe names the validator's commit at the tag it pins (newuser47).

The recipe pins `LANDSTRIKES_VERSION: vX.Y.Z` and printed `landstrikes --version   # the package's
version and the git commit pip installed`; installed at v2.32.0 (pip, git URL) it printed one line,
no commit: `--version`'s second line (landstrikes.codesource) came after that tag. When the tagged
code cannot name its commit, the recipe must name it another way (`pip freeze`, which prints the
`landstrikes @ git+...@<commit>` pip recorded, at any tag).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def recipe() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("# .github/workflows/landstrikes.yml")
    return text[start:text.index("```", start)]


def test_the_recipe_names_the_installed_commit_at_the_tag_it_pins():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("no git checkout")
    tag = re.search(r"LANDSTRIKES_VERSION: (v\d+\.\d+\.\d+)", recipe()).group(1)
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "-q", "--verify", f"refs/tags/{tag}"], capture_output=True).returncode:
        pytest.skip(f"no tag {tag} in this clone (README: a copy without tags)")
    tagged_code_names_it = not subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{tag}:scripts/codesource.py"], capture_output=True
    ).returncode
    if not tagged_code_names_it:
        assert "pip freeze" in recipe(), f"the code at {tag} prints no commit in --version; the recipe names none"
