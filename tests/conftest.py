"""Shared fixtures: a private copy of the dataset sources, built once, and table breakers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME
import pyarrow
import pyarrow.parquet as pq

from landstrikes.schema.tableio import METADATA_PREFIX, landstrikes_metadata, read_table
from slowfirst import pytest_collection_modifyitems, pytest_xdist_make_scheduler  # noqa: F401  (the longest modules first)
from raysession import pytest_runtest_setup, pytest_runtest_teardown, ray_session  # noqa: F401  (one Ray start for consecutive Ray tests)
from workergc import collect_less_often
from hypothesisprofile import load_profile
from testcache import private_cache_dir

REPO = Path(__file__).resolve().parents[1]
DATASET = REPO / "dataset"

collect_less_often()  # a test process's heap is large: fewer full passes over it (tests/workergc.py)
load_profile()  # the same Hypothesis draws every run (tests/hypothesisprofile.py)

# the extractor's word-list cache (landstrikes.extract.listcache) of this test run: never the user's
os.environ["LANDSTRIKES_CACHE_DIR"] = private_cache_dir()  # removed when this process ends


def copy_sources(target: Path) -> Path:
    """raw/ + annotations/ + agreement.json (the card quotes it): what a build reads, nothing it produces."""
    target.mkdir(parents=True, exist_ok=True)
    for part in ("raw", "annotations"):
        shutil.copytree(DATASET / part, target / part)
    if (DATASET / "agreement.json").exists():
        shutil.copy2(DATASET / "agreement.json", target / "agreement.json")
    return target


def with_pass_partners(folder: Path) -> Path:
    """The releases the fourth to tenth passes are compared with, copied in: `agreement` reads
    them beside the passes (a built copy holds only what a build reads)."""
    from landstrikes.documents import claimspass_registry, fifthpass, fourthpass

    passes = (*claimspass_registry.CLAIMS_PASSES, *claimspass_registry.CROSS_ARTICLE_PASSES)
    for partner in (fourthpass.PARTNER, fifthpass.PARTNER, *(each.partner for each in passes)):
        shutil.copytree(DATASET / partner.parent, folder / partner.parent, dirs_exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def built_dataset(tmp_path_factory) -> Path:
    """A dataset folder built from a copy of the committed sources (never the repo itself)."""
    from landstrikes.build import build

    folder = copy_sources(tmp_path_factory.mktemp("built") / "dataset")
    result = build(folder)
    assert result.report.ok, result.report.to_text()
    return folder


@pytest.fixture
def dataset_copy(built_dataset, tmp_path) -> Path:
    """A throwaway copy of the built tables that a test may break."""
    target = tmp_path / "copy"
    shutil.copytree(built_dataset / "data", target / "data")
    return target


@pytest.fixture
def raw_and_data_copy(built_dataset, tmp_path) -> Path:
    """A throwaway dataset folder holding the built tables and the raw texts beside them (what
    `validate` compares `article-not-raw` on), for a test to break."""
    target = tmp_path / "dataset"
    for part in ("raw", "data"):
        shutil.copytree(built_dataset / part, target / part)
    return target


def load(folder: Path, table: str) -> pd.DataFrame:
    return read_table(folder / "data" / table)


def save(folder: Path, table: str, df: pd.DataFrame, schema_version: str = SCHEMA_VERSION) -> None:
    """Write a (possibly broken) table back with the table's Arrow types, nulls allowed anywhere."""
    spec = TABLES_BY_NAME[table]
    records = df.astype(object).where(df.notna(), None).to_dict("records")
    fields = [pyarrow.field(c.name, c.arrow_type, nullable=True) for c in spec.columns if c.name in df.columns]
    meta = {f"{METADATA_PREFIX}schema_version": schema_version, f"{METADATA_PREFIX}table": table}
    for path in (folder / "data" / table).glob("*.parquet"):
        stamps = landstrikes_metadata(pq.read_schema(path))
        if stamps.get("source") == "auto":
            meta[f"{METADATA_PREFIX}source"] = "auto"  # an extractor's table rewritten stays its (auto-row-unstamped)
        if "dataset_version" in stamps:  # kept, as landstrikes' writers stamp it (an unstamped part is a finding)
            meta[f"{METADATA_PREFIX}dataset_version"] = stamps["dataset_version"]
        path.unlink()
    arrow = pyarrow.Table.from_pylist(records, schema=pyarrow.schema(fields, metadata=meta))
    pq.write_table(arrow, folder / "data" / table / f"{table}.parquet")


