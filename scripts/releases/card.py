"""The Hugging Face dataset card (dataset/README.md): YAML configs + typed features per table,
and a body (dataset/annotations/card_body.md) whose `<!-- stats:card-... -->` blocks are filled
from the tables at build time, so the card's numbers are the build's."""

from __future__ import annotations

import yaml

from landstrikes.releases import citation
from landstrikes.documents.claimspass_registry import CLAIMS_PASSES, CROSS_ARTICLE_PASSES
from landstrikes.documents.blocks import fill_blocks
from landstrikes.documents.datasheet import cell, num, share, short, table
from landstrikes.schema.columns import TableSpec
from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import counted

CARD_META = {
    "pretty_name": "landstrikes",
    "language": ["en"],
    "license": "other",
    "license_name": "annotations-cc-by-4.0-texts-copyright-of-publishers",
    "annotations_creators": ["machine-generated"],  # AI agents from written guidelines, adjudicated (card "Annotations")
    "language_creators": ["found"],
    "multilinguality": ["monolingual"],
    "source_datasets": ["original"],
    "task_categories": ["text-classification", "token-classification"],
    "task_ids": ["named-entity-recognition", "fact-checking"],
    "size_categories": ["n<1K"],
    "tags": ["quotation-attribution", "stance-detection", "claim-detection", "news", "misinformation"],
}
CARD_LABELS = (
    ("quotes", "kind"),
    ("quotes", "speaker_status"),
    ("claims", "claim_type"),
    ("claims", "consistency"),
    ("stances", "label"),
    ("mentions", "kind"),
    ("segments", "kind"),
    ("quality_flags", "flag"),
    ("articles", "quality_label"),
)


HF_DTYPES = {"string": "string", "int": "int64", "float": "float64", "bool": "bool"}
"""Our column types as the card's `dtype` names (what `datasets.Value` calls them)."""


def card_features(spec: TableSpec) -> list[dict]:
    """The card's `features` list for one table, as `spec.hf_features()._to_yaml_list()` writes it.

    Written out here so that a build does not import `datasets` (half a CPU-second) only to
    print a few names; tests/test_build_speed.py proves it equals what `datasets` writes.
    """
    out = []
    for col in spec.columns:
        if col.labels is not None and col.type == "string":
            names = {str(i): name for i, name in enumerate(col.labels)}
            out.append({"name": col.name, "dtype": {"class_label": {"names": names}}})
        elif col.type == "string_list":
            out.append({"name": col.name, "list": "string"})
        else:
            out.append({"name": col.name, "dtype": HF_DTYPES[col.type]})
    return out


def card_yaml(tables: list[tuple[TableSpec, int, int]], docs_prefix: str = "../") -> str:
    """(spec, rows, num_bytes) per table -> the card's YAML front matter.

    An empty table gets no config: `datasets` cannot read a zero-row Parquet file
    ("BatchSize must be greater than 0"), and an empty config would only mislead.
    """
    tables = [t for t in tables if t[1] > 0]
    meta = {}
    for key, value in CARD_META.items():
        meta[key] = value
        if key == "license_name":
            meta["license_link"] = f"{docs_prefix}DATASHEET.md#distribution"
    meta["configs"] = [
        {
            "config_name": spec.name,
            "data_files": [{"split": "train", "path": f"data/{spec.name}/*.parquet"}],
            **({"default": True} if spec.name == "articles" else {}),
        }
        for spec, _, _ in tables
    ]
    meta["dataset_info"] = [
        {
            "config_name": spec.name,
            "features": card_features(spec),
            "splits": [{"name": "train", "num_bytes": num_bytes, "num_examples": rows}],
        }
        for spec, rows, num_bytes in tables
    ]
    # libyaml's emitter: the same text as yaml.safe_dump (tested), a tenth of the CPU
    return yaml.dump(meta, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)


def summary_block(stats: dict) -> str:
    articles = stats["articles"]
    rows = sum(t["rows"] for name, t in stats["tables"].items() if name != "articles")
    labels = ", ".join(f"{short(a['article_id'])} `{a['quality_label']}`" for a in articles)
    words = sum(a["n_words"] for a in articles)
    return (
        f"{counted(len(articles), 'article')} ({counted(words, 'word', spec=',')}) and {counted(rows, 'row', spec=',')} in {len(stats['tables']) - 1} "
        f"annotation and catalogue tables. Article quality: {labels}."
    )


def tables_block(stats: dict) -> str:
    rows = [[f"`{spec.name}`", stats["tables"][spec.name]["rows"], cell(spec.row_meaning)] for spec in TABLES]
    return table(["config (table)", "rows", "one row is"], rows) + (
        "\n\nColumn names, types and meanings are in the YAML header of this card (`dataset_info`) "
        "and in `schema/*.schema.yaml`; a table with no rows has no config."
    )


def labels_block(stats: dict) -> str:
    lines = []
    for table_name, column in CARD_LABELS:
        total = stats["labels"][table_name][column]["total"]
        counts = ", ".join(f"{label} {n:,}" for label, n in total.items() if n)
        lines.append(f"- `{table_name}.{column}`: {counts}")
    return "\n".join(lines)


