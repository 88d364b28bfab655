"""The fixed out-of-sample dev sample: which texts of ../shared/dev-news are annotated.

Deterministic: texts are ordered by the sha256 of their id, byte-identical duplicates and
texts outside 600-4,000 characters are skipped, and the first 20 of each source are taken
(`sample.tsv`). `--heldout` lists the next 10 of each source (`heldout.tsv`): texts kept from
whoever changes the extractor's rules, annotated afterwards, for a figure no rule was tuned on.
`--heldout2` lists the 10 after those (`heldout2.tsv`): a second held-out set, drawn once the
first had been scored several times, so that one figure comes from texts nobody has yet seen.
`--inspect` lists the inspection set (`inspect.tsv`): after all three of those (the first 40 of
each source, excluded entirely), the next INSPECT_PER_SOURCE texts of each source in the same
order that hold a direct quotation (at least two quotation-mark pairs of three or more words),
read by hand to judge the extractor's speakers out of sample (issue 17).
`--heldout3` lists a third held-out set (`heldout3.tsv`): the next HELDOUT3_PER_SOURCE texts of
each source after the inspection set's last text of that source (so nothing between was read),
drawn once the speaker rules had been tuned against both earlier held-out figures.
`--inspect2` lists a second inspection set (`inspect2.tsv`): after held-out 3, the next
INSPECT_PER_SOURCE texts of each source holding a direct quotation, for rule development.
`--heldout4` lists a fourth held-out set (`heldout4.tsv`), drawn once held-out 3 had been scored
several times: after inspect2, the next HELDOUT4_PER_SOURCE texts of each source holding a direct
quotation (so the speaker figure rests on more quotes), skipping every text a rule writer is
recorded as having read outside the annotated sets (`read_by_rule_writers.tsv`).
`--heldout5` lists a fifth held-out set (`heldout5.tsv`), drawn once held-out 4 had been scored:
after held-out 4, the next HELDOUT5_PER_SOURCE texts of each source holding a direct quotation,
skipping those of `read_by_rule_writers.tsv` and every text whose quotes or mentions changed under
the fifth round of speaker rules and the review after it (`changed_by_rules_round5.tsv`: extractor
output at ccc6fd3 against 79313c3, 307 texts). That round's writers read 79 texts outside the
annotated sets without listing them; every one is among those whose output changed.
`--audit` lists the precision audit's texts (`audit.tsv`): after held-out 5, the next
AUDIT_PER_SOURCE texts of each source, quotations or none, with the same skips; every quote row the
extractor gives them is judged by hand (`audit.py`, `AUDIT.md`), as issue 17's reviewers did.
`--audit2` lists a second batch (`audit2.tsv`): the next AUDIT_PER_SOURCE of each source after
the first batch, drawn once it was scored.
`--audit3` lists a third batch (`audit3.tsv`): the next AUDIT3_PER_SOURCE of each source after
the second, drawn before the sixth round of rules was written, so that round can be judged on
text its writer never saw (with the code before the round and after it).
`--audit4` lists a fourth batch (`audit4.tsv`): the next AUDIT4_PER_SOURCE of each source after
the third, drawn before the seventh round of rules was written, skipping also every text whose
quote rows the sixth round changed (`changed_by_rules_round6.tsv`: its writer read some of them).
`--audit5` lists a fifth batch (`audit5.tsv`): the next AUDIT5_PER_SOURCE of each source after the
fourth, drawn before a learned speaker ranker was written, skipping also the texts the seventh round
changed (`changed_by_rules_round7.tsv`) and the 144 its writer read (`read_by_rules_round7.tsv`,
listed in docs/notes/extract-speakers7.md, 24 of them not in the first list).
`--audit6` lists a sixth batch (`audit6.tsv`): the next AUDIT6_PER_SOURCE of each source after the
fifth, drawn before the eighth round of speaker rules, skipping also the texts whose quote rows the
learned ranker changed (`changed_by_ranker.tsv`).
`--audit7` lists a seventh batch (`audit7.tsv`): the next AUDIT7_PER_SOURCE of each source after the
sixth, drawn after the eighth and ninth rounds of speaker rules to judge the code they left, skipping
also every text those rounds changed or their writers read (`changed_by_rules_round8.tsv`,
`changed_by_rules_round9.tsv`, `read_by_rules_round8.tsv`, `read_by_rules_round9.tsv`).
`--audit8` lists an eighth batch (`audit8.tsv`): the next AUDIT8_PER_SOURCE of each source after the
seventh, same skips, drawn to judge the same code on more unread text (no rule changed between).
`--audit9` lists a ninth batch (`audit9.tsv`): the next AUDIT9_PER_SOURCE of each source after the
eighth, same skips, drawn before the tenth round of speaker rules (whose writer never opens it).
`--audit10` lists a tenth batch (`audit10.tsv`): the next AUDIT10_PER_SOURCE of each source after
the ninth, same skips and every text the tenth round read or changed, only from the half of
dev-news kept from the eleventh round's writer (`kept_from_round11`).
`--audit11` and `--audit12` list the next two batches of that half (skipping also what the
eleventh round read or changed), drawn and committed together to judge the current code.
`--heldout6` lists a sixth held-out set (`heldout6.tsv`), drawn once held-out 4 and 5 had each been
scored after five more rounds of rules: after audit 12 (the last text any earlier list took from
each source), the next HELDOUT6_PER_SOURCE texts of each source holding a direct quotation, from
both halves of dev-news, skipping every text of every earlier list (`HELDOUT6_SKIPPED`: the drawn
sets and every list of texts a writer read or a round changed: every text the notes and commits
since audit 11 and 12 were drawn name is on one already), the four texts whose words the code and
tests written since quote in runs of six or more words (`read_by_rules_round12.tsv`), and every
text whose quotes or mentions the rules written since changed (`changed_by_rules_round12.tsv`: `landstrikes extract` at
55a5c491 against f77581d0, ids only). The pool is small: one BBC text is left (fewer than asked).
The texts themselves are never copied into the repository (dev-news README); only their ids
and sha256 are.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def dev_news_folder(checkout: Path) -> Path:
    """shared/dev-news beside the checkout, or beside the nearest folder above it that has one (a
    worktree sits deeper than the main checkout); absent everywhere, the place beside the checkout,
    so a missing folder is reported where it is expected."""
    for parent in checkout.parents:
        if (parent / "shared" / "dev-news").is_dir():
            return parent / "shared" / "dev-news"
    return checkout.parent / "shared" / "dev-news"


DEV_NEWS = dev_news_folder(_CHECKOUT)
PER_SOURCE = 20
MIN_CHARS, MAX_CHARS = 600, 4000


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dev_texts(root: Path = DEV_NEWS) -> dict[str, str]:
    """Every dev text by id: `bbc/<file name>` and `fnc1/<Body ID>`."""
    texts = {}
    for path in sorted((root / "bbc").glob("*.txt")):
        texts[f"bbc/{path.name}"] = path.read_bytes().decode("utf-8")
    csv.field_size_limit(sys.maxsize)
    with open(root / "fnc1_train_bodies.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts[f"fnc1/{row['Body ID']}"] = row["articleBody"]
    return texts


def sample(texts: dict[str, str], per_source: int = PER_SOURCE) -> list[str]:
    chosen, seen = [], set()
    for source in ("bbc/", "fnc1/"):
        ids = sorted((i for i in texts if i.startswith(source)), key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        taken = 0
        for text_id in ids:
            text = texts[text_id]
            digest = sha256(text)
            if digest in seen or not MIN_CHARS <= len(text) <= MAX_CHARS:
                continue
            seen.add(digest)
            chosen.append(text_id)
            taken += 1
            if taken == per_source:
                break
    return chosen


HELDOUT_PER_SOURCE = 10


def heldout(texts: dict[str, str]) -> list[str]:
    """The next HELDOUT_PER_SOURCE texts of each source in the same order, after the sample's."""
    first = set(sample(texts))
    return [i for i in sample(texts, PER_SOURCE + HELDOUT_PER_SOURCE) if i not in first]


