"""The datasheet's figures (PNG) from the stats dict, byte-reproducible.

Determinism: no pyplot global state (a bare Figure per plot), the DejaVu Sans font that
matplotlib ships, a fixed dpi, and PNG metadata reduced to one entry: the digest of the data and
of this module's source. `landstrikes stats --check` compares that digest, not pixels, so a
figure is stale exactly when its data or its drawing code changed.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from landstrikes.documents.datasheet import short

DPI = 100
DIGEST_KEY = "landstrikes-digest"
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": False,
}
ARTICLE_COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3")
CONSISTENCY_COLOURS = {
    "corroborated": "#55a868",
    "uncorroborated": "#c9c9c9",
    "contradicted": "#c44e52",
    "hypothetical": "#8172b3",
}
CONSISTENCY_LETTERS = {"corroborated": "C", "uncorroborated": "U", "contradicted": "X", "hypothetical": "H"}
LABEL_PANELS = (
    ("quotes", "kind"),
    ("quotes", "speaker_status"),
    ("mentions", "kind"),
    ("claims", "claim_type"),
    ("claims", "consistency"),
    ("claims", "hedging"),
    ("claims", "quantity_bound"),
    ("stances", "label"),
    ("stances", "fnc_label"),
    ("segments", "kind"),
    ("quality_flags", "flag"),
    ("articles", "quality_label"),
    ("entities", "type"),
    ("entities", "flag"),
)


def figure_inputs(stats: dict) -> dict[str, dict]:
    """The slice of the stats each figure draws: what its digest covers."""
    return {
        "labels.png": {"ids": stats["article_ids"], "labels": stats["labels"]},
        "quotes_per_speaker.png": {"ids": stats["article_ids"], "speakers": stats["quotes"]["speakers"]},
        "claims_matrix.png": {"ids": stats["article_ids"], "matrix": stats["claims"]["matrix"]},
        "article_quality.png": {
            "ids": stats["article_ids"],
            "flags": stats["labels"]["quality_flags"]["flag"],
            "articles": stats["articles"],
            "segments": stats["segments"]["chars_per_kind"],
            "boilerplate_kinds": stats["segments"]["boilerplate_kinds"],
        },
    }


def digest(name: str, data: dict) -> str:
    payload = json.dumps({"figure": name, "data": data}, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(Path(__file__).read_bytes() + payload).hexdigest()


def draw(name: str, stats: dict) -> bytes:
    """One figure as PNG bytes."""
    import matplotlib

    data = figure_inputs(stats)[name]
    with matplotlib.rc_context(STYLE):
        fig = _DRAWERS[name](data)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None, DIGEST_KEY: digest(name, data)})
    return buf.getvalue()


def png_digest(png: bytes) -> str | None:
    """The digest a PNG written by `draw` carries (None for any other PNG)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(png)) as image:
            return image.text.get(DIGEST_KEY)
    except (OSError, ValueError):
        return None


# -- drawers ---------------------------------------------------------------------------------------


def _new_figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def _labels(data: dict):
    from matplotlib.ticker import MaxNLocator

    ids = data["ids"]
    fig = _new_figure(15, 16)
    axes = fig.subplots(5, 3).flatten()
    for ax, (table, column) in zip(axes, LABEL_PANELS):
        dist = data["labels"][table][column]
        labels = list(dist["total"])
        y = range(len(labels))
        if "per_article" in dist:
            left = [0] * len(labels)
            for i, a in enumerate(ids):
                values = [dist["per_article"][a][label] for label in labels]
                ax.barh(y, values, left=left, color=ARTICLE_COLOURS[i % len(ARTICLE_COLOURS)], label=short(a))
                left = [l + v for l, v in zip(left, values)]
        else:
            ax.barh(y, [dist["total"][label] for label in labels], color="#7f7f7f", label="all (catalogue)")
        for yi, label in zip(y, labels):
            ax.text(dist["total"][label], yi, f" {dist['total'][label]}", va="center", fontsize=8)
        ax.set_yticks(list(y), labels)
        ax.invert_yaxis()
        ax.set_title(f"{table}.{column}", loc="left")
        ax.margins(x=0.12)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in axes[len(LABEL_PANELS) :]:
        ax.set_axis_off()
    handles, names = axes[0].get_legend_handles_labels()
    catalogue = axes[len(LABEL_PANELS) - 1].get_legend_handles_labels()
    fig.legend(
        handles + catalogue[0],
        names + catalogue[1],
        loc="outside lower center",
        ncols=len(ids) + 1,
        title="article",
    )
    fig.suptitle("Label distributions per table (rows, stacked by article)", fontsize=12)
    return fig


