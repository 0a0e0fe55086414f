"""Several processes, one store, one Redis: the claims of the shared limiter, over loopback HTTP.

Workers are real processes (``spawn``: fresh interpreters, as on other machines) walking the
same sandbox with a scaled quota (10 requests per second). What the store saw comes from the
sandbox's own counters: every 429 it answered, every request.
"""
from __future__ import annotations

import logging
import multiprocessing
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest
import workers
from redis_server import RedisServer

from bigcommerce import RedisRateLimiter
from bigcommerce.api import BigcommerceApi
from bigcommerce.sandbox import Sandbox

QUOTA, WINDOW_MS = 10, 1000


# Spawned interpreters start together this long after the pool does, once their imports are done.
START_DELAY_S = 4.0


def run_workers(jobs: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    start_at = time.time() + START_DELAY_S
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        results = [pool.apply_async(workers.walk, (*job, start_at)) for job in jobs]
        return [result.get(timeout=120) for result in results]


def every_id(sandbox: Sandbox) -> list[int]:
    return sorted(product.id for product in BigcommerceApi(**sandbox.oauth_kwargs()).Products.iterall())


def test_four_processes_walking_one_store_get_no_429_and_see_every_product_once(
    make_sandbox: Callable[..., Sandbox], redis_url: str, prefix: str
) -> None:
    sandbox = make_sandbox(products=120, quota=QUOTA, window_ms=WINDOW_MS, latency_ms=20)
    expected = every_id(sandbox)
    sandbox.stats.reset()
    jobs = [(sandbox.oauth_kwargs(), redis_url, version, 2, 10, prefix) for version in ("v2", "v3", "v2", "v3")]
    results = run_workers(jobs)
    for result in results:
        assert sorted(result["ids"]) == expected and len(result["ids"]) == 120
    assert sandbox.stats.by_status[429] == 0
    requests = sandbox.stats.total
    assert requests >= 4 * 12
    # The quota bound: one window per QUOTA requests, the last one not waited out.
    bound_s = (requests // QUOTA) * WINDOW_MS / 1000
    assert max(result["seconds"] for result in results) >= bound_s * 0.8


def test_two_stores_on_one_redis_do_not_slow_each_other(
    make_sandbox: Callable[..., Sandbox], redis_url: str, prefix: str
) -> None:
    one = make_sandbox(products=100, quota=QUOTA, window_ms=WINDOW_MS, latency_ms=10)
    two = make_sandbox(products=100, quota=QUOTA, window_ms=WINDOW_MS, latency_ms=10)
    jobs = [(store.oauth_kwargs(), redis_url, "v3", 2, 10, prefix) for store in (one, two, one, two)]
    results = run_workers(jobs)
    # Each store: 2 walks x 10 pages = 20 requests = 2 windows. Shared by mistake, 4 windows.
    for store in (one, two):
        assert store.stats.by_status[429] == 0
        assert store.stats.total == 20
    assert max(result["seconds"] for result in results) < 3.0


def test_redis_stopped_mid_run_loses_nothing_and_warns_once(
    make_sandbox: Callable[..., Sandbox], make_redis: Callable[[], RedisServer], caplog: pytest.LogCaptureFixture
) -> None:
    server = make_redis()
    sandbox = make_sandbox(products=150, quota=QUOTA, window_ms=WINDOW_MS, latency_ms=20)
    expected = every_id(sandbox)
    limiter = RedisRateLimiter.from_url(server.url, recheck_s=0.2)
    api = BigcommerceApi(**sandbox.oauth_kwargs(), rate_limiter=limiter)
    seen: list[int] = []

    def walk() -> None:
        seen.extend(product.id for product in api.Products.iterall(concurrency=2, limit=10))

    with caplog.at_level(logging.INFO, logger="bigcommerce.rate_limit"):
        walker = threading.Thread(target=walk)
        walker.start()
        time.sleep(0.8)
        server.stop()  # mid-run: Redis is gone
        time.sleep(1.2)
        server.start()  # and back on the same port
        walker.join(60)
        assert not walker.is_alive()
        api.Products.get(expected[0])  # after the recheck interval: shared again
    assert sorted(seen) == expected and len(seen) == len(expected)
    messages = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "bigcommerce.rate_limit"]
    warnings = [m for level, m in messages if level == logging.WARNING]
    assert len(warnings) == 1 and "Redis unreachable" in warnings[0]
    assert any("Redis answers again" in m for level, m in messages if level == logging.INFO)
    assert sandbox.stats.by_status[429] == 0


FORKED = textwrap.dedent("""
    import json, multiprocessing, sys
    from bigcommerce import RedisRateLimiter
    from bigcommerce.api import BigcommerceApi
    kwargs, url = json.loads(sys.argv[1]), sys.argv[2]
    api = BigcommerceApi(**kwargs, rate_limiter=RedisRateLimiter.from_url(url, prefix="fork:"))
    api.Products.get(1)  # the parent uses the limiter (and its Redis connection) before the fork

    def child(_):
        return [p.id for p in api.Products.iterall(concurrency=2, limit=10)]

    with multiprocessing.get_context("fork").Pool(3) as pool:
        print(json.dumps(pool.map(child, range(3))))
""")


def test_a_limiter_made_before_a_fork_works_in_the_children(
    make_sandbox: Callable[..., Sandbox], redis_url: str, tmp_path: Path
) -> None:
    import json

    sandbox = make_sandbox(products=60, quota=QUOTA, window_ms=WINDOW_MS, latency_ms=10)
    expected = every_id(sandbox)
    sandbox.stats.reset()
    script = tmp_path / "forked.py"
    script.write_text(FORKED)
    out = subprocess.run([sys.executable, str(script), json.dumps(sandbox.oauth_kwargs()), redis_url],
                         capture_output=True, text=True, timeout=120, check=True)
    walks = json.loads(out.stdout)
    assert [sorted(ids) for ids in walks] == [expected] * 3
    assert sandbox.stats.by_status[429] == 0