def heldout2(texts: dict[str, str]) -> list[str]:
    """The next HELDOUT_PER_SOURCE texts of each source after the first held-out set's."""
    before = set(sample(texts, PER_SOURCE + HELDOUT_PER_SOURCE))
    return [i for i in sample(texts, PER_SOURCE + 2 * HELDOUT_PER_SOURCE) if i not in before]


INSPECT_PER_SOURCE = 20


def _has_direct_quotes(text: str) -> bool:
    from landstrikes.quotemarks import scan_quote_marks

    pairs, _ = scan_quote_marks(text)
    return sum(1 for p in pairs if text[p.open] not in "‘'" and len(text[p.open + 1:p.close].split()) >= 3) >= 2


def inspect(texts: dict[str, str]) -> list[str]:
    """The next INSPECT_PER_SOURCE texts of each source holding direct quotations, after every
    text of the sample and both held-out sets (whose texts are never read here)."""
    before = set(sample(texts, PER_SOURCE + 2 * HELDOUT_PER_SOURCE))
    everything = [i for i in sample(texts, len(texts)) if i not in before]
    chosen = []
    for source in ("bbc/", "fnc1/"):
        chosen += [i for i in everything if i.startswith(source) and _has_direct_quotes(texts[i])][:INSPECT_PER_SOURCE]
    return chosen


