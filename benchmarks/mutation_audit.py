"""Mutation audit of validate's checks: is every place in schema/ that reports a finding KILLED by a test?

    python benchmarks/mutation_audit.py --list                  # the call sites, their ids and test files
    python benchmarks/mutation_audit.py --budget 3600           # run mutants, fewest test files first
    python benchmarks/mutation_audit.py --only schema/x.py:12   # one call site (repeatable)
    python benchmarks/mutation_audit.py --confirm               # the killing tests, run on the real code

tests/test_check_ids_exercised.py holds that every documented id is NAMED by a test; this asks
whether silencing one call site makes any test fail. A call site is a call of `report.add`,
`own.add`, `add`, `add_at` or the `Finding` constructor in schema/*.py (found with `ast`). Its
mutant replaces that one call by `(None)` (padded with the call's line breaks, so every other line
keeps its number) and changes nothing else.

Nothing of the worktree is edited: a scratch tree under /tmp/mutate67/ holds a copy of schema/ (the
one file of the mutant rewritten, restored after) and of tests/ (tests/hostile/ pruned to the cases
whose `check` names the mutant's ids), every other top-level entry a symbolic link to the worktree's;
a package folder there, first on PYTHONPATH, is `landstrikes` (the worktree's scripts/, linked entry
by entry) with `landstrikes.schema` the scratch copy, so the editable install's finder (appended to
sys.meta_path, after the path finder) never answers. Each mutant runs the test files that name one of
its ids (`nice -n 10 pytest -x -q -p no:cacheprovider`, one at a time), with a time limit; over it,
the mutant is `skipped`. Results: benchmarks/results/mutation_audit.json (merged run after run).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "schema"
TESTS = REPO / "tests"
SCRATCH = Path("/tmp/mutate67")
TREE = SCRATCH / "tree"
HTREE = SCRATCH / "htree"  # the same tree, tests/hostile/ holding only the mutant's cases
PKG = SCRATCH / "pkg"
RESULTS = REPO / "benchmarks" / "results" / "mutation_audit.json"
REPORTERS = {"report.add", "own.add", "add", "add_at", "Finding"}
ID = r"[a-z0-9]+(?:-[a-z0-9]+)+"


def documented_ids() -> set[str]:
    text = (REPO / "docs" / "check-ids.md").read_text(encoding="utf-8")
    return set(re.findall(rf"`({ID})`", text))


def _module_constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _enclosing(tree: ast.Module, call: ast.Call) -> ast.AST:
    best = tree
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.lineno <= call.lineno <= node.end_lineno:
            if best is tree or node.lineno >= best.lineno:
                best = node
    return best


def call_sites() -> list[dict]:
    """Every reporting call in schema/*.py: file, line, columns, and the check ids it can report."""
    known = documented_ids()
    sites = []
    everywhere: dict[str, set[str]] = {}  # a constant imported from another schema module
    for path in sorted(SCHEMA.glob("*.py")):
        for name, value in _module_constants(ast.parse(path.read_text(encoding="utf-8"))).items():
            everywhere.setdefault(name, set()).add(value)
    for path in sorted(SCHEMA.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        constants = {**{n: next(iter(v)) for n, v in everywhere.items() if len(v) == 1}, **_module_constants(tree)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or ast.unparse(node.func) not in REPORTERS:
                continue
            check = node.args[1] if len(node.args) >= 2 else next((k.value for k in node.keywords if k.arg == "check"), None)
            if isinstance(check, ast.Constant):
                ids, how = [check.value], "literal"
            elif isinstance(check, ast.Name) and check.id in constants:
                ids, how = [constants[check.id]], f"constant {check.id}"
            else:  # a variable: the documented ids written in the enclosing function (else the module)
                scope = _enclosing(tree, node)
                ids = sorted({n.value for n in ast.walk(scope) if isinstance(n, ast.Constant) and n.value in known}
                             | {constants[n.id] for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id in constants
                                and constants[n.id] in known})
                if not ids and ast.unparse(node.func) == "Finding":
                    ids = ["*"]  # every finding: test_checks.py's broken copies are enough to kill it
                if not ids:
                    ids = sorted({n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in known})
                how = f"variable {ast.unparse(check) if check is not None else '?'}"
            sites.append({"site": f"schema/{path.name}:{node.lineno}", "file": path.name, "line": node.lineno,
                          "col": node.col_offset, "end_line": node.end_lineno, "end_col": node.end_col_offset,
                          "reporter": ast.unparse(node.func), "ids": ids, "id_from": how})
    return sites


def _names(text: str, check: str) -> bool:
    return re.search(rf"(?<![a-z0-9-]){re.escape(check)}(?![a-z0-9-])", text) is not None


class TestIndex:
    """Which test files and hostile cases name a check id."""

    def __init__(self) -> None:
        self.texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in sorted(TESTS.glob("*.py"))}
        self.cases = {}
        for case in sorted((TESTS / "hostile").glob("*/case.yaml")):
            self.cases[case.parent.name] = case.read_text(encoding="utf-8", errors="replace")

    def files(self, check: str) -> list[str]:
        named = [n for n, t in self.texts.items() if _names(t, check)]
        tests = [n for n in named if n.startswith("test_")]
        helpers = [n[:-3] for n in named if not n.startswith("test_") and n != "conftest.py"]
        for helper in helpers:  # a helper module naming the id: the test files importing it
            tests += [n for n, t in self.texts.items() if n.startswith("test_")
                      and re.search(rf"^\s*(from|import) {re.escape(helper)}\b", t, re.M)]
        return sorted(set(tests))

    def hostile(self, check: str) -> list[str]:
        return [name for name, text in self.cases.items()
                if re.search(rf"^check:\s*['\"]?.*(?<![a-z0-9-]){re.escape(check)}(?![a-z0-9-])", text, re.M)]