def _heatmap(ax, matrix: list[list[int]], rows: list[str], cols: list[str]):
    import numpy as np

    values = np.array(matrix, dtype=float)
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(values.max(), 1))
    top = values.max() or 1
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            v = int(values[r, c])
            ax.text(
                c,
                r,
                str(v) if v else "·",
                ha="center",
                va="center",
                color="white" if v > top * 0.55 else "black",
            )
    ax.set_xticks(range(len(cols)), cols)
    ax.set_yticks(range(len(rows)), rows)
    ax.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _quotes_per_speaker(data: dict):
    ids = data["ids"]
    speakers = data["speakers"]
    rows = [s["name"] if not k.startswith("(") else k for k, s in speakers.items()]
    matrix = [[s["per_article"][a] for a in ids] + [s["total"]] for s in speakers.values()]
    fig = _new_figure(7, 0.38 * len(rows) + 1.6)
    ax = fig.subplots()
    _heatmap(ax, matrix, rows, [short(a) for a in ids] + ["all"])
    ax.axvline(len(ids) - 0.5, color="white", linewidth=3)
    ax.set_title("Quotes per speaker and article", loc="left", pad=22)
    ax.set_xlabel("(in parentheses): quotes without a speaker entity, by speaker_status")
    return fig


def _claims_matrix(data: dict):
    from matplotlib.patches import Patch, Rectangle

    ids = data["ids"]
    matrix = data["matrix"]
    order = sorted(matrix, key=lambda c: (-len(matrix[c]), c))
    fig = _new_figure(8, 0.24 * len(order) + 1.8)
    ax = fig.subplots()
    for r, cluster in enumerate(order):
        for c, a in enumerate(ids):
            cellv = matrix[cluster].get(a)
            if not cellv:
                continue
            label = next(
                l for l in ("contradicted", "hypothetical", "uncorroborated", "corroborated") if l in cellv
            )
            ax.add_patch(Rectangle((c - 0.45, r - 0.4), 0.9, 0.8, color=CONSISTENCY_COLOURS[label]))
            n = sum(cellv.values())
            ax.text(
                c,
                r,
                CONSISTENCY_LETTERS[label] + (f"×{n}" if n > 1 else ""),
                ha="center",
                va="center",
                fontsize=7,
            )
    ax.set_xlim(-0.5, len(ids) - 0.5)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xticks(range(len(ids)), [short(a) for a in ids])
    ax.set_yticks(range(len(order)), order, fontsize=8)
    ax.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    legend = [
        Patch(color=CONSISTENCY_COLOURS[k], label=f"{CONSISTENCY_LETTERS[k]} {k}")
        for k in CONSISTENCY_COLOURS
    ]
    fig.legend(handles=legend, loc="outside lower center", ncols=4, fontsize=8)
    ax.set_title("Claim clusters by article: consistency (×n: claims in the cell)", loc="left")
    return fig


def _article_quality(data: dict):
    ids = data["ids"]
    flags = data["flags"]
    labels = list(flags["total"])
    fig = _new_figure(13, 4.6)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.25])
    quality = {a["article_id"]: a["quality_label"] for a in data["articles"]}
    rows = [f"{short(a)} ({quality[a]})" for a in ids]
    _heatmap(left, [[flags["per_article"][a][f] for f in labels] for a in ids], rows, labels)
    left.tick_params(axis="x", labelrotation=35)
    for tick in left.get_xticklabels():
        tick.set_horizontalalignment("left")
    left.set_title("Evidence rows per quality flag", loc="left")

    kinds = list(next(iter(data["segments"].values())))
    kinds = [k for k in kinds if any(data["segments"][a][k] for a in ids)]
    colours = dict(
        zip(
            kinds,
            (
                "#4c72b0",
                "#dd8452",
                "#55a868",
                "#c44e52",
                "#8172b3",
                "#937860",
                "#da8bc3",
                "#8c8c8c",
                "#ccb974",
                "#64b5cd",
            ),
        )
    )
    shares = {a["article_id"]: a["boilerplate_share"] for a in data["articles"]}
    for r, a in enumerate(ids):
        total = sum(data["segments"][a].values())
        start = 0.0
        for k in kinds:
            width = data["segments"][a][k] / total
            hatch = "//" if k in data["boilerplate_kinds"] else None
            right.barh(
                r,
                width,
                left=start,
                color=colours[k],
                hatch=hatch,
                edgecolor="white",
                label=k if r == 0 else None,
            )
            start += width
        right.text(1.01, r, f"boilerplate {shares[a]:.1%}", va="center", fontsize=8)
    right.set_yticks(range(len(ids)), [short(a) for a in ids])
    right.invert_yaxis()
    right.set_xlim(0, 1)
    right.xaxis.set_major_formatter("{x:.0%}")
    right.set_title("Share of characters by segment kind (hatched: boilerplate)", loc="left")
    handles = [right.containers[i].patches[0] for i in range(len(kinds))]
    right.legend(
        handles, kinds, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=5, fontsize=8, frameon=False
    )
    return fig


_DRAWERS = {
    "labels.png": _labels,
    "quotes_per_speaker.png": _quotes_per_speaker,
    "claims_matrix.png": _claims_matrix,
    "article_quality.png": _article_quality,
}
