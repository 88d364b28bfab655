"""Which code is running: the git commit of a checkout the package is imported from, or the commit
pip recorded when it installed the package from a git URL (PEP 610's direct_url.json).

`landstrikes --version` prints it (attack48: the code of a release commit and of any later commit
of main both said `landstrikes 2.30.0`, so a CI log could not tell which validator ran), and
`release` records the checkout's commit in MANIFEST.json (`git_source`)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

CODE_PATHS = ("scripts", "schema", "pyproject.toml", "constraints.txt")
"""What a checkout's code is: uncommitted changes elsewhere (the dataset, the documents) do not
change what a command does."""


def git(path: Path, *args: str, timeout: float = 30) -> str | None:
    """`git -C path ARGS`'s standard output, or None when git is missing, fails or takes too long.
    The caller's GIT_DIR and GIT_WORK_TREE (set inside a git hook or a CI step) would name another
    repository: they are dropped."""
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    try:
        done = subprocess.run(["git", "-C", str(path), *args], capture_output=True, text=True, timeout=timeout,
                              check=False, stdin=subprocess.DEVNULL, env=env)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return done.stdout if done.returncode == 0 else None


def package_checkout() -> Path | None:
    """The source checkout this package is imported from (an editable install, or `python -m`
    inside it), or None for an installed copy."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "pyproject.toml").is_file() and os.path.lexists(root / ".git") else None


def code_source() -> str | None:
    """One line naming the code that runs, or None when nothing names it (a wheel from an index:
    its version is the release's)."""
    checkout = package_checkout()
    if checkout is not None:
        commit = git(checkout, "rev-parse", "HEAD", timeout=10)
        if not commit or not commit.strip():
            return f"code: the checkout {checkout} (its git commit could not be read)"
        status = git(checkout, "-c", "core.fsmonitor=", "status", "--porcelain", "--untracked-files=no", "--",
                     *CODE_PATHS, timeout=10)
        changes = {None: ", uncommitted changes unknown", "": ""}.get(
            status.strip() if status is not None else None, " with uncommitted changes to its code")
        return f"code: git commit {commit.strip()[:12]}{changes} (checkout {checkout})"
    installed = _installed_from()
    return f"code: git commit {installed[1][:12]} (installed from {installed[0]})" if installed else None


def _installed_from() -> tuple[str, str] | None:
    """(url, commit) pip recorded for a package installed from a git URL, else None."""
    try:
        from importlib.metadata import PackageNotFoundError, distribution

        text = distribution("landstrikes").read_text("direct_url.json")
        recorded = json.loads(text) if text else None
    except (PackageNotFoundError, OSError, ValueError):
        return None
    vcs = recorded.get("vcs_info") if isinstance(recorded, dict) else None
    if not isinstance(vcs, dict) or not isinstance(vcs.get("commit_id"), str) or not isinstance(recorded.get("url"), str):
        return None
    return recorded["url"][:200], vcs["commit_id"]
