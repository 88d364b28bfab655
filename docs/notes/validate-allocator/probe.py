"""One validate call under an allocator setting, as `landstrikes validate` runs it otherwise.

    TAG=base python docs/notes/validate-allocator/probe.py CORPUS
    TAG=glibc-thp python docs/notes/validate-allocator/probe.py CORPUS

TAG words: `glibc` (mallopt: mmap threshold 32 MiB, trim threshold 1 GiB, top pad 64 MiB),
`thp` (do not decline transparent huge pages), `purge` (MIMALLOC_PURGE_DELAY=-1 before pyarrow
loads), `nommap` (mallopt M_MMAP_MAX=0). Prints the call's CPU, user, system, wall, minor faults
and peak RSS.
"""

import ctypes
import importlib
import os
import re
import resource
import sys
import time

mode = os.environ.get("TAG", "")
if "purge" in mode:
    os.environ["MIMALLOC_PURGE_DELAY"] = "-1"
if "glibc" in mode:
    libc = ctypes.CDLL(None)
    libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD (glibc's maximum on 64-bit)
    libc.mallopt(-1, 1 << 30)  # M_TRIM_THRESHOLD
    libc.mallopt(-2, 64 << 20)  # M_TOP_PAD
    if "nommap" in mode:
        libc.mallopt(-4, 0)  # M_MMAP_MAX
if "thp" not in mode:
    from landstrikes.hugepages import decline_transparent_huge_pages

    decline_transparent_huge_pages()
from landstrikes.leanimports import arrow_without_implicit_pandas, older_objects_frozen

arrow_without_implicit_pandas()
validation = importlib.import_module("landstrikes.schema.validate")
older_objects_frozen().__enter__()
before, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
report = validation.validate(sys.argv[1])
after = resource.getrusage(resource.RUSAGE_SELF)
user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
peak = int(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1)) // 1024
print(f"{mode or 'base'}: cpu {user + system:.3f} user {user:.3f} sys {system:.3f} wall {time.perf_counter() - wall:.2f} "
      f"faults {after.ru_minflt - before.ru_minflt} peak {peak} MB valid={report.ok}")
