"""What a build reads: raw articles, YAML annotation sources and the spans they anchor."""
