"""The one spelling of a dataset version, X.Y.Z in ASCII digits without padding: what README
promises each file's `landstrikes.dataset_version` stamp holds, and what a release is named
(`landstrikes.releases.semver` parses it from here; numpy- and pyarrow-free)."""

from __future__ import annotations

import re

VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
"""ASCII digits only: `\\d` is any Unicode digit, and '1\u0660.0.0' (an Arabic-Indic zero) would be 10.0.0."""

MAX_LENGTH = 64
"""The longest version a manifest may state (manifest_shape); a longer one is none (and int()
would refuse more than 4,300 digits with a ValueError)."""


def is_version(text: object) -> bool:
    """'2.35.2' spelt exactly so (no blank, prefix, padding or pre-release)."""
    return isinstance(text, str) and len(text) <= MAX_LENGTH and VERSION.fullmatch(text) is not None
