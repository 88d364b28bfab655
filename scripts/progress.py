"""Progress for long steps: a tqdm bar on a terminal, nothing in pipes and CI logs.

tqdm is imported only for a terminal: in a pipe the bar is never drawn, and its import
(0.03 CPU-s) was a measurable part of a build.
"""

import sys


def step(items, description: str):
    if not sys.stderr.isatty():
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=description, unit="table", leave=False)
