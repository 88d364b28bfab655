"""`landstrikes render`: a static, offline HTML viewer of every annotation layer."""
