"""Everything the builders read, loaded once at the edge: raw texts and annotation sources.

Loading checks every field the builders read (sourcecheck), so a builder never meets a value of
the wrong type or an id that no catalogue defines: bad input stops here, as one BuildError.
"""

from __future__ import annotations

from landstrikes.strictjson import strict_json
from dataclasses import dataclass
from pathlib import Path

from landstrikes.errors import BuildError, short
from landstrikes.annotations.freetext import check_alias_forms, check_free_text, check_prose_form
from landstrikes.annotations.raw import RawArticle, read_raw_articles
from landstrikes.annotations.rawpins import check_pins
from landstrikes.annotations.sourcecheck import CLUSTERS, ENTITIES, TARGETS, check_catalogue, check_layer
from landstrikes.annotations.sources import ARTICLE_LAYERS, ArticleSource, Record, load_article_sources, load_catalogue
from landstrikes.annotations.yamlsource import read_source_text

CARD_BODY_FILE = "card_body.md"
AGREEMENT_FILE = "agreement.json"


@dataclass(frozen=True)
class Corpus:
    articles: tuple[RawArticle, ...]
    sources: dict[str, ArticleSource]
    entities: tuple[Record, ...]
    stance_targets: tuple[Record, ...]
    claim_clusters: tuple[Record, ...]

    def source_for(self, article: RawArticle) -> ArticleSource | None:
        return self.sources.get(article.source_file)


def load_corpus(dataset_dir: Path) -> Corpus:
    dataset_dir = Path(dataset_dir)
    raw = read_raw_articles(dataset_dir / "raw")
    annotations = dataset_dir / "annotations"
    catalogues = {
        ENTITIES: load_catalogue(annotations / "entities.yaml", "entity"),
        TARGETS: load_catalogue(annotations / "stance_targets.yaml", "stance target"),
        CLUSTERS: load_catalogue(annotations / "claim_clusters.yaml", "claim cluster"),
    }
    ids = {name: check_catalogue(name, records) for name, records in catalogues.items()}
    sources = load_article_sources(annotations / "articles")
    known = {a.source_file: a for a in raw}
    for name, source in sources.items():
        if name not in known:
            raise BuildError(source.file, f"annotates {short(name)}, which is not a raw article", source.article_line,
                             "unknown-article")
    check_pins(dataset_dir / "raw", known, sources)  # before any span is anchored to a text
    for source in sources.values():
        for layer in ARTICLE_LAYERS:
            check_layer(layer, source.layer(layer), ids)
    check_free_text(catalogues, sources)  # G7: a source converted outside git is refused, not built
    check_alias_forms(catalogues[ENTITIES], sources, {name: known[name].text for name in sources})
    check_other_inputs(dataset_dir)
    return Corpus(
        articles=tuple(raw),
        sources=sources,
        entities=tuple(catalogues[ENTITIES]),
        stance_targets=tuple(catalogues[TARGETS]),
        claim_clusters=tuple(catalogues[CLUSTERS]),
    )


def check_other_inputs(dataset_dir: Path) -> None:
    """The card body and agreement figures that the build also reads: readable, UTF-8, JSON."""
    card = dataset_dir / "annotations" / CARD_BODY_FILE
    check_prose_form(card, read_source_text(card, "dataset card body"), "dataset card body")
    agreement = dataset_dir / AGREEMENT_FILE
    if agreement.exists() or agreement.is_symlink():
        try:
            strict_json(read_source_text(agreement, "agreement figures"))
        except ValueError as exc:
            raise BuildError(agreement, f"agreement figures are not valid JSON ({exc})", check="bad-json") from None