HELDOUT3_PER_SOURCE = 20


def _after_last(texts: dict[str, str], last: list[str]) -> list[str]:
    """Every text after the last of `last` in its source, in the sample's order (duplicates and
    texts outside the length bounds skipped as in `sample`)."""
    ordered = sample(texts, len(texts))
    cut = {source: max(ordered.index(i) for i in last if i.startswith(source)) for source in ("bbc/", "fnc1/")}
    return [i for n, i in enumerate(ordered) if n > cut["bbc/" if i.startswith("bbc/") else "fnc1/"]]


def heldout3(texts: dict[str, str]) -> list[str]:
    """The next HELDOUT3_PER_SOURCE texts of each source after the inspection set's last text."""
    after = _after_last(texts, inspect(texts))
    return [i for source in ("bbc/", "fnc1/") for i in [j for j in after if j.startswith(source)][:HELDOUT3_PER_SOURCE]]


def inspect2(texts: dict[str, str]) -> list[str]:
    """The next INSPECT_PER_SOURCE texts of each source holding direct quotations, after held-out 3."""
    after = _after_last(texts, heldout3(texts))
    return [i for source in ("bbc/", "fnc1/")
            for i in [j for j in after if j.startswith(source) and _has_direct_quotes(texts[j])][:INSPECT_PER_SOURCE]]


HELDOUT4_PER_SOURCE = 20
READ_BY_RULE_WRITERS = Path(__file__).with_name("read_by_rule_writers.tsv")


def read_by_rule_writers() -> set[str]:
    """Ids of texts rule writers read in context outside the annotated sets (their scratch files)."""
    return {line.split("\t")[0] for line in READ_BY_RULE_WRITERS.read_text().splitlines() if line.strip()}


def _next_quoted(texts: dict[str, str], previous: list[str], per_source: int, skipped: set[str]) -> list[str]:
    """A held-out draw: the next `per_source` texts of each source holding direct quotations after
    the previous list's last, none of `skipped` (fewer where the source runs out)."""
    after = [i for i in _after_last(texts, previous) if i not in skipped]
    return [i for source in ("bbc/", "fnc1/")
            for i in [j for j in after if j.startswith(source) and _has_direct_quotes(texts[j])][:per_source]]


