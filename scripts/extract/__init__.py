"""Automatic (silver) annotation: pure per-article rules, run in parallel by `landstrikes extract`."""

from landstrikes.extract.article import extract_article

__all__ = ["extract_article"]
