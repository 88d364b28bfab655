"""landstrikes: an annotated, validated corpus of five news articles on US land strikes in Mexico."""

__version__ = "1.0.0"
DATASET_VERSION = __version__
