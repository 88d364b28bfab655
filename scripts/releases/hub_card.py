"""The dataset card's metadata as `datasets.load_dataset` and the Hub read it (attack19).

verify checks the card's `configs` and `dataset_info` because the loaders follow them, so it must
read the same block they read. It took the text up to the first `---` anywhere, while the Hub
takes the block up to the first line that is `---`: a card re-hashed in MANIFEST.json with
`x: a---b` and a second `configs:` below verified ok, and `load_dataset(release, "quotes")`
returned the 255 claims (a repeated YAML key keeps its last value). `datasets` also reads a
`.huggingface.yaml` beside the card over its keys, and a legacy `dataset_infos.json` under them:
a release holds neither, and one listed in a re-hashed manifest redirected `quotes` the same way.
"""

from __future__ import annotations

import copy
import functools
import re
import reprlib
from pathlib import Path

import yaml

from landstrikes.releases.manifest import Problem
from landstrikes.safety.regularfile import read_regular

HUB_YAML_BLOCK = re.compile(r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")
"""huggingface_hub.repocard.REGEX_YAML_BLOCK, "the exact same regex as in the Hub server"
(tests/test_attack19_card_front_matter.py holds the two equal)."""

LOADER_SIDE_FILES = {
    ".huggingface.yaml": "datasets and the Hub read its keys over the dataset card's (configs, dataset_info)",
    "dataset_infos.json": "datasets reads its features and splits for any config the card does not describe",
}
"""Files beside the card that `load_dataset` reads as metadata; `release` writes none of them."""

MAX_CARD_YAML = 1 << 20
"""The largest YAML block parsed: `release` writes about 10 KB, PyYAML's pure-Python loader reads
about 60 KB a second, and a forged card of 2.6 MB kept verify and every `load` busy for 44 s (attack20)."""
MAX_CARD_BYTES = 16 << 20
"""The largest card read at all (`release` writes about 20 KB)."""
MAX_FLOW_DEPTH = 100
"""The deepest `[`/`{` nesting read (the committed cards' YAML holds none). PyYAML's scanner looks
back over every open flow level at each token, so a value nested 50,000 `[` deep took 1.2 CPU-s
a parse before its composer's RecursionError (at about 490), and verify and `load` parsed it six
times (cispeed3); past the limit the card is unreadable, as a card the loaders cannot parse is."""


def card_front_matter(folder: Path):
    """The card's (README.md's) YAML block as the Hub finds it: a dict, {} without one, None if
    unreadable. Read as `DatasetCard.load` reads it (a BOM dropped, line ends kept) and parsed by
    the loader it uses, PyYAML's pure-Python `safe_load`: libyaml, faster, reads a byte-order
    mark that opens a line as no character, PyYAML as one, so `\ufeff   path: data/quotes/...`
    below `path: data/claims/...` was the quotes config's path for verify and a key of its own
    for `load_dataset`, which read the claims. Parsed once per text (loose14: parsing was a third
    of `load`'s time), and the checks that read the card get copies."""
    try:
        path = Path(folder) / "README.md"
        if path.stat().st_size > MAX_CARD_BYTES:
            return None
        text = read_regular(path).decode("utf-8-sig")  # a FIFO hung verify for good, /dev/zero filled memory (attack20)
        match = HUB_YAML_BLOCK.search(text)
        if match is None:
            return {}
        if len(match.group(2)) > MAX_CARD_YAML:
            return None  # unreadable: every table's row count and config is then unwitnessed
        parsed = _parsed(match.group(2))
        return None if parsed is _UNREADABLE else copy.deepcopy(parsed) or {}
    except (OSError, UnicodeDecodeError):
        return None


_UNREADABLE = object()


@functools.lru_cache(maxsize=256)
def _parsed(block: str):
    """The block as `yaml.safe_load` reads it, or _UNREADABLE. A failure is kept too: a block of
    MAX_CARD_YAML failing at its end costs about 17 s a parse, and verify and `load` read it six times.
    256 cards, twice a hundred-odd releases: with 16, a verify of the 23 committed releases (0.1
    CPU-s a card) parsed every card again each time, each evicting the next one wanted (cispeed3);
    64 fell below twice the releases at the 33rd (session 27), which the suite's test caught."""
    try:
        return yaml.load(block, Loader=_CardLoader)
    except (yaml.YAMLError, RecursionError):  # 50,000 nested `[`: attack19
        return _UNREADABLE


class _CardLoader(yaml.SafeLoader):
    """`yaml.safe_load`'s loader, refusing flow collections nested past MAX_FLOW_DEPTH on meeting them."""

    def fetch_flow_collection_start(self, TokenClass):
        if self.flow_level >= MAX_FLOW_DEPTH:
            raise yaml.scanner.ScannerError(
                None, None, f"flow collections nested more than {MAX_FLOW_DEPTH} deep", self.get_mark())
        super().fetch_flow_collection_start(TokenClass)


def loader_side_files(files: dict) -> list[Problem]:
    """witness-mismatch for each listed file that `load_dataset` would read beside the card."""
    return [Problem("witness-mismatch", name, f"{why}, so the card verify checks is not what loads; a release holds none")
            for name, why in LOADER_SIDE_FILES.items() if name in files]


_BOUNDED = reprlib.Repr()
_BOUNDED.maxlevel, _BOUNDED.maxlist, _BOUNDED.maxdict, _BOUNDED.maxstring, _BOUNDED.maxother = 3, 4, 4, 60, 60


def bounded(value) -> str:
    """A card value shown in a message, in bounded time: YAML aliases can nest a few hundred bytes
    into hundreds of millions of items, and `str()` of them hung verify (attack19)."""
    return value if isinstance(value, str) else _BOUNDED.repr(value)
