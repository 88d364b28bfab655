"""Progress for long steps: a tqdm bar on a terminal, nothing in pipes and CI logs."""

import sys

from tqdm.auto import tqdm


def step(items, description: str):
    return tqdm(items, desc=description, unit="table", disable=not sys.stderr.isatty(), leave=False)
