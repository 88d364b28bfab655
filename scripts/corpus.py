"""Everything the builders read, loaded once at the edge: raw texts and annotation sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from landstrikes.errors import BuildError
from landstrikes.raw import RawArticle, read_raw_articles
from landstrikes.sources import ArticleSource, Record, load_article_sources, load_catalogue


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
    raw = read_raw_articles(dataset_dir / "raw")
    annotations = dataset_dir / "annotations"
    sources = load_article_sources(annotations / "articles")
    known = {a.source_file for a in raw}
    for name, source in sources.items():
        if name not in known:
            raise BuildError(source.file, f"annotates {name!r}, which is not a raw article", 1)
    return Corpus(
        articles=tuple(raw),
        sources=sources,
        entities=tuple(load_catalogue(annotations / "entities.yaml", "entity")),
        stance_targets=tuple(load_catalogue(annotations / "stance_targets.yaml", "stance target")),
        claim_clusters=tuple(load_catalogue(annotations / "claim_clusters.yaml", "claim cluster")),
    )
