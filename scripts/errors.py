"""Build errors that name the file, the line and what is wrong, in one line."""


class BuildError(Exception):
    """Bad raw text or annotation source; the CLI prints str(self) and exits non-zero."""

    def __init__(self, file, reason: str, line: int | None = None):
        self.file, self.reason, self.line = str(file), reason, line
        where = f"{self.file}:{line}" if line is not None else self.file
        super().__init__(f"{where}: {reason}")


class ReleaseError(Exception):
    """A release that must not be made (exists, version too small, invalid build); exit 2."""


class ReleaseIntegrityError(Exception):
    """A release folder whose files do not match its MANIFEST.json (or that has none).

    `problems` lists every difference (check id, file, message), so one error names them all.
    """

    def __init__(self, folder, problems):
        self.folder, self.problems = str(folder), list(problems)
        first = "; ".join(f"{p.path}: {p.check} ({p.message})" for p in self.problems[:3])
        more = f"; and {len(self.problems) - 3} more" if len(self.problems) > 3 else ""
        super().__init__(f"release {self.folder} failed verification: {first}{more}")


class ReleaseNotFound(LookupError):
    """No release folder for the version asked for (the message lists the ones there are)."""
