"""The rendered site in a real browser: headless Chromium (Debian's `chromium`) via Playwright.

The article element's innerText (the text as rendered, what a reader sees and copies) must equal
the article text exactly: `white-space: pre-wrap` keeps every space and newline, and CR is written
as `&#13;` because the HTML parser would turn a literal CR into LF. textContent must match too,
which rules out hidden or generated characters.
"""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import HOSTILE_ARTICLE, load

from landstrikes.render import render_site
from landstrikes.render.pages import page_name

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra has it)")


def chromium_binary() -> str | None:
    """Debian's chromium (installed by .ci/run); LANDSTRIKES_CHROMIUM may point elsewhere."""
    candidates = [os.environ.get("LANDSTRIKES_CHROMIUM"), "chromium", "chromium-browser"]
    return next((found for c in candidates if c and (found := shutil.which(c))), None)


pytestmark = pytest.mark.skipif(
    chromium_binary() is None, reason="no chromium binary on PATH (apt-get install chromium; .ci/run does this)"
)

PAGE_STATE = """() => ({
  innerText: document.getElementById('article-text')?.innerText ?? null,
  textContent: document.getElementById('article-text')?.textContent ?? null,
  pwned: typeof window.__pwned,
})"""

MARKED = """([selector, ids]) => ids.filter(id => !document.querySelector(
  '#article-text ' + selector + '[data-id="' + CSS.escape(id) + '"]'))"""

HANDLER_ATTRIBUTES = """() => [...document.querySelectorAll('*')].flatMap(
  el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""

HOVER_EVERY_MARK = """() => { document.querySelectorAll('#article-text [title]').forEach(
  el => el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))); return typeof window.__pwned; }"""


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_binary(), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(hostile_dataset, tmp_path_factory):
    return render_site(hostile_dataset, tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture
def page(browser):
    """A page that records script errors, dialogs and any request that is not a local file."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda exc: pg.problems.append(f"script error: {exc}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: r.url.startswith("file://") or pg.problems.append(f"network: {r.url}"))
    yield pg
    context.close()


def test_every_article_page_shows_exactly_its_text_and_marks_every_row(site, hostile_dataset, page, tmp_path):
    articles = load(hostile_dataset, "articles")
    rows = {t: load(hostile_dataset, t) for t in ("quotes", "claims", "mentions")}
    for article in articles.itertuples():
        page.goto((site.out / "articles" / f"{page_name(article.article_id)}.html").as_uri())
        state = page.evaluate(PAGE_STATE)
        assert state["textContent"] == article.text, article.article_id
        assert state["innerText"] == article.text, article.article_id
        for table, selector, column in (("quotes", ".quote", "quote_id"), ("claims", ".claim", "claim_id"),
                                        ("mentions", ".mention", "mention_id")):
            ids = list(rows[table].loc[rows[table].article_id == article.article_id, column])
            assert page.evaluate(MARKED, [selector, ids]) == [], f"{article.article_id}: {table} without a mark"
        assert page.evaluate(HANDLER_ATTRIBUTES) == [], "no element may carry an inline event handler"
        assert page.evaluate(HOVER_EVERY_MARK) == "undefined"
        page.screenshot(path=tmp_path / f"{page_name(article.article_id)}.png", full_page=False)
        assert page.problems == [], page.problems
    assert HOSTILE_ARTICLE in set(articles.article_id)


def test_injected_script_in_the_article_did_not_run(site, page):
    page.goto((site.out / "articles" / f"{HOSTILE_ARTICLE}.html").as_uri())
    text = page.evaluate(PAGE_STATE)
    assert text["pwned"] == "undefined"
    assert text["innerText"].endswith('<script>window.__pwned=1</script> "onmouseover="alert(1) &amp; \U0001f525')


def test_every_other_page_loads_without_errors_or_network(site, page, tmp_path):
    others = [p for p in site.pages if p.parent.name != "articles"]
    assert len(others) > 2
    for path in others:
        page.goto(path.as_uri(), wait_until="domcontentloaded")
        # one round trip per page for both questions (three hundred pages: the trips were most of the time)
        pwned, handlers = page.evaluate(f"() => [typeof window.__pwned, ({HANDLER_ATTRIBUTES})()]")
        assert pwned == "undefined" and handlers == [], (path, pwned, handlers)
        assert page.problems == [], (path, page.problems)
    page.goto((site.out / "quote-clusters" / "q-hitting-land.html").as_uri())
    assert page.locator("article.variant").count() > 1 and page.locator("article.variant del").count() > 0
    page.screenshot(path=tmp_path / "cluster.png")


def _quote_without_claims(dataset, article_id: str) -> str:
    """A quote of the article that no claim overlaps and no other quote nests in (the gold moves:
    2.17.0 made the quote this test first clicked a claim too)."""
    quotes, claims = load(dataset, "quotes"), load(dataset, "claims")
    quotes, claims = quotes[quotes.article_id == article_id], claims[claims.article_id == article_id]
    for q in quotes.itertuples():
        overlaps = ((claims.start < q.end) & (claims.end > q.start)).any()
        nests = ((quotes.start >= q.start) & (quotes.end <= q.end) & (quotes.quote_id != q.quote_id)).any()
        if not overlaps and not nests:
            return q.quote_id
    pytest.skip(f"every quote of {article_id} holds a claim or another quote")


def test_clicking_a_quote_selects_its_row_and_a_row_link_flashes_the_quote(site, page, hostile_dataset):
    page.goto((site.out / "articles" / "000_68b95635092649cd.html").as_uri())
    quote_id = _quote_without_claims(hostile_dataset, "000_68b95635092649cd")  # the innermost mark wins a click
    page.locator(f'#article-text .quote[data-id="{quote_id}"]').first.click()
    assert page.evaluate("(id) => document.getElementById(id).classList.contains('selected')", quote_id)
    page.locator(f'tr.row[id="{quote_id}"] a.show').click()
    assert page.locator(f'#article-text .quote.flash[data-id="{quote_id}"]').count() >= 1


BIDI_OF = """() => {
  const style = (el) => getComputedStyle(el).unicodeBidi;
  const outside = [...document.querySelectorAll('td, th, h1, code, a, .meta')].filter(el => !el.closest('#article-text'));
  const inside = [...document.querySelectorAll('#article-text, #article-text *')];
  return {outside: [...new Set(outside.map(style))], inside: [...new Set(inside.map(style))], n: outside.length};
}"""


def test_values_outside_the_article_text_are_bidi_isolated_and_the_text_is_not(site, page):
    """attack23's open item: an id or title holding a bidi override (U+202E) drew the rest of its line
    reversed; every value shown outside the article text is isolated, so an override ends with its
    element. The article text keeps normal bidi: it is shown exactly as written."""
    page.goto((site.out / "articles" / "000_68b95635092649cd.html").as_uri())
    found = page.evaluate(BIDI_OF)
    assert found["n"] > 20 and found["outside"] == ["isolate"], found
    assert found["inside"] == ["normal"], found
