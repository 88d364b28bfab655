"""Partitions are validated in tasks of whole partitions, so the per-task cost (reading and checking
the shared catalogue) does not grow with partitions x catalogue."""

from __future__ import annotations

from landstrikes.engines.tasks import SHARED_SHARE, group, task_bytes


def test_partitions_are_grouped_whole_in_order_each_once():
    sizes = {"000": 5, "001": 1, "002": 7, "003": 2, "004": 2, "005": 9}
    assert group(sizes, 6) == [["000", "001"], ["002"], ["003", "004", "005"]]
    assert group(sizes, 1) == [[index] for index in sizes]
    assert group(sizes, 10**9) == [list(sizes)]
    assert group({}, 5) == []


def test_a_task_holds_at_least_twice_the_shared_tables():
    assert task_bytes(shared_bytes=100, total_bytes=10**6, workers=2, floor=10) == SHARED_SHARE * 100
    assert task_bytes(shared_bytes=1, total_bytes=10**6, workers=2, floor=1000) == 1000


def test_every_worker_gets_a_task_when_there_are_partitions_enough():
    assert task_bytes(shared_bytes=10**6, total_bytes=1000, workers=2, floor=10) == 500
    assert len(group({f"{i:03d}": 100 for i in range(10)}, 500)) == 2


def test_a_floor_of_one_byte_is_one_partition_per_task():
    assert task_bytes(shared_bytes=0, total_bytes=0, workers=4, floor=1) == 1
