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
    Every GIT_* variable of the caller's environment is dropped: GIT_DIR and GIT_WORK_TREE (set inside
    a git hook or a CI step) name another repository, and so do GIT_COMMON_DIR, GIT_OBJECT_DIRECTORY
    and the rest of the class (attack49: with GIT_COMMON_DIR set, a clean checkout's changes read
    'unknown'); GIT_CONFIG_* would change what git reads."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("GIT_")}
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
        commit = _own_commit(checkout)
        if commit is None:
            return f"code: the checkout {checkout} (its git commit could not be read)"
        status = git(checkout, "-c", "core.fsmonitor=", "status", "--porcelain", "--untracked-files=no", "--",
                     *CODE_PATHS, timeout=10)
        changes = {None: ", uncommitted changes unknown", "": ""}.get(
            status.strip() if status is not None else None, " with uncommitted changes to its code")
        return f"code: git commit {commit[:12]}{changes} (checkout {checkout})"
    installed = _installed_from()
    return f"code: git commit {installed[1][:12]} (installed from {installed[0]})" if installed else None


def _own_commit(checkout: Path) -> str | None:
    """HEAD's commit of the repository whose work tree is `checkout` itself, else None. A `.git` git
    cannot read (an empty or half-copied folder) makes git search the folders above: a copy of the
    project inside another repository had printed that repository's commit as its own (attack49)."""
    out = git(checkout, "rev-parse", "--show-toplevel", "HEAD", timeout=10)
    lines = out.splitlines() if out else []
    if len(lines) != 2 or not lines[1].strip():
        return None
    try:
        own = Path(lines[0]).resolve() == checkout.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return lines[1].strip() if own else None


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
    return _without_credentials(recorded["url"])[:200], vcs["commit_id"]


def _without_credentials(url: str) -> str:
    """The URL without a user's password or token (`https://bot:TOKEN@host/...`): a CI log is often
    public, and not every installer drops them from direct_url.json as PEP 610 asks (attack49).
    The user `git` of an ssh URL is no secret and stays."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return "a URL that could not be read"
    if not parts.netloc and "@" in url.split("/", 1)[0]:  # scp-like, `user:token@host:path`
        user, _, rest = url.split("/", 1)[0].rpartition("@")
        return ("git@" if user == "git" else "") + rest + url[len(url.split("/", 1)[0]):]
    if "@" not in parts.netloc:
        return url
    user, _, host = parts.netloc.rpartition("@")
    kept = "git@" + host if user == "git" else host
    return urlunsplit(parts._replace(netloc=kept))