def plan(sites: list[dict]) -> list[dict]:
    index = TestIndex()
    for s in sites:
        s["tests"] = sorted({f for i in s["ids"] for f in index.files(i)} - {"test_hostile_corpus.py"})
        if s["ids"] == ["*"]:
            s["tests"] = ["test_checks.py"]
        s["hostile"] = sorted({c for i in s["ids"] for c in index.hostile(i)})
        s["n_files"] = len(s["tests"]) + (1 if s["hostile"] else 0)
    return sorted(sites, key=lambda s: (s["n_files"], s["file"], s["line"]))


def make_tree() -> None:
    """The scratch tree and package folder (made once; schema/ and tests/ copied, the rest linked)."""
    for folder in (TREE, HTREE, PKG):
        if folder.exists():
            shutil.rmtree(folder)
    for tree in (TREE, HTREE):
        tree.mkdir(parents=True)
        for entry in REPO.iterdir():
            if entry.name not in ("schema", "tests", ".venv", ".git"):
                (tree / entry.name).symlink_to(entry)
        shutil.copytree(TESTS, tree / "tests", ignore=shutil.ignore_patterns("__pycache__", "hostile"))
    shutil.copytree(SCHEMA, TREE / "schema", ignore=shutil.ignore_patterns("__pycache__"))
    (HTREE / "schema").symlink_to(TREE / "schema")
    (TREE / "tests" / "hostile").symlink_to(TESTS / "hostile")
    (HTREE / "tests" / "hostile").mkdir()
    package = PKG / "landstrikes"
    package.mkdir(parents=True)
    for entry in (REPO / "scripts").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    (package / "schema").symlink_to(TREE / "schema")


def _hostile_cases(names: list[str]) -> None:
    folder = HTREE / "tests" / "hostile"
    for entry in folder.iterdir():
        entry.unlink() if entry.is_symlink() or entry.is_file() else shutil.rmtree(entry)
    for name in names:
        (folder / name).symlink_to(TESTS / "hostile" / name)


def mutant_source(site: dict) -> str:
    lines = (SCHEMA / site["file"]).read_text(encoding="utf-8").splitlines(keepends=True)
    first, last = site["line"] - 1, site["end_line"] - 1
    # ast's columns count UTF-8 bytes
    head = lines[first].encode("utf-8")[: site["col"]].decode("utf-8")
    tail = lines[last].encode("utf-8")[site["end_col"]:].decode("utf-8")
    breaks = last - first
    mutated = head + "(None" + "\n" * breaks + ")" + tail
    out = "".join(lines[:first]) + mutated + "".join(lines[last + 1:])
    compile(out, site["file"], "exec")  # never a mutant that does not compile
    return out


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(PKG), "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}


def _pytest(args: list[str], limit: float, tree: Path | None = None) -> tuple[int | None, float, str]:
    cmd = ["nice", "-n", "10", sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
           "--basetemp", str(SCRATCH / "bt"), *args]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=tree or TREE, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace", start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=limit)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        code = None
    return code, time.monotonic() - started, out


HOSTILE_TESTS = ["tests/test_hostile_corpus.py::test_hostile_case"]
CATALOGUE = ["--deselect", "tests/test_check_ids_exercised.py::test_every_documented_check_id_is_named_by_a_test"]
"""Reads the tests' text, never runs a check: no mutant of schema/ changes what it finds."""


