"""ARCHITECTURE.md is the code map: it names every folder of the repo, and the import rule it
states (schema/ never imports landstrikes outside landstrikes.schema) holds in the code."""

from __future__ import annotations

import ast
import re
import subprocess

from conftest import REPO

MAP = REPO / "ARCHITECTURE.md"


def tracked_folders() -> set[str]:
    files = subprocess.run(["git", "-C", str(REPO), "ls-files"], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    folders = set()
    for name in files:
        parts = name.split("/")[:-1]
        folders.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return folders


def mentioned_patterns(text: str) -> list[re.Pattern]:
    """Backticked paths ending in `/` (or `/**`): `<name>` stands for one folder, `**` for any below."""
    patterns = []
    for path in re.findall(r"`([.\w<>*/-]+/(?:\*\*)?)`", text):
        regex = re.escape(path.rstrip("/").removesuffix("/**"))
        regex = re.sub(r"<[^/]*?>", "[^/]+", regex.replace(r"\<", "<").replace(r"\>", ">"))
        tail = "(/.+)?" if path.endswith("/**") else ""
        patterns.append(re.compile(regex + tail))
    return patterns


def unmapped(folders: set[str], text: str) -> list[str]:
    patterns = mentioned_patterns(text)
    return sorted(f for f in folders if not any(p.fullmatch(f) for p in patterns))


def test_every_folder_of_the_repo_is_named_in_architecture_md():
    assert unmapped(tracked_folders(), MAP.read_text(encoding="utf-8")) == []


def test_a_folder_missing_from_the_map_is_reported():
    text = MAP.read_text(encoding="utf-8").replace("`scripts/safety/`", "scripts/safety")
    assert unmapped(tracked_folders(), text) == ["scripts/safety"]
    assert unmapped({"dataset/data/quotes", "tests/hostile/x/input/y"}, text) == []


def non_schema_imports(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "landstrikes" else [f"landstrikes.{a.name}" for a in node.names]
        found += [n for n in names if (n == "landstrikes" or n.startswith("landstrikes."))
                  and n != "landstrikes.schema" and not n.startswith("landstrikes.schema.")]
    return found


def test_schema_never_imports_landstrikes_outside_schema():
    offenders = {p.name: non_schema_imports(p.read_text(encoding="utf-8")) for p in (REPO / "schema").rglob("*.py")}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_import_scan_sees_every_form_of_import():
    source = ("import landstrikes.build\nfrom landstrikes import errors\nfrom landstrikes.safety.lock import x\n"
              "def f():\n    from landstrikes.schema.report import Report\n    import landstrikes.schema\n")
    assert non_schema_imports(source) == ["landstrikes.build", "landstrikes.errors", "landstrikes.safety.lock"]


SPEAKERS = REPO / "scripts" / "extract" / "speakers"


def speaker_layers() -> list[str]:
    """The speaker modules in the order the package docstring names them (its backticked words
    that are modules of the package), each named once."""
    doc = ast.get_docstring(ast.parse((SPEAKERS / "__init__.py").read_text(encoding="utf-8")))
    modules = {p.stem for p in SPEAKERS.glob("*.py")} - {"__init__"}
    return list(dict.fromkeys(w for w in re.findall(r"`(\w+)`", doc) if w in modules))


def layer_violations(order: list[str], sources: dict[str, str]) -> list[str]:
    found = []
    for i, name in enumerate(order):
        for node in ast.walk(ast.parse(sources[name])):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("landstrikes.extract.speakers."):
                imported = node.module.rsplit(".", 1)[-1]
                if imported not in order[:i]:
                    found.append(f"{name} imports {imported}")
    return found


def test_each_speaker_module_imports_only_the_modules_named_before_it():
    order = speaker_layers()
    assert sorted(order) == sorted(p.stem for p in SPEAKERS.glob("*.py") if p.stem != "__init__")
    assert layer_violations(order, {name: (SPEAKERS / f"{name}.py").read_text(encoding="utf-8") for name in order}) == []


def test_a_speaker_module_importing_a_later_one_is_reported():
    sources = {"words": "from landstrikes.extract.speakers.pronouns import LOOKBACK\n", "pronouns": ""}
    assert layer_violations(["words", "pronouns"], sources) == ["words imports pronouns"]
