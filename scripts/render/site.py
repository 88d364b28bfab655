"""Write the static site: Jinja2 templates (autoescaped) over the page view models."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from landstrikes.errors import naming
from landstrikes.safety.outdir import output_folder
from landstrikes.render.data import load_tables
from landstrikes.render.pages import (
    LAYERS,
    article_href,
    article_page,
    cluster_pages,
    entities_page,
    index_page,
    lookup,
)


def keep_cr(value: str) -> Markup:
    """Escape text, writing CR as a character reference: the HTML parser turns a literal CR
    (and CRLF) into LF, a reference survives, so the page's text keeps every character."""
    return Markup(str(escape(value)).replace("\r", "&#13;"))


def short_id(row_id: str) -> str:
    """'000_68b9…:q:1012-1099' -> 'q:1012-1099': the article is the page, the rest names the row."""
    return row_id.split(":", 1)[1] if ":" in row_id else row_id


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' environment, one per process: Jinja keeps each template compiled in it
    (compiling the four pages' templates and their base took 0.06-0.13 CPU-s a render) and,
    with its default `auto_reload`, compiles a template again when its file changes."""
    env = Environment(
        loader=PackageLoader("landstrikes.render", "templates"),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["keep_cr"] = keep_cr
    env.filters["short_id"] = short_id
    return env


@dataclass
class Site:
    out: Path
    pages: list[Path] = field(default_factory=list)
    missing: tuple[str, ...] = ()
    problems: int = 0

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def render_site(path: Path, out: Path, notice=None) -> Site:
    """Render every page of the tables under `path` into `out`, replacing a site rendered there before.

    `out` must be new, empty or an earlier render's output (`landstrikes.safety.outdir`, else
    OutputRefused); the site is staged and swapped in whole.
    """
    tables = load_tables(path)
    look = lookup(tables)
    env = environment()
    out = Path(out)
    with output_folder(out, "render", notice) as staging:
        site = _write_pages(tables, look, env, staging)
    site.out, site.pages = out, [out / page.relative_to(staging) for page in site.pages]
    return site


def _write_pages(tables, look, env: Environment, out: Path) -> Site:
    site = Site(out, missing=tables.missing)
    common = {"layers": LAYERS, "missing": tables.missing}

    def write(relative: str, template: str, **context) -> None:
        root = "../" * relative.count("/")
        html = env.get_template(template).render(root=root, **common, **context)
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with naming(target):
            target.write_text(html, encoding="utf-8")
        site.pages.append(target)

    clusters = cluster_pages(tables, look)
    write("index.html", "index.html", **index_page(tables, clusters))
    write("entities.html", "entities.html", **entities_page(tables))
    for article in tables["articles"]:
        page = article_page(tables, article, look)
        site.problems += len(page["problems"])
        write(article_href(article["article_id"]), "article.html", **page)
    for cluster in clusters:
        write(cluster["href"], "cluster.html", cluster=cluster)
    return site
