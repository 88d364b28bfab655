"""Build errors that name the file, the line and what is wrong, in one line."""


class BuildError(Exception):
    """Bad raw text or annotation source; the CLI prints str(self) and exits non-zero."""

    def __init__(self, file, reason: str, line: int | None = None):
        self.file, self.reason, self.line = str(file), reason, line
        where = f"{self.file}:{line}" if line is not None else self.file
        super().__init__(f"{where}: {reason}")
