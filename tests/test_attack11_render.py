"""A render groups each table's rows by article once, however many articles it draws: grouping
every table again for each article page made a render quadratic (attack11: 10^5 tiny silver
articles, one page a second; 3 minutes for all 299,702 pages once grouped once)."""

from __future__ import annotations

import landstrikes.render.pages as pages
from landstrikes.render.site import render_site


def test_a_render_groups_each_table_by_article_once_not_once_per_page(built_dataset, tmp_path, monkeypatch):
    grouped = []
    real = pages.by_article

    def counting(rows):
        grouped.append(len(rows))
        return real(rows)

    monkeypatch.setattr(pages, "by_article", counting)
    site = render_site(built_dataset, tmp_path / "site")
    articles = sum(1 for p in site.pages if "/articles/" in p.as_posix())
    assert articles >= 5
    assert len(grouped) == len(pages.COUNTED)
