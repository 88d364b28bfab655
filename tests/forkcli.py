"""Run many `python -m landstrikes ...` commands as child processes, paying the imports once.

`python tests/forkcli.py JOBS.json` imports the package once (no work done, so no threads yet),
then forks one child per job (at most WORKERS at a time). The child changes to the job's
folder, arms its fault point and runs the package's `__main__` with `runpy`, as `python -m
landstrikes ARGV...` does, and exits the way the interpreter would (SystemExit code; an
uncaught exception prints its traceback and exits 1). A child still running after TIMEOUT
seconds is killed. It prints {job id: exit status} as JSON: a child killed by a signal reports
the negative signal number, as subprocess does; a killed hung child reports null.
Each job is {"id", "argv", "logs" (a folder for <id>.out and <id>.err), optional "cwd",
"fault" (a LANDSTRIKES_FAULT value), "exchange" (false: no atomic exchange), "env" (extra variables),
"timeout" (seconds, TIMEOUT if absent), "imported" (a file: the modules the child imported, one a line)}.
`test_cli_contract.py` checks on a sample that this runner and a real `python -m` agree.
"""

from __future__ import annotations

import atexit
import json
import os
import runpy
import signal
import sys
import time
import traceback
from pathlib import Path

WORKERS = 3
TIMEOUT = 180.0
FAULT_ENV = "LANDSTRIKES_FAULT"
SHARED = ("landstrikes.build", "landstrikes.cli", "landstrikes.render", "landstrikes.schema.validate",
          "pyarrow.dataset", "landstrikes.leanimports", "landstrikes.hugepages", "landstrikes.safety.readlock")
"""The modules (nearly) every child imports, imported once by the parent: the commands' own, pyarrow's
dataset layer (the first read of a table) and what a command calls as it starts."""
BY_COMMAND = {"extract": ("landstrikes.extract.run", "landstrikes.extract.nopandas", "landstrikes.engines.local",
                          "landstrikes.extras", "landstrikes.safety.ownedtemp", "landstrikes.safety.replacefile"),
              "verify": ("landstrikes.releases.loading", "landstrikes.releases.manifest_checks"),
              "release": ("landstrikes.releases.release",)}
"""What the parent imports besides when a job runs the command: the extractor compiles ~400 regular
expressions as it is imported (~0.15 CPU-s, more in a child, whose first writes copy the pages).
Modules only, no call of theirs: what a command sets up for its own process (huge pages declined,
pandas and numpy refused to pyarrow, word lists read) each child still does itself. Not Pandera: a
build child keeps hypothesis unimportable, which Pandera imports when it can."""


def run_in_children(jobs: list[dict], workdir: Path) -> dict[str, int | None]:
    """From a test: run the jobs through this script in one fresh interpreter; {job id: exit status}."""
    import subprocess

    path = workdir / f"jobs-{len(list(workdir.glob('jobs-*.json')))}.json"
    path.write_text(json.dumps(jobs))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    env.pop(FAULT_ENV, None)
    proc = subprocess.run([sys.executable, __file__, str(path)], env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def child(job: dict) -> int:
    from landstrikes.safety import faults, swap

    before = set(sys.modules)

    def record_imports() -> None:
        if job.get("imported"):
            Path(job["imported"]).write_text("".join(f"{m}\n" for m in sorted(set(sys.modules) - before)))

    if job.get("imported"):  # a command run as the CLI ends through its exit functions (landstrikes.quickexit)
        atexit.register(record_imports)
    logs = Path(job["logs"])
    for fd, name in ((1, "out"), (2, "err")):
        os.dup2(os.open(logs / f"{job['id']}.{name}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
    sys.stdout = os.fdopen(1, "w", buffering=1, encoding="utf-8", errors="replace")
    sys.stderr = os.fdopen(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace")
    os.environ.update(job.get("env", {}))
    if job.get("cwd"):
        os.chdir(job["cwd"])
    faults.configure(job.get("fault", ""))
    swap.EXCHANGE = job.get("exchange", True) and swap.EXCHANGE
    sys.argv = ["landstrikes", *job["argv"]]
    try:
        runpy.run_module("landstrikes", run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:  # what the interpreter prints for an uncaught exception
        traceback.print_exc()
        code = 1
    record_imports()
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def run(jobs: list[dict]) -> dict[str, int | None]:
    import importlib

    for name in (*SHARED, *(name for job in jobs for name in BY_COMMAND.get(job["argv"][0] if job["argv"] else "", ()))):
        importlib.import_module(name)
    status, running, queue = {}, {}, list(jobs)
    while queue or running:
        while queue and len(running) < WORKERS:
            job = queue.pop(0)
            pid = os.fork()
            if pid == 0:
                os._exit(child(job))
            running[pid] = (job["id"], time.monotonic() + job.get("timeout", TIMEOUT))
        pid, code = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            for other, (job_id, deadline) in list(running.items()):
                if time.monotonic() > deadline:
                    os.kill(other, signal.SIGKILL)
                    os.waitpid(other, 0)
                    status[running.pop(other)[0]] = None
            time.sleep(0.02)
            continue
        status[running.pop(pid)[0]] = -os.WTERMSIG(code) if os.WIFSIGNALED(code) else os.WEXITSTATUS(code)
    return status


if __name__ == "__main__":
    print(json.dumps(run(json.loads(Path(sys.argv[1]).read_text()))))