def heldout4(texts: dict[str, str]) -> list[str]:
    """The next HELDOUT4_PER_SOURCE texts of each source holding direct quotations after inspect2,
    none of them read by a rule writer."""
    return _next_quoted(texts, inspect2(texts), HELDOUT4_PER_SOURCE, read_by_rule_writers())


HELDOUT5_PER_SOURCE = 20
CHANGED_BY_ROUND5 = Path(__file__).with_name("changed_by_rules_round5.tsv")


def heldout5(texts: dict[str, str]) -> list[str]:
    """The next HELDOUT5_PER_SOURCE texts of each source holding direct quotations after held-out
    4, none of them read by a rule writer nor changed by the rules written since held-out 4."""
    skipped = read_by_rule_writers() | set(CHANGED_BY_ROUND5.read_text().split())
    return _next_quoted(texts, heldout4(texts), HELDOUT5_PER_SOURCE, skipped)


AUDIT_PER_SOURCE = 10


def _ids(listing: Path) -> set[str]:
    """The ids of a committed id list (one per line, ids only)."""
    return set(listing.read_text().split())


def _next_of_each_source(texts: dict[str, str], previous: list[str], per_source: int, skipped: set[str]) -> list[str]:
    """An audit batch: the next `per_source` texts of each source after the previous batch's last,
    whatever they hold, none of `skipped`."""
    after = [i for i in _after_last(texts, previous) if i not in skipped]
    return [i for source in ("bbc/", "fnc1/") for i in [j for j in after if j.startswith(source)][:per_source]]


def audit(texts: dict[str, str]) -> list[str]:
    """The precision audit's texts (`audit.tsv`): the next AUDIT_PER_SOURCE texts of each source
    after held-out 5, whatever they hold (like the issue's reviewers' random sample, quotations or
    none), none of them read by a rule writer nor changed by the fifth round's rules."""
    return _next_of_each_source(texts, heldout5(texts), AUDIT_PER_SOURCE, read_by_rule_writers() | _ids(CHANGED_BY_ROUND5))


def audit2(texts: dict[str, str]) -> list[str]:
    """A second audit batch (`audit2.tsv`), drawn once the first was scored because its direct
    rows were too few for a narrow interval: the next AUDIT_PER_SOURCE texts of each source after
    the first batch's, with the same skips."""
    return _next_of_each_source(texts, audit(texts), AUDIT_PER_SOURCE, read_by_rule_writers() | _ids(CHANGED_BY_ROUND5))


AUDIT3_PER_SOURCE = 20


def audit3(texts: dict[str, str]) -> list[str]:
    """A third audit batch (`audit3.tsv`), drawn before a rule round so that the round is judged
    on text its writer never read: the next AUDIT3_PER_SOURCE texts of each source after the
    second batch's, with the same skips."""
    return _next_of_each_source(texts, audit2(texts), AUDIT3_PER_SOURCE, read_by_rule_writers() | _ids(CHANGED_BY_ROUND5))


AUDIT4_PER_SOURCE = 20
CHANGED_BY_ROUND6 = Path(__file__).with_name("changed_by_rules_round6.tsv")


def audit4(texts: dict[str, str]) -> list[str]:
    """A fourth audit batch (`audit4.tsv`), drawn before the seventh rule round so that round is
    judged on text its writer never read: the next AUDIT4_PER_SOURCE texts of each source after
    the third batch's, skipping also the texts the sixth round changed (its writer read some)."""
    skipped = read_by_rule_writers() | _ids(CHANGED_BY_ROUND5) | _ids(CHANGED_BY_ROUND6)
    return _next_of_each_source(texts, audit3(texts), AUDIT4_PER_SOURCE, skipped)


AUDIT5_PER_SOURCE = 30
CHANGED_BY_ROUND7 = Path(__file__).with_name("changed_by_rules_round7.tsv")
READ_BY_ROUND7 = Path(__file__).with_name("read_by_rules_round7.tsv")


