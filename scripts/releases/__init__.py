"""Immutable snapshots: releasing, their manifests and descriptions (card, Croissant, citation), diffing, loading and publishing."""
