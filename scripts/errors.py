"""Build errors that name the file, the line and what is wrong, in one line."""

from __future__ import annotations

import re
from contextlib import contextmanager
import reprlib

from landstrikes.schema.report import one_line as _one_line
from landstrikes.schema.report import counted, noun, visible  # noqa: F401  (one rule for every message: attack23; counted: attack48; noun: attack50)

SHORT = 60
"""At most this many characters of a value appear in a message (then "…")."""

_repr = reprlib.Repr()
_repr.maxlevel, _repr.maxdict, _repr.maxlist, _repr.maxtuple, _repr.maxset = 2, 4, 4, 4, 4
_repr.maxstring, _repr.maxother, _repr.maxlong = SHORT + 2, SHORT, SHORT


def short(value, limit: int = SHORT) -> str:
    """A bounded repr: a str is cut to `limit` characters before it is formatted, a container is
    walked only a few levels and items deep, so no value (however large, or aliased a million
    times) costs more than a few hundred characters of work to show."""
    if isinstance(value, str):
        return repr(value[:limit]) + ("…" if len(value) > limit else "")
    text = _repr.repr(value)
    return text[:limit] + "…" if len(text) > limit else text


def one_line(text: str, limit: int = 300) -> str:
    """Any message as one bounded line (for texts we did not write, e.g. an OS error)."""
    return _one_line(text, limit)


class BuildError(Exception):
    """Bad raw text or annotation source; the CLI prints str(self) and exits 2.

    `check` is a stable id (README lists them), `line` is 1-based or None for a whole file.
    """

    def __init__(self, file, reason: str, line: int | None = None, check: str = "bad-source"):
        self.file, self.reason, self.line, self.check = str(file), one_line(reason, 500), line, check
        shown = visible(self.file)
        where = f"{shown}:{line}" if line is not None else shown
        super().__init__(f"{where}: {self.reason} [{check}]")


class ReleaseError(Exception):
    """A release that must not be made (exists, version too small, invalid build); exit 2."""


class ReleaseIntegrityError(Exception):
    """A release folder whose files do not match its MANIFEST.json (or that has none).

    `problems` lists every difference (check id, file, message), so one error names them all.
    """

    def __init__(self, folder, problems):
        self.folder, self.problems = str(folder), list(problems)
        first = "; ".join(f"{visible(p.path)}: {p.check} ({visible(p.message)})" for p in self.problems[:3])
        more = f"; and {len(self.problems) - 3} more" if len(self.problems) > 3 else ""
        super().__init__(f"release {visible(self.folder)} failed verification: {first}{more}")


class ReleaseSchemaNewer(ReleaseIntegrityError):
    """A release stating a schema version newer than this package's, and nothing else wrong: its
    columns and label lists are unknown here, so it is refused as unverifiable (upgrade
    landstrikes), not as forged. A ReleaseIntegrityError still, for callers that catch those."""

    def __init__(self, folder, problems):
        super().__init__(folder, problems)
        Exception.__init__(self, f"release {visible(self.folder)} cannot be verified by this package: "
                                 f"{visible(self.problems[0].message)}")


class ReleaseNotFound(LookupError):
    """No release folder for the version asked for (the message lists the ones there are)."""


def os_error_parts(exc: OSError) -> tuple[str | None, str]:
    """Where an OSError happened (None: not said) and why, in words. `shutil.copytree` gathers
    every file it could not copy into one `shutil.Error` whose text is a Python list of (source,
    target, reason) tuples, naming no file as an OSError does (attack18: a release on a full disk
    printed 1,300 characters of it): its first failure is named, with a count of the others."""
    import shutil

    failures = exc.args[0] if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) else None
    if failures and all(isinstance(failure, tuple) and len(failure) == 3 for failure in failures):
        source, target, why = failures[0]
        more = f"; {counted(len(failures) - 1, 'more file')} not copied" if len(failures) > 1 else ""
        return str(target), one_line(f"cannot copy {source}: {str(why).split(': ', 1)[0]}{more}")
    if exc.filename2 is not None and disk_refused_write(exc):  # shutil.copyfile names its source first
        return exc.filename2, exc.strerror or one_line(str(exc))
    return exc.filename, exc.strerror or one_line(str(exc))


_STATED_ERRNO = re.compile(r"\[errno (\d+)\]", re.IGNORECASE)
"""How an error that sets no errno states it: Arrow's `Error writing bytes to file. Detail: [errno 28] ...`, shutil.Error's `[Errno 28] ...`."""


def disk_refused_write(exc: OSError) -> bool:
    """The disk refused a write: full, a file-size limit, a quota (attack46: a release stopped so
    named a source it was copying from, or the dataset folder, as an `[unusable-path]`)."""
    return refused_write_errno(exc) is not None


@contextmanager
def naming(path):
    """An OSError raised while writing `path` names it. A write's ENOSPC, EFBIG, EDQUOT or EIO names
    no file (Python's `write`, Arrow's `Error writing bytes to file. Detail: [errno 28] ...`), and the
    command's line named the dataset or `--out` folder instead (attack56's left item: `fd/ds: cannot
    write: ... [build-io]`; `render` and `extract` named `--out`): every file a command writes into a
    staging folder is written under this (attack63)."""
    import os
    import shutil

    try:
        yield
    except OSError as exc:
        if exc.filename is not None or isinstance(exc, shutil.Error):  # (its list names the files)
            raise
        code = exc.errno if exc.errno is not None else refused_write_errno(exc)
        refused = refused_write_errno(exc)  # Arrow's strerror is its whole sentence: the system's words
        why = os.strerror(refused) if refused is not None else exc.strerror or one_line(str(exc))
        raise OSError(code, why, str(path)) from exc


def refused_write_errno(exc: OSError) -> int | None:
    """ENOSPC, EFBIG or EDQUOT when the error is such a refusal (from its errno, or the `[errno N]`
    its text states), else None."""
    import errno

    refused = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", 122)}
    if exc.errno is not None:
        return exc.errno if exc.errno in refused else None
    found = _STATED_ERRNO.search(str(exc))
    code = int(found.group(1)) if found is not None else None
    return code if code in refused else None
