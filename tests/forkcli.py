"""Run many `landstrikes` commands as child processes without paying the imports each time.

`python tests/forkcli.py JOBS.json` imports the package once, then forks one child per job
(at most WORKERS at a time) that arms its fault point and runs the CLI's `main`, as
`python -m landstrikes ARGV...` would. It prints {job id: exit status} as JSON; a child killed
by a signal reports the negative signal number, as subprocess does. Each job is {"id", "argv",
"fault" (or ""), "exchange" (bool: atomic exchange allowed), "logs" (a folder)}; a child's
stdout and stderr go to LOGS/<id>.out and LOGS/<id>.err.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

WORKERS = 3
FAULT_ENV = "LANDSTRIKES_FAULT"


def run_in_children(jobs: list[dict], workdir: Path) -> dict[str, int]:
    """From a test: run the jobs through this script in one fresh interpreter; {job id: exit status}."""
    import subprocess

    path = workdir / f"jobs-{len(list(workdir.glob('jobs-*.json')))}.json"
    path.write_text(json.dumps(jobs))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    env.pop(FAULT_ENV, None)
    proc = subprocess.run([sys.executable, __file__, str(path)], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def child(job: dict) -> int:
    from landstrikes import faults, swap
    from landstrikes.cli import main

    logs = Path(job["logs"])
    for fd, name in ((1, "out"), (2, "err")):
        os.dup2(os.open(logs / f"{job['id']}.{name}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    faults.configure(job["fault"])
    swap.EXCHANGE = job["exchange"] and swap.EXCHANGE
    try:
        return main(job["argv"])
    except BaseException:  # what the interpreter would print for an uncaught exception
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def run(jobs: list[dict]) -> dict[str, int]:
    import landstrikes.build  # noqa: F401  (the imports every child shares)
    import landstrikes.cli  # noqa: F401
    import landstrikes.render  # noqa: F401

    status, running, queue = {}, {}, list(jobs)
    while queue or running:
        while queue and len(running) < WORKERS:
            job = queue.pop(0)
            pid = os.fork()
            if pid == 0:
                os._exit(child(job))
            running[pid] = job["id"]
        pid, code = os.wait()
        status[running.pop(pid)] = -os.WTERMSIG(code) if os.WIFSIGNALED(code) else os.WEXITSTATUS(code)
    return status


if __name__ == "__main__":
    print(json.dumps(run(json.loads(Path(sys.argv[1]).read_text()))))