def audit5(texts: dict[str, str]) -> list[str]:
    """A fifth audit batch (`audit5.tsv`), drawn before the learned speaker ranker so that it is
    judged on text its writer never read: the next AUDIT5_PER_SOURCE texts of each source after
    the fourth batch's (more than before, for a narrower direct-speaker interval), skipping also
    every text the seventh round changed or its writer read."""
    return _next_of_each_source(texts, audit4(texts), AUDIT5_PER_SOURCE, _audit5_skips())


def _audit5_skips() -> set[str]:
    """Every text a rule writer read or a rule round changed, as of the learned ranker."""
    return read_by_rule_writers() | _ids(CHANGED_BY_ROUND5) | _ids(CHANGED_BY_ROUND6) | _ids(CHANGED_BY_ROUND7) | _ids(READ_BY_ROUND7)


AUDIT6_PER_SOURCE = 30
CHANGED_BY_RANKER = Path(__file__).with_name("changed_by_ranker.tsv")


def audit6(texts: dict[str, str]) -> list[str]:
    """A sixth audit batch (`audit6.tsv`), drawn before the eighth round of speaker rules so that
    round is judged on text its writer never read: the next AUDIT6_PER_SOURCE texts of each source
    after the fifth batch's, skipping also every text whose rows the learned ranker changed."""
    return _next_of_each_source(texts, audit5(texts), AUDIT6_PER_SOURCE, _audit5_skips() | _ids(CHANGED_BY_RANKER))


AUDIT7_PER_SOURCE = 30
ROUNDS_8_9 = [Path(__file__).with_name(f"{what}_by_rules_round{n}.tsv") for n in (8, 9) for what in ("changed", "read")]


def audit7(texts: dict[str, str]) -> list[str]:
    """A seventh audit batch (`audit7.tsv`), drawn after the eighth and ninth rule rounds (which
    changed none of batch 6's rows) to judge the code they left on text neither writer read: the
    next AUDIT7_PER_SOURCE texts of each source after the sixth batch's, with every earlier skip."""
    return _next_of_each_source(texts, audit6(texts), AUDIT7_PER_SOURCE, _audit7_skips())


def _audit7_skips() -> set[str]:
    """Batch 6's skips, and every text rounds 8-9 changed or their writers read."""
    return _audit5_skips() | _ids(CHANGED_BY_RANKER) | set().union(*(_ids(listing) for listing in ROUNDS_8_9))


AUDIT8_PER_SOURCE = 30


def audit8(texts: dict[str, str]) -> list[str]:
    """An eighth audit batch (`audit8.tsv`): the next AUDIT8_PER_SOURCE texts of each source after
    the seventh batch's, with the same skips, for a narrower interval on the same code."""
    return _next_of_each_source(texts, audit7(texts), AUDIT8_PER_SOURCE, _audit7_skips())


AUDIT9_PER_SOURCE = 30


def audit9(texts: dict[str, str]) -> list[str]:
    """A ninth audit batch (`audit9.tsv`): the next AUDIT9_PER_SOURCE texts of each source after
    the eighth batch's, with the same skips, drawn before the tenth round of speaker rules so that
    round is judged on text its writer never opened."""
    return _next_of_each_source(texts, audit8(texts), AUDIT9_PER_SOURCE, _audit7_skips())


AUDIT10_PER_SOURCE = 30


def kept_from_round11(text_id: str) -> bool:
    """The half of dev-news the eleventh rule round's writer never opens (the sha256 of the id is
    odd). A writer reads every row its round changes, so a batch drawn from texts it never read
    can show the round's effect only where it could not read: the whole half kept from it."""
    return int(hashlib.sha256(text_id.encode()).hexdigest(), 16) % 2 == 1


ROUND_10_READ, ROUND_10_CHANGED = (Path(__file__).with_name(f"{what}_by_rules_round10.tsv") for what in ("read", "changed"))
ROUND_11_READ, ROUND_11_CHANGED = (Path(__file__).with_name(f"{what}_by_rules_round11.tsv") for what in ("read", "changed"))
AUDIT11_PER_SOURCE = AUDIT12_PER_SOURCE = 30


