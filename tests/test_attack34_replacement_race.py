"""Two replacements of one file at once never fail each other (attack34).

`replace_file` creates its temporary with `mkstemp`, then locks it; the next replacement of the
same file removes every temporary of that name whose lock is free (attack20: a killed run's). In
between those two system calls the new temporary is unlocked, and a second process's cleanup
took it for a dead run's and deleted it: two `validate --json r.json` at once (the first held
there by `strace -e inject=flock:delay_enter=...`, as a loaded machine may preempt it) ended the
first with `[unwritable-report] r.json: cannot write the report (No such file or directory)`,
exit 2, after it had printed VALID; `stats` so ended half-way. The writer now checks, once it
holds the lock, that its temporary is still there, and starts again with a new one if not.
"""

from __future__ import annotations

import fcntl

from landstrikes.safety import replacefile


def test_a_cleanup_between_creating_and_locking_the_temporary_does_not_fail_the_write(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text('{"old": 1}\n', encoding="utf-8")
    real, calls = fcntl.flock, []

    def flock(fd, operation):
        calls.append(fd)
        if len(calls) == 1:  # the writer's first lock: another process's cleanup runs just before it
            replacefile.remove_dead_temporaries(target)
        return real(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)
    replacefile.replace_text(target, '{"new": 1}\n')
    assert target.read_text(encoding="utf-8") == '{"new": 1}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
