"""Crash- and concurrency-safe writing: locks, staged swaps, owned output folders, fault injection."""