def run_mutant(site: dict, limit: float) -> dict:
    target = TREE / "schema" / site["file"]
    original = (SCHEMA / site["file"]).read_text(encoding="utf-8")
    _hostile_cases(site["hostile"])
    target.write_text(mutant_source(site), encoding="utf-8")
    try:
        code, seconds, out = 0, 0.0, ""
        if site["tests"]:
            code, seconds, out = _pytest([*CATALOGUE, *(f"tests/{t}" for t in site["tests"])], limit)
        if code == 0 and site["hostile"]:  # the hostile cases in a tree of their own
            code, more, out = _pytest(HOSTILE_TESTS, max(limit - seconds, 1.0), HTREE)
            seconds += more
    finally:
        target.write_text(original, encoding="utf-8")
    failed = re.findall(r"^FAILED (.+?)(?: - .*)?$", out, re.M)  # a parameter may hold a space
    if code is None:
        verdict = "skipped"
    elif code == 1:
        verdict = "killed"
    elif code == 0:
        verdict = "survived"
    else:
        verdict = f"error (pytest exit {code})"
    tail = out.strip().splitlines()[-1] if out.strip() else ""
    return {**site, "verdict": verdict, "seconds": round(seconds, 1), "killed_by": failed[:3], "pytest_tail": tail}


def _load() -> dict:
    return json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"mutants": {}}


def _save(results: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _row(r: dict) -> str:
    tests = ",".join(t.removeprefix("test_").removesuffix(".py") for t in r["tests"])
    if r["hostile"]:
        tests += f"{',' if tests else ''}hostile[{len(r['hostile'])}]"
    return f"{'|'.join(r['ids'])[:48]:<48} {r['site']:<36} {r.get('verdict', '-'):<9} {r.get('seconds', ''):>6}  {tests[:90]}"


def main() -> int:
    global SCRATCH, TREE, HTREE, PKG, RESULTS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--budget", type=float, default=3600.0, help="seconds of mutant runs, in all")
    parser.add_argument("--limit", type=float, default=90.0, help="seconds for one mutant's tests")
    parser.add_argument("--only", action="append", default=[], help="schema/FILE.py:LINE")
    parser.add_argument("--rerun", action="store_true", help="run sites already in the results again")
    parser.add_argument("--confirm", action="store_true", help="run each kill's failing tests on the real code")
    parser.add_argument("--files", action="append", default=[],
                        help="run only these test files (a new test, on the mutant it is meant to kill)")
    parser.add_argument("--without", action="append", default=[],
                        help="leave these test files out (the suite as it was before a new test)")
    parser.add_argument("--scratch", type=Path, default=SCRATCH, help="scratch folder (one per concurrent run)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="results JSON (merged run after run)")
    opts = parser.parse_args()
    SCRATCH, RESULTS = opts.scratch, opts.results
    TREE, HTREE, PKG = SCRATCH / "tree", SCRATCH / "htree", SCRATCH / "pkg"
    sites = plan(call_sites())
    results = _load()
    results["call_sites"] = len(sites)
    if opts.list:
        for s in sites:
            print(_row(s))
        print(f"{len(sites)} call sites")
        return 0
    make_tree()
    if opts.confirm:
        # a test with its parameters (some were cut at a space by an earlier parser): every parameter is run
        killers = sorted({t.split("[")[0] for r in results["mutants"].values() if r["verdict"] == "killed"
                          for t in r["killed_by"]})
        _hostile_cases(sorted({c for r in results["mutants"].values() for c in r["hostile"]}))
        plain = [k for k in killers if "test_hostile_corpus" not in k]
        code, seconds, out = _pytest([*CATALOGUE, *plain], 1800) if plain else (0, 0.0, "")
        if code == 0 and len(plain) < len(killers):
            code, more, out = _pytest(HOSTILE_TESTS, 1800, HTREE)
            seconds += more
        print(out[-3000:])
        results["confirm"] = {"tests": len(killers), "exit": code, "seconds": round(seconds, 1),
                              "tail": out.strip().splitlines()[-1] if out.strip() else ""}
        _save(results)
        return 0 if code == 0 else 1
    spent, started = 0.0, time.monotonic()
    for s in sites:
        if opts.only and s["site"] not in opts.only:
            continue
        if s["site"] in results["mutants"] and not opts.rerun and not opts.only:
            continue
        if spent > opts.budget:
            break
        if opts.files:
            s = {**s, "tests": sorted(opts.files), "hostile": []}
        if opts.without:
            s = {**s, "tests": [t for t in s["tests"] if t not in opts.without]}
        r = run_mutant(s, opts.limit)
        spent = time.monotonic() - started
        results["mutants"][s["site"]] = r
        _save(results)
        print(_row(r), flush=True)
    done = results["mutants"].values()
    counts = {v: sum(1 for r in done if r["verdict"] == v) for v in sorted({r["verdict"] for r in done})}
    results["summary"] = {"run": len(done), **counts}
    _save(results)
    print(f"{len(sites)} call sites; {len(done)} mutants run: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
