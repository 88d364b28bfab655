"""`landstrikes render`: a static, offline HTML viewer of every annotation layer."""

from landstrikes.render.data import RenderError
from landstrikes.render.site import Site, render_site

__all__ = ["RenderError", "Site", "render_site"]
