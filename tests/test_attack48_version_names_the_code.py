"""`landstrikes --version` names the code that runs, not only its version (attack48): the code of
a release commit and of every later commit of main both printed `landstrikes 2.30.0 (...)`, so a
CI log could not tell which validator judged the data. From a checkout it names the git commit
(and uncommitted changes to the code); installed by pip from a git URL, the commit pip recorded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from landstrikes import codesource

ROOT = Path(__file__).resolve().parent.parent
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed here")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    repo = tmp_path / "checkout"
    (repo / "scripts").mkdir(parents=True)
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (repo / "scripts" / "cli.py").write_text("print('one')\n")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "first")
    monkeypatch.setattr(codesource, "package_checkout", lambda: repo)
    return repo


@needs_git
def test_two_commits_of_a_checkout_print_two_different_code_lines(checkout):
    first = codesource.code_source()
    assert first == f"code: git commit {_git(checkout, 'rev-parse', 'HEAD')[:12]} (checkout {checkout})"
    (checkout / "scripts" / "cli.py").write_text("print('two')\n")
    _git(checkout, "commit", "-qam", "second")
    second = codesource.code_source()
    assert second != first and _git(checkout, "rev-parse", "HEAD")[:12] in second


@needs_git
def test_uncommitted_changes_to_the_code_are_said_and_other_changes_are_not(checkout):
    (checkout / "notes.md").write_text("untracked\n")
    assert "with uncommitted changes" not in codesource.code_source()
    (checkout / "scripts" / "cli.py").write_text("print('edited')\n")
    assert codesource.code_source().endswith(f" with uncommitted changes to its code (checkout {checkout})")


@needs_git
def test_a_git_dir_of_another_repository_in_the_environment_does_not_name_its_commit(checkout, tmp_path, monkeypatch):
    other = tmp_path / "other"
    other.mkdir()
    _git(other, "init", "-q")
    (other / "f").write_text("x")
    _git(other, "add", "f")
    _git(other, "commit", "-qm", "other")
    expected, elsewhere = _git(checkout, "rev-parse", "HEAD")[:12], _git(other, "rev-parse", "HEAD")[:12]
    assert expected != elsewhere
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))  # as inside a git hook or some CI steps
    assert codesource.code_source().startswith(f"code: git commit {expected}")


def test_a_package_pip_installed_from_a_git_url_names_the_commit_pip_recorded(monkeypatch):
    class Installed:
        def read_text(self, name):
            assert name == "direct_url.json"
            return json.dumps({"url": "https://github.com/landstrikes/landstrikes",
                               "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": "ab" * 20}})

    monkeypatch.setattr(codesource, "package_checkout", lambda: None)
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: Installed())
    assert codesource.code_source() == "code: git commit abababababab (installed from https://github.com/landstrikes/landstrikes)"


def test_an_installed_package_without_a_recorded_commit_prints_the_version_line_alone(monkeypatch):
    class Installed:
        def read_text(self, name):
            return None

    monkeypatch.setattr(codesource, "package_checkout", lambda: None)
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: Installed())
    assert codesource.code_source() is None


@needs_git
def test_the_command_run_from_this_checkout_names_its_commit():
    if codesource.package_checkout() is None:
        pytest.skip("the package is not imported from a git checkout here")
    done = subprocess.run([sys.executable, "-m", "landstrikes", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    head = _git(codesource.package_checkout(), "rev-parse", "HEAD")[:12]
    assert done.stdout.splitlines()[1].startswith(f"code: git commit {head}")