HOSTILE_ARTICLE = "001_f1f49e9dc8ada067"
HOSTILE_TEXT = '\n\n<script>window.__pwned=1</script> "onmouseover="alert(1) &amp; \U0001f525'
HOSTILE_NAME = 'Donald "onmouseover="window.__pwned=2 <b>Trump</b>'
HOSTILE_CLUSTER = 'q-"><script>window.__pwned=3</script>'


@pytest.fixture(scope="session")
def hostile_dataset(tmp_path_factory) -> Path:
    """A built dataset whose data tries to inject HTML: a payload appended to one article (offsets
    before it stay valid; the build recomputes sha256 and length), quoted so that a quote row and a
    cluster id carry it too, and an entity name that would break out of an attribute."""
    from landstrikes.build import build
    from rawpin_tools import repin

    folder = copy_sources(tmp_path_factory.mktemp("hostile") / "dataset")
    raw = folder / "raw" / f"{HOSTILE_ARTICLE}.txt"
    raw.write_bytes(raw.read_bytes() + HOSTILE_TEXT.encode("utf-8"))
    repin(folder, HOSTILE_ARTICLE)  # another text on purpose: its source pins it (attack54)
    source = folder / "annotations" / "articles" / f"{HOSTILE_ARTICLE}.yaml"
    quote = "  - {text: 'onmouseover=', kind: scare, status: term, cluster: q-onmouseover-hostile}\n"
    source.write_text(source.read_text(encoding="utf-8").replace("quotes:\n", "quotes:\n" + quote, 1), encoding="utf-8")
    catalogue = folder / "annotations" / "entities.yaml"
    entry = "{id: donald-trump, name: Donald Trump,"
    hostile = "{id: donald-trump, name: '" + HOSTILE_NAME + "',"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(entry, hostile, 1), encoding="utf-8")
    result = build(folder)
    assert result.report.ok, result.report.to_text()
    # a cluster id is a slug (id-not-slug, attack14), so the build cannot carry the payload there;
    # the viewer draws tables unvalidated, so the payload is written into the built table
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = folder / "data" / "quotes" / "quotes.parquet"
    quotes = pq.read_table(path)
    i = quotes.schema.get_field_index("cluster_id")
    ids = [HOSTILE_CLUSTER if v == "q-onmouseover-hostile" else v for v in quotes.column(i).to_pylist()]
    pq.write_table(quotes.set_column(i, quotes.schema.field(i), pa.array(ids, quotes.schema.field(i).type)), path)
    return folder
# Releases (issue 7): always cut in temporary copies, never in the repo's dataset/releases.
CORRECTED_SOURCE = "annotations/articles/001_f1f49e9dc8ada067.yaml"
CORRECTED_FROM = '"the US-Mexico-Canada Agreement (USMCA) up for revision this year"'
CORRECTED_TO = '"the US-Mexico-Canada Agreement (USMCA) up for revision"'
RELEASE_DATE = "2026-01-20"


def line_of(dataset: Path, rel: str, text: str) -> int:
    """The 1-based line of a source file holding `text` (its first occurrence): tests that expect
    an error naming a line find it here, since annotations added above it move it."""
    source = (dataset / rel).read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


def edit_source(dataset: Path, rel: str, old: str, new: str) -> None:
    path = dataset / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def documents_beside(dataset: Path) -> Path:
    """A release copies the datasheet, guidelines and figures from beside the dataset folder, and
    refuses to cut while they drift from the tables: copy them, with README.md, and regenerate
    their numbers from this copy's tables (as `landstrikes stats` does before a real release)."""
    from landstrikes.releases.release import RELEASED_DOCUMENTS

    for name in (*RELEASED_DOCUMENTS, "README.md"):
        source, target = REPO / name, dataset.parent / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(source, target)
    return in_sync(dataset)


def in_sync(dataset: Path) -> Path:
    """Regenerate the documents' numbers from the dataset's tables (`landstrikes stats`)."""
    from landstrikes.documents.docgen import corpus_stats, write

    write(corpus_stats(dataset), dataset.parent, dataset)
    return dataset


@pytest.fixture
def whole_copy(built_dataset, tmp_path) -> Path:
    """A writable copy of the whole built dataset folder (sources, passes, tables): for commands
    that read more than the tables (`agreement`, `build`)."""
    target = tmp_path / "ds"
    shutil.copytree(built_dataset, target)
    return with_pass_partners(target)


@pytest.fixture(scope="session")
def released(built_dataset, tmp_path_factory) -> Path:
    """A built dataset copy with release 1.0.0, then one corrected claim span released as 1.0.1."""
    from landstrikes.build import build
    from landstrikes.releases.release import release

    folder = tmp_path_factory.mktemp("released") / "dataset"
    shutil.copytree(built_dataset, folder)
    documents_beside(folder)
    release(folder, "1.0.0", date=RELEASE_DATE)
    edit_source(folder, CORRECTED_SOURCE, CORRECTED_FROM, CORRECTED_TO)
    assert build(folder).report.ok
    in_sync(folder)
    release(folder, "1.0.1", date=RELEASE_DATE)
    return folder


