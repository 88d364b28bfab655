"""landstrikes.schema: the Pandera models and cross-table checks of the corpus.

Downstream CI: `from landstrikes.schema import validate; assert validate("path").ok`.
"""

from landstrikes.schema.articles import ARTICLES
from landstrikes.schema.claims import CLAIMS
from landstrikes.schema.entities import ENTITIES
from landstrikes.schema.exclusions import MENTION_EXCLUSIONS
from landstrikes.schema.mentions import MENTIONS
from landstrikes.schema.quality import QUALITY_FLAG_ROWS
from landstrikes.schema.quotes import QUOTES
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
from landstrikes.schema.report import Finding, Report
from landstrikes.schema.segments import SEGMENTS
from landstrikes.schema.stances import STANCE_TARGETS, STANCES
from landstrikes.schema.validate import validate


def pandera_schema(table: str):
    """The Pandera DataFrameSchema of one table, e.g. pandera_schema("quotes")."""
    return TABLES_BY_NAME[table].pandera_schema()


__all__ = [
    "ARTICLES", "CLAIMS", "ENTITIES", "MENTIONS", "MENTION_EXCLUSIONS", "QUALITY_FLAG_ROWS",
    "QUOTES", "SEGMENTS", "STANCES", "STANCE_TARGETS", "SCHEMA_VERSION", "TABLES",
    "TABLES_BY_NAME", "Finding", "Report", "pandera_schema", "validate",
]
