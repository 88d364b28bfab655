"""The one place a table is wired in: its spec, in build and validation order."""

from landstrikes.schema.articles import ARTICLES
from landstrikes.schema.claims import CLAIM_CLUSTERS, CLAIMS
from landstrikes.schema.entities import ENTITIES
from landstrikes.schema.exclusions import MENTION_EXCLUSIONS
from landstrikes.schema.mentions import MENTIONS
from landstrikes.schema.quality import QUALITY_FLAG_ROWS
from landstrikes.schema.quotes import QUOTES
from landstrikes.schema.segments import SEGMENTS
from landstrikes.schema.stances import STANCE_TARGETS, STANCES

SCHEMA_VERSION = "2.1"
"""Bumped whenever a column is added, removed, renamed, retyped or a label set changes."""

TABLES = (
    ARTICLES,
    ENTITIES,
    MENTIONS,
    MENTION_EXCLUSIONS,
    QUOTES,
    CLAIMS,
    CLAIM_CLUSTERS,
    STANCE_TARGETS,
    STANCES,
    SEGMENTS,
    QUALITY_FLAG_ROWS,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
