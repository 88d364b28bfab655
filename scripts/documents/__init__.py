"""Generated numbers, figures and agreement: what the README and datasheet blocks are made of."""
