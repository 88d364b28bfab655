"""Optional dependencies (pip extras): imported only where a command needs them, and named in a
one-line error when missing, so the core install stays what `build` and `validate` need."""

from __future__ import annotations

import importlib

EXTRAS = {
    "jinja2": ("viewer", "the HTML viewer (landstrikes render)"),
    "markupsafe": ("viewer", "the HTML viewer (landstrikes render)"),
    "matplotlib": ("figures", "the figures (landstrikes stats)"),
    "PIL": ("figures", "the figures (landstrikes stats)"),
    "pycountry": ("extract", "automatic extraction (landstrikes extract)"),
}
"""Top-level module -> (extra that installs it, what needs it)."""


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says which extra installs it."""

    def __init__(self, module: str):
        extra, feature = EXTRAS[module]
        super().__init__(f"{feature} needs {module}, which is not installed: pip install 'landstrikes[{extra}]'",
                         name=module)
        self.extra = extra


def require(module: str):
    """import_module(module), or MissingExtra naming its extra."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        if (exc.name or module).split(".")[0] == module.split(".")[0]:
            raise MissingExtra(module.split(".")[0]) from None
        raise


def missing_extra(exc: ImportError) -> MissingExtra | None:
    """The MissingExtra an ImportError stands for (a lazily imported extra), or None."""
    if isinstance(exc, MissingExtra):
        return exc
    top = (exc.name or "").split(".")[0]
    return MissingExtra(top) if top in EXTRAS else None