def released_copy_made_afresh(released: Path, root: Path) -> Path:
    """`released` copied into root/dataset with its CHANGELOG.md and the documents beside it,
    their numbers regenerated from the copy's tables (0.5 s of stats and figures a copy)."""
    target = root / "dataset"
    shutil.copytree(released, target)
    shutil.copy(released.parent / "CHANGELOG.md", root / "CHANGELOG.md")
    return documents_beside(target)


@pytest.fixture(scope="session")
def released_template(released, tmp_path_factory) -> Path:
    """One `released_copy` made afresh, that every `released_copy` is copied from (about 90 tests
    use one; test_released_template proves a copy is what each made for itself before)."""
    return released_copy_made_afresh(released, tmp_path_factory.mktemp("released-template"))


@pytest.fixture
def released_copy(released_template, tmp_path) -> Path:
    """A throwaway copy of `released` (dataset folder with releases/ and CHANGELOG.md beside it,
    and the documents a release copies, in sync with its tables)."""
    shutil.copytree(released_template.parent, tmp_path, dirs_exist_ok=True, symlinks=True)
    return tmp_path / "dataset"


def changed_made_afresh(dataset: Path) -> Path:
    """`dataset` (a `released_copy`) with one claim corrected since 1.0.1, built, and its documents
    regenerated: a release of it is due."""
    from landstrikes.build import build

    edit_source(dataset, CORRECTED_SOURCE, CORRECTED_TO, CORRECTED_TO.replace(" up for revision", ""))
    assert build(dataset).report.ok
    return in_sync(dataset)


@pytest.fixture(scope="session")
def changed_template(released_template, tmp_path_factory) -> Path:
    """One `changed` made afresh, that every `changed` is copied from (a build and the documents'
    numbers, ~1.5 CPU-s, were paid per test; test_released_template proves a copy is what each made)."""
    root = tmp_path_factory.mktemp("changed-template")
    shutil.copytree(released_template.parent, root, dirs_exist_ok=True, symlinks=True)
    return changed_made_afresh(root / "dataset")


@pytest.fixture
def changed(changed_template, tmp_path) -> Path:
    """A throwaway `released_copy` with one claim corrected since 1.0.1 and its documents regenerated."""
    shutil.copytree(changed_template.parent, tmp_path, dirs_exist_ok=True, symlinks=True)
    return tmp_path / "dataset"


@pytest.fixture
def release_copy(tmp_path) -> Path:
    """A throwaway copy of the committed release 2.1.0, for a test to tamper with."""
    target = tmp_path / "2.1.0"
    shutil.copytree(DATASET / "releases" / "2.1.0", target)
    return target


def rehash_in_manifest(release: Path, manifest: dict, rel: str) -> None:
    """Restate one file's sha256 and size in the release's MANIFEST.json (a forger's re-hash)."""
    import hashlib
    import json

    path = release / rel
    manifest["files"][rel].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def list_in_manifest(release: Path, rel: str, data: bytes) -> None:
    """Add a file to the release and state it in its MANIFEST.json (a forger's re-hash)."""
    import hashlib
    import json

    path = release / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"][rel] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    (release / "MANIFEST.json").write_text(json.dumps(dict(manifest, files=dict(sorted(manifest["files"].items()))), indent=2),
                                           encoding="utf-8")


@pytest.fixture(scope="session")
def silver_raw(tmp_path_factory) -> Path:
    """`landstrikes extract dataset/raw` once per session (attack36's tests copy it)."""
    from attack36_tools import silver_once
    return silver_once(tmp_path_factory.mktemp("silver-raw"))


@pytest.fixture
def silver_copy(silver_raw, tmp_path) -> Path:
    from attack36_tools import copy_of
    return copy_of(silver_raw, tmp_path / "silver")


SYSTEM_DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/urandom")
"""Devices the hostile tests point links at: a test that writes through such a link must never
replace one (session 31: a write through a link made /dev/zero a regular file for the whole machine)."""


def _not_devices() -> list[str]:
    import stat

    return [d for d in SYSTEM_DEVICES if os.path.exists(d) and not stat.S_ISCHR(os.lstat(d).st_mode)]


@pytest.fixture(scope="session", autouse=True)
def system_devices_stay_devices():
    """Fails the session's last test of each worker when a device the tests link to stopped being one."""
    before = _not_devices()
    yield
    broken = sorted(set(_not_devices()) - set(before))
    assert not broken, f"a test replaced system devices with files: {broken} (restore them with mknod)"