def agreement_block(stats: dict) -> str:
    """The second pass against the frozen first pass (1.0), then each later independent pass
    against the release made before it, as the DATASHEET's agreement section gives them."""
    ag = stats["agreement"]
    if ag is None:
        return "  (no second-pass agreement recorded yet; see `landstrikes agreement`)"
    q, st, cl = ag["quotes"], ag["stances"], ag["claims"]
    lines = [
        (
            f"  - second pass vs the frozen first pass (1.0): quote spans F1 {num(q['span_exact']['f1'])} exact, "
            f"{num(q['span_overlap']['f1'])} overlap; quote kind kappa {num(q['kind_kappa'])}; speaker agreement "
            f"{num(q['speaker_agreement'])}; stance label kappa {num(st['label_kappa'])} on {st['shared_keys']:,} shared "
            f"(article, holder, target) keys; claims span F1 {num(cl['span_overlap']['f1'])} (the second pass marked "
            f"{counted(cl['second_rows'], 'claim', spec=',')}, the first pass {cl['gold_rows']:,}); consistency kappa {num(cl['consistency_kappa'])}"
        ),
    ]
    fifth = ag.get("fifth_pass")
    if fifth:
        fq, fs = fifth["quotes"], fifth["stances"]
        lines.append(f"  - fifth pass vs release {fifth['partner'].split('/')[-1]}: quote spans F1 {num(fq['span_exact']['f1'])} exact, "
                     f"speaker agreement {num(fq['speaker_agreement'])}; stance label kappa {num(fs['label_kappa'])}")
    # the registered passes, as the DATASHEET lists them: any `*_pass` key of the JSON put a pass no
    # folder holds, or lines of a key's own, into the published card (attack26)
    for each in CLAIMS_PASSES:
        sp = ag.get(f"{each.name}_pass")
        if not sp:
            continue
        articles = ", ".join(a.split("_")[0] for a in sp["articles"])
        lines.append(f"  - {each.name} pass (claims of {articles}) vs release {sp['partner'].split('/')[-1]}: span F1 "
                     f"{num(sp['span_overlap']['f1'])} overlap, {num(sp['span_exact']['f1'])} exact; type kappa {num(sp['type_kappa'])}")
    ninth, tenth = (ag.get(f"{each.name}_pass") for each in CROSS_ARTICLE_PASSES)
    if ninth:
        lines.append(f"  - ninth pass (clusters of every claim) vs release {ninth['partner'].split('/')[-1]}: B-cubed F1 "
                     f"{num(ninth['bcubed']['f1'])}; consistency kappa {num(ninth['consistency_kappa'])}")
    if tenth:
        lines.append(f"  - tenth pass (record status of every proposition) vs release {tenth['partner'].split('/')[-1]}: "
                     f"kappa {num(tenth['record_status_kappa'])}")
    return "\n".join(lines)


def problems_block(stats: dict) -> str:
    flags = stats["labels"]["quality_flags"]["flag"]
    lines = [
        f"  - `{flag}` (evidence rows: {total:,}) in "
        + ", ".join(short(a) for a, counts in flags["per_article"].items() if counts[flag])
        for flag, total in flags["total"].items()
        if total
    ]
    boiler = ", ".join(f"{short(a)} {share(s)}" for a, s in stats["segments"]["boilerplate_share"].items())
    lines.append(f"  - boilerplate share of characters: {boiler}")
    lines.append(
        f"  - quotes worded differently from their cluster's reference: {len(stats['quotes']['misquotations']):,}"
    )
    lines.append(
        f"  - pairs of claims contradicting each other across articles: {len(stats['claims']['contradictions']):,}"
    )
    return "\n".join(lines)


CARD_BLOCKS = {
    "card-summary": summary_block,
    "card-tables": tables_block,
    "card-labels": labels_block,
    "card-agreement": agreement_block,
    "card-problems": problems_block,
    "card-version": lambda stats: stats["dataset_version"],
}


def render_card(tables: list[tuple[TableSpec, int, int]], body: str, stats: dict, docs_prefix: str = "../") -> str:
    """docs_prefix: where DATASHEET.md sits relative to the card ("../" in the repo's dataset/,
    "" in a release folder, which carries its own copy)."""
    rendered = {name: render(stats) for name, render in CARD_BLOCKS.items()}
    body = fill_blocks(body, rendered, "card_body.md").strip().replace("](../", f"]({docs_prefix}")
    if CITATION_HEADING not in body:  # a release's appendix brings its own, with its date
        body += "\n\n" + citation_section(stats["dataset_version"])
    return f"---\n{card_yaml(tables, docs_prefix)}---\n\n{body}\n"


CITATION_HEADING = "## Citation"


def citation_section(version: str) -> str:
    """Licence per part and a BibTeX entry; the year is the first release's (a build has no date)."""
    return (f"## License\n\n{citation.LICENSE_NOTE}\n\n"
            f"{CITATION_HEADING}\n\n```bibtex\n{citation.bibtex(version, int(citation.FIRST_RELEASED[:4]))}\n```")
