"""The installed wheel carries every module and data file under the one import name `landstrikes`,
and building it draws no setuptools warning (a data folder missing from `packages` is one, and a
future setuptools would leave that folder out)."""

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_contains_every_module_and_no_generic_top_level_name(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True, text=True,
    )
    assert "absent from the `packages` configuration" not in built.stdout + built.stderr
    names = zipfile.ZipFile(next(tmp_path.glob("landstrikes-*.whl"))).namelist()
    top_level = {n.split("/")[0] for n in names if not n.startswith("landstrikes-")}
    assert top_level == {"landstrikes"}
    sources = [p.relative_to(REPO / "scripts") for p in (REPO / "scripts").rglob("*.py")]
    sources += [Path("schema") / p.relative_to(REPO / "schema") for p in (REPO / "schema").rglob("*.py")]
    for source in sources:
        assert f"landstrikes/{source.as_posix()}" in names
    assert "landstrikes/schema/quotes.schema.yaml" in names
    templates = sorted(p.name for p in (REPO / "scripts" / "render" / "templates").iterdir())
    assert {"base.html", "article.html", "index.html", "style.css", "viewer.js"} <= set(templates)
    for template in templates:
        assert f"landstrikes/render/templates/{template}" in names
