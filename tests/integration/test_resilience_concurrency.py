"""Many threads, one client: the shared quota holds, no thread fails, nothing is lost or doubled."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from resilience_fixtures import (  # noqa: F401  (fixtures are found by name)
    SleepRecorder,
    api_for,
    make_sandbox,
    new_product_fields,
    per_window_counts,
    sleeps,
)

from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import FaultRule, Sandbox

THREADS = 8
CALLS_PER_THREAD = 15
QUOTA = 20
WINDOW_MS = 500


def run_in_threads(count: int, work: Callable[[int], Any]) -> tuple[list[Any], list[BaseException]]:
    """Start ``count`` threads together; their results and every exception any of them raised."""
    start = threading.Barrier(count)
    results: list[Any] = [None] * count
    errors: list[BaseException] = []
    lock = threading.Lock()

    def body(index: int) -> None:
        start.wait(5)
        try:
            results[index] = work(index)
        except BaseException as error:  # collected for the assertion
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=body, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads), "a thread never finished"
    return results, errors


def test_eight_threads_sharing_one_client_stay_inside_a_small_quota(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox(products=THREADS * CALLS_PER_THREAD)
    sandbox.set_quota(QUOTA, WINDOW_MS)
    api = api_for(sandbox)

    def work(index: int) -> list[int]:
        first = index * CALLS_PER_THREAD + 1
        return [api.Products.get(pid).id for pid in range(first, first + CALLS_PER_THREAD)]

    results, errors = run_in_threads(THREADS, work)

    assert errors == []
    assert sorted(pid for ids in results for pid in ids) == list(range(1, THREADS * CALLS_PER_THREAD + 1))
    assert sandbox.stats.by_status[429] == 0
    assert sandbox.stats.by_status[200] == THREADS * CALLS_PER_THREAD
    counts = per_window_counts(sandbox.stats.api_times, WINDOW_MS)
    assert max(counts) <= QUOTA
    assert len(counts) >= THREADS * CALLS_PER_THREAD // QUOTA


def test_threads_sharing_one_client_keep_the_old_reserve_and_call_back_once_per_window(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox(products=10)
    sandbox.set_quota(QUOTA, WINDOW_MS)
    calls: list[Any] = []
    api = api_for(sandbox, rate_limiting_management={
        "min_requests_remaining": 5, "callback_function": calls.append, "callback_args": "low",
    })

    _, errors = run_in_threads(4, lambda index: [api.Products.get(1 + index) for _ in range(15)])

    assert errors == []
    assert sandbox.stats.by_status[429] == 0
    counts = per_window_counts(sandbox.stats.api_times, WINDOW_MS)
    assert max(counts) <= QUOTA - 5
    assert len(calls) == len(counts) - (1 if counts[-1] < QUOTA - 5 else 0)


def test_a_429_seen_by_one_thread_is_waited_out_and_every_thread_finishes(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox(products=10)
    # A short window: a 429 after the window is known is held to the window's end (see the
    # xfail tests in test_resilience_rate_limits.py); here that costs at most half a second.
    sandbox.set_quota(1000, WINDOW_MS)
    rule = sandbox.faults.add(FaultRule(kind="status", status=429, headers={"X-Rate-Limit-Time-Reset-Ms": "100"},
                                        path="products", skip=3, times=2))
    api = api_for(sandbox)

    results, errors = run_in_threads(6, lambda index: [api.Products.get(1 + index).id for _ in range(5)])

    assert errors == []
    assert rule.fired == 2
    assert results == [[i + 1] * 5 for i in range(6)]


def test_concurrent_iterall_over_a_flaky_store_yields_every_item_once_in_order(
    make_sandbox: Callable[..., Sandbox], sleeps: SleepRecorder
) -> None:
    sandbox = make_sandbox(products=1000)
    for page in (2, 3):
        sandbox.faults.add(FaultRule(kind="status", status=503, path="products", query={"page": page}))
    sandbox.faults.add(FaultRule(kind="drop", path="products", query={"page": "4"}))
    api = api_for(sandbox, retry=RetryPolicy(sleep=sleeps))

    ids = [p.id for p in api.Products.iterall(concurrency=4, limit=100)]

    assert ids == sorted(p["id"] for p in sandbox.store.dump()["products"])
    assert len(ids) == 1000 and len(set(ids)) == 1000
    assert len(sleeps.waits) == 3


def test_concurrent_creates_through_one_client_create_each_object_exactly_once(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox(products=0)
    sandbox.set_quota(QUOTA, WINDOW_MS)
    api = api_for(sandbox)
    names = [f"Concurrent {i}" for i in range(40)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(lambda name: api.Products.create(**new_product_fields(name)).name, names))

    assert sorted(created) == sorted(names)
    assert sorted(p["name"] for p in sandbox.store.dump()["products"]) == sorted(names)
    assert sandbox.stats.by_status[429] == 0

