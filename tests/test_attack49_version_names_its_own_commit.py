"""`landstrikes --version`'s code line names the commit of the checkout the package is imported
from, or none; never another repository's (attack49). A checkout's `.git` that git cannot read (an
empty or half-copied folder) let git search the folders above it, so a copy of the project inside
another git repository printed that repository's commit as its own; and git variables of the
environment other than GIT_DIR (GIT_COMMON_DIR, GIT_OBJECT_DIRECTORY, set by hooks and CI steps)
pointed the calls at another repository's files."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from landstrikes import codesource

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed here")


def _git(repo, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          check=True, capture_output=True, text=True).stdout.strip()


def _repo(path, name: str):
    path.mkdir(parents=True)
    (path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (path / name).write_text(name)
    _git(path, "init", "-q")
    _git(path, "add", "-A")
    _git(path, "commit", "-qm", name)
    return path


@needs_git
@pytest.mark.parametrize("broken", ["empty .git folder", ".git folder without objects"])
def test_a_checkout_whose_git_folder_is_unreadable_never_names_the_commit_of_a_repository_above_it(
        tmp_path, monkeypatch, broken):
    outer = _repo(tmp_path / "outer", "outer")
    checkout = outer / "vendored" / "landstrikes"
    (checkout / "scripts").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("[project]\nname = 'landstrikes'\n")
    (checkout / ".git").mkdir()
    if broken == ".git folder without objects":
        (checkout / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    monkeypatch.setattr(codesource, "package_checkout", lambda: checkout)
    line = codesource.code_source()
    assert _git(outer, "rev-parse", "HEAD")[:12] not in line
    assert line == f"code: the checkout {checkout} (its git commit could not be read)"


@needs_git
@pytest.mark.parametrize("variable", ["GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                                      "GIT_CONFIG_PARAMETERS"])
def test_git_variables_of_the_environment_do_not_change_the_code_line(tmp_path, monkeypatch, variable):
    checkout = _repo(tmp_path / "checkout", "mine")
    other = _repo(tmp_path / "other", "other")
    monkeypatch.setattr(codesource, "package_checkout", lambda: checkout)
    expected = f"code: git commit {_git(checkout, 'rev-parse', 'HEAD')[:12]} (checkout {checkout})"
    values = {"GIT_COMMON_DIR": str(other / ".git"), "GIT_OBJECT_DIRECTORY": str(other / ".git" / "objects"),
              "GIT_ALTERNATE_OBJECT_DIRECTORIES": str(other / ".git" / "objects"),
              "GIT_CONFIG_PARAMETERS": "'core.bare'='true'"}
    monkeypatch.setenv(variable, values[variable])
    assert codesource.code_source() == expected


@pytest.mark.parametrize("url, shown", [
    ("https://ci-bot:ghp_SECRETTOKEN@github.com/landstrikes/landstrikes", "https://github.com/landstrikes/landstrikes"),
    ("https://ghp_SECRETTOKEN@github.com/landstrikes/landstrikes", "https://github.com/landstrikes/landstrikes"),
    ("ssh://git@github.com/landstrikes/landstrikes.git", "ssh://git@github.com/landstrikes/landstrikes.git"),
    ("bot:ghp_SECRETTOKEN@github.com:landstrikes/landstrikes.git", "github.com:landstrikes/landstrikes.git"),
    ("git@github.com:landstrikes/landstrikes.git", "git@github.com:landstrikes/landstrikes.git"),
])
def test_the_recorded_url_is_printed_without_a_password_or_token(monkeypatch, url, shown):
    """A CI log is often public: an installer that kept the credentials of a private git URL in
    direct_url.json (PEP 610 asks installers to drop them; not every one does) must not have
    `--version` print them. The user `git` of an ssh URL is no secret and stays."""
    import json

    class Installed:
        def read_text(self, name):
            return json.dumps({"url": url, "vcs_info": {"vcs": "git", "commit_id": "cd" * 20}})

    monkeypatch.setattr(codesource, "package_checkout", lambda: None)
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: Installed())
    assert codesource.code_source() == f"code: git commit cdcdcdcdcdcd (installed from {shown})"
