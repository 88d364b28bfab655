"""`landstrikes render`: the static site is complete, self-contained, linked and escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import HOSTILE_ARTICLE, HOSTILE_CLUSTER, HOSTILE_NAME, load, save

from landstrikes.cli import main
from landstrikes.render import RenderError, render_site
from landstrikes.render.pages import page_name
from landstrikes.render.worddiff import variant_text, word_diff


class Links(HTMLParser):
    """Every id a page defines and every href it links to."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.scripts = set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        self.scripts += tag == "script"


def parsed(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


@pytest.fixture(scope="module")
def gold_site(built_dataset, tmp_path_factory):
    return render_site(built_dataset, tmp_path_factory.mktemp("site") / "site")


def test_one_page_per_article_and_per_cluster_plus_index(gold_site, built_dataset):
    articles = load(built_dataset, "articles")
    quotes, claims = load(built_dataset, "quotes"), load(built_dataset, "claims")
    out = gold_site.out
    assert gold_site.index.is_file() and (out / "entities.html").is_file()
    for article_id in articles.article_id:
        assert (out / "articles" / f"{page_name(article_id)}.html").is_file()
    for cluster_id in set(quotes.cluster_id):
        assert (out / "quote-clusters" / f"{page_name(cluster_id)}.html").is_file()
    for cluster_id in set(claims.cluster_id):
        assert (out / "claim-clusters" / f"{page_name(cluster_id)}.html").is_file()
    expected = 2 + len(articles) + quotes.cluster_id.nunique() + claims.cluster_id.nunique()
    assert len(gold_site.pages) == expected and gold_site.problems == 0 and gold_site.missing == ()


def test_pages_load_nothing_from_outside(gold_site):
    for page in gold_site.pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(link|img|iframe|object|embed)\b|<script[^>]*\bsrc=|@import|url\(", html), page


def test_every_link_resolves_to_a_page_and_an_anchor(gold_site):
    ids = {page.resolve(): parsed(page).ids for page in gold_site.pages}
    for page in gold_site.pages:
        for href in parsed(page).hrefs:
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve() if path else page.resolve()
            assert target in ids, f"{page.name}: {href} points to no page"
            assert not anchor or unquote(anchor) in ids[target], f"{page.name}: {href} points to no anchor"


def test_every_row_of_the_side_panel_is_a_citable_anchor(gold_site, built_dataset):
    for table, column in (("quotes", "quote_id"), ("claims", "claim_id"), ("stances", "stance_id")):
        rows = load(built_dataset, table)
        for article_id, group in rows.groupby("article_id"):
            ids = parsed(gold_site.out / "articles" / f"{page_name(article_id)}.html").ids
            assert set(group[column]) <= ids


def test_article_page_shows_quality_label_and_flags(gold_site, built_dataset):
    articles = load(built_dataset, "articles")
    for article in articles.itertuples():
        html = (gold_site.out / "articles" / f"{page_name(article.article_id)}.html").read_text(encoding="utf-8")
        header = html.split('<main class="article-layout">')[0]
        assert f"quality-{article.quality_label}" in header
        for flag in article.quality_flags:
            assert f'<span class="badge flagname">{flag}</span>' in header


def test_data_that_looks_like_html_is_shown_as_text(hostile_dataset, tmp_path):
    site = render_site(hostile_dataset, tmp_path / "site")
    article = (tmp_path / "site" / "articles" / f"{HOSTILE_ARTICLE}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article
    assert "onmouseover=</span>&#34;alert(1) &amp;amp; \U0001f525" in article  # the quote closes before the mark
    assert "Donald &#34;onmouseover=&#34;window.__pwned=2 &lt;b&gt;Trump&lt;/b&gt;" in article
    for page in site.pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>window" not in html and HOSTILE_NAME not in html and HOSTILE_CLUSTER not in html, page
        assert parsed(page).scripts == 1, f"{page}: only the viewer's own script"
    cluster_pages = [p.name for p in (tmp_path / "site" / "quote-clusters").iterdir()]
    assert page_name(HOSTILE_CLUSTER) in {p.removesuffix(".html") for p in cluster_pages}


def test_silver_folder_with_missing_and_empty_tables_renders(dataset_copy, tmp_path):
    for table in ("claims", "stances", "stance_targets", "quality_flags", "mention_exclusions"):
        for path in (dataset_copy / "data" / table).glob("*.parquet"):
            path.unlink()
        (dataset_copy / "data" / table).rmdir()
    quotes = load(dataset_copy, "quotes")
    save(dataset_copy, "segments", load(dataset_copy, "segments").iloc[0:0])
    site = render_site(dataset_copy, tmp_path / "site")
    assert set(site.missing) == {"claims", "stances", "stance_targets", "quality_flags", "mention_exclusions"}
    index = site.index.read_text(encoding="utf-8")
    assert "Tables missing from this folder" in index and "quality_flags" in index
    assert not (tmp_path / "site" / "claim-clusters").exists()
    assert len(list((tmp_path / "site" / "quote-clusters").iterdir())) == quotes.cluster_id.nunique()


def test_a_span_outside_its_article_is_listed_not_drawn(dataset_copy, tmp_path):
    quotes = load(dataset_copy, "quotes")
    quotes.loc[0, "end"] = 10**6
    save(dataset_copy, "quotes", quotes)
    site = render_site(dataset_copy, tmp_path / "site")
    page = (tmp_path / "site" / "articles" / f"{page_name(quotes.loc[0, 'article_id'])}.html").read_text(encoding="utf-8")
    assert site.problems == 1
    assert f"quote {quotes.loc[0, 'quote_id']}: [{quotes.loc[0, 'start']}, 1000000) does not fit" in page


def test_no_articles_table_is_a_one_line_error_exit_2(dataset_copy, tmp_path, capsys):
    for path in (dataset_copy / "data" / "articles").glob("*.parquet"):
        path.unlink()
    with pytest.raises(RenderError):
        render_site(dataset_copy, tmp_path / "site")
    assert main(["render", str(dataset_copy), "--out", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "articles table" in err


def test_cli_renders_the_gold_dataset(built_dataset, tmp_path, capsys):
    assert main(["render", str(built_dataset), "--out", str(tmp_path / "site")]) == 0
    assert "pages from" in capsys.readouterr().out
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_second_render_in_a_process_compiles_no_template_and_writes_the_same_site(built_dataset, tmp_path, monkeypatch):
    """The templates are compiled once per process (`site.environment()`), not once per render
    (0.06-0.13 CPU-s each time): a second render compiles nothing and writes the same bytes."""
    import jinja2

    compiled = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    sites = [render_site(built_dataset, tmp_path / f"site{i}").out for i in range(2)]
    first = len(compiled)
    render_site(built_dataset, tmp_path / "site2")
    assert compiled[first:] == []
    pages = [{p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
             for site in (*sites, tmp_path / "site2")]
    assert pages[0] == pages[1] == pages[2] and len(pages[0]) > 100


def test_page_names_keep_safe_ids_and_clean_unsafe_ones_uniquely():
    assert page_name("q-hitting-land") == "q-hitting-land"
    assert page_name("000_abc:q:1-2") != page_name("000_abc_q_1-2")
    assert re.fullmatch(r"[A-Za-z0-9._-]+", page_name('../"<x>'))
    assert page_name("..") not in ("..", ".")


def test_word_diff_marks_misquoted_words_and_keeps_the_variant_text():
    reference = "We are going to start now hitting land with regard to the cartels."
    variant = "we're going to start hitting land, he said"
    pieces = word_diff(reference, variant)
    assert variant_text(pieces) == variant
    assert ("added", "we're ") in [(p.op, p.text) for p in pieces]
    assert any(p.op == "missing" and "now" in p.text for p in pieces)
    assert [p.op for p in word_diff(reference, reference.upper())] == ["same"]
