"""One pure builder per table: Corpus in, rows (dicts in schema column order) out."""

from landstrikes.tables.articles import build_articles
from landstrikes.tables.claims import build_claim_clusters, build_claims
from landstrikes.tables.entities import build_entities
from landstrikes.tables.mentions import build_mention_exclusions, build_mentions
from landstrikes.tables.quality import build_quality_flags
from landstrikes.tables.quotes import build_quotes
from landstrikes.tables.segments import build_segments
from landstrikes.tables.stances import build_stance_targets, build_stances

BUILDERS = {
    "articles": build_articles,
    "entities": build_entities,
    "mentions": build_mentions,
    "mention_exclusions": build_mention_exclusions,
    "quotes": build_quotes,
    "claims": build_claims,
    "claim_clusters": build_claim_clusters,
    "stance_targets": build_stance_targets,
    "stances": build_stances,
    "segments": build_segments,
    "quality_flags": build_quality_flags,
}
