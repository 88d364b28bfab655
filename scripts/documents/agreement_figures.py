"""agreement.json checked by printing it: `build` (the card) and `stats` (the datasheet) print
figures from the JSON that `landstrikes agreement` writes. A JSON file of another shape there (a
report written over it, a hand edit) ended them with `[internal-error] KeyError: 'quotes'`,
naming neither the file nor the figure (attack18). Each reader renders every block that prints
agreement figures before it uses them, so the check reads exactly what will be printed."""

from __future__ import annotations

from landstrikes.documents.stats import NullFigures, StatsInputError, load_agreement

PRINT_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)
"""What a block raises on a figure that is missing or of another type."""


def unprintable(figures, blocks=()) -> str | None:
    """Why the agreement `figures` (parsed agreement.json, not None) cannot be printed by the
    datasheet's agreement blocks and `blocks` (a caller's own, e.g. the card's), or None."""
    from landstrikes.documents.datasheet import adjudication_block, agreement_block

    if not isinstance(figures, dict):
        return f"holds a JSON {type(figures).__name__}, not the object of figures `landstrikes agreement` writes"
    for block in (agreement_block, adjudication_block, *blocks):
        try:
            block({"agreement": figures})
        except PRINT_ERRORS as exc:
            return f"{print_problem(exc)}: not the figures `landstrikes agreement` writes; run it to regenerate them"
    return None


def print_problem(exc: Exception) -> str:
    """What a block's PRINT_ERRORS says of the figures: the one missing, or one of another type."""
    if isinstance(exc, KeyError) and exc.args:
        return f"lacks the figure {exc.args[0]!r}"
    return f"holds a figure of another type ({type(exc).__name__}: {exc})"


class UnprintableAgreement(StatsInputError):
    """agreement.json parses but cannot be printed: `path`, and `problem` naming the figure."""

    def __init__(self, path, problem: str):
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem} [bad-json]")


def printable_agreement(path, blocks=()) -> dict | None:
    """agreement.json's figures (None: never computed), or UnprintableAgreement when the datasheet's
    agreement blocks or `blocks` cannot print them."""
    try:
        figures = load_agreement(path)
    except NullFigures:
        raise UnprintableAgreement(path, "holds JSON null, not the object of figures `landstrikes agreement` writes; "
                                         "run it to regenerate them") from None
    problem = None if figures is None else unprintable(figures, blocks)
    if problem:
        raise UnprintableAgreement(path, problem)
    return figures