def _audit10_skips(texts: dict[str, str]) -> set[str]:
    """Batch 9's skips, every text the tenth round read or changed, and the half the eleventh
    round's writer may read (only the kept half is drawn from)."""
    return _audit7_skips() | _ids(ROUND_10_READ) | _ids(ROUND_10_CHANGED) | {i for i in texts if not kept_from_round11(i)}


def audit10(texts: dict[str, str]) -> list[str]:
    """A tenth audit batch (`audit10.tsv`): the next AUDIT10_PER_SOURCE texts of each source after
    the ninth batch's, drawn only from the half kept from the eleventh round's writer
    (`kept_from_round11`), so that round is judged on texts it may have changed but never read."""
    return _next_of_each_source(texts, audit9(texts), AUDIT10_PER_SOURCE, _audit10_skips(texts))


def _audit11_skips(texts: dict[str, str]) -> set[str]:
    """Batch 10's skips, and every text the eleventh round read or changed."""
    return _audit10_skips(texts) | _ids(ROUND_11_READ) | _ids(ROUND_11_CHANGED)


def audit11(texts: dict[str, str]) -> list[str]:
    """An eleventh audit batch (`audit11.tsv`): the next AUDIT11_PER_SOURCE texts of each source of
    the kept half after the tenth batch's, for the current code's figure. Drawn together with the
    twelfth, both committed before either was judged: the plan was two batches, whatever they show."""
    return _next_of_each_source(texts, audit10(texts), AUDIT11_PER_SOURCE, _audit11_skips(texts))


def audit12(texts: dict[str, str]) -> list[str]:
    """A twelfth audit batch (`audit12.tsv`): the next AUDIT12_PER_SOURCE of each source after the eleventh's."""
    return _next_of_each_source(texts, audit11(texts), AUDIT12_PER_SOURCE, _audit11_skips(texts))


HELDOUT6_PER_SOURCE = 20
HELDOUT6_SKIPPED = tuple(Path(__file__).with_name(f"{name}.tsv") for name in (
    "sample", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "inspect", "inspect2",
    "audit", *(f"audit{n}" for n in range(2, 13)), "read_by_rule_writers", "read_by_extract44",
    *(f"read_by_rules_round{n}" for n in range(7, 13)), "changed_by_ranker",
    *(f"changed_by_rules_round{n}" for n in range(5, 13)), "round11_kept_changed"))
"""Every list a sixth held-out text must be outside of, named one by one (a list added later does
not move the draw)."""


def heldout6(texts: dict[str, str]) -> list[str]:
    """The next HELDOUT6_PER_SOURCE texts of each source holding direct quotations after audit 12,
    none of them on any earlier list (drawn, read by a writer, or changed by a round's rules)."""
    return _next_quoted(texts, audit12(texts), HELDOUT6_PER_SOURCE, set().union(*(_ids(listing) for listing in HELDOUT6_SKIPPED)))


LISTS = {"--heldout6": heldout6, "--audit12": audit12, "--audit11": audit11, "--audit10": audit10, "--audit9": audit9, "--audit8": audit8, "--audit7": audit7, "--audit6": audit6, "--audit5": audit5,
         "--audit4": audit4, "--audit3": audit3, "--audit2": audit2, "--audit": audit, "--heldout5": heldout5,
         "--heldout4": heldout4, "--inspect2": inspect2, "--heldout3": heldout3, "--inspect": inspect,
         "--heldout2": heldout2, "--heldout": heldout}
"""Which list a flag prints; no flag prints the first dev sample."""


if __name__ == "__main__":
    texts = dev_texts(DEV_NEWS)
    chosen = next((LISTS[flag] for flag in sys.argv[1:] if flag in LISTS), sample)
    for text_id in chosen(texts):
        print(text_id, sha256(texts[text_id]), len(texts[text_id]), sep="\t")
