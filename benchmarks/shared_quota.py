"""Four worker processes, one store, one quota: the shared Redis limiter against per-process limiters.

``python benchmarks/shared_quota.py`` starts a sandbox store (its own process, 10 requests per
2 s, 50 ms latency) and a private ``redis-server`` on a free loopback port, then runs the
#11 scenario several times each way (interleaved) and prints medians:

  4 processes x api.v3.Products.iterall(concurrency=2) over the same 150 products (15 pages each)
  shared    RedisRateLimiter.from_url(...)       goal: wall <= 1.10 x the quota bound, 0 429s
  default   each process its own RateLimiter     (the 429s the shared window prevents)

The quota bound is the least wall time the store's quota allows for the requests the run sent:
(ceil(requests / quota) - 1) windows. Workers start together at a barrier, after their imports.
``--repeats N`` (default 3), ``--quick`` (6 pages a worker).
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "integration" / "shared_quota"))
from redis_server import RedisServer
from run import _Count429s
from sandbox_process import SandboxProcess

QUOTA, WINDOW_MS, LATENCY_MS = 10, 2000, 50
WORKERS, CONCURRENCY, PAGE = 4, 2, 10


def worker(info: dict[str, Any], redis_url: str | None, prefix: str, barrier: Any, results: Any) -> None:
    from bigcommerce.api import BigcommerceApi
    from bigcommerce.rate_limit import RedisRateLimiter

    counter = _Count429s().__enter__()  # the process ends with the run: nothing to detach
    limiter = RedisRateLimiter.from_url(redis_url, prefix=prefix) if redis_url else None
    api = BigcommerceApi(host=info["base_url"], client_id=info["client_id"], store_hash=info["store_hash"],
                         access_token=info["access_token"], rate_limiter=limiter)
    products = api.v3.Products  # imports the v3 classes before the clock starts
    barrier.wait()
    started = time.monotonic()
    ids = [product.id for product in products.iterall(concurrency=CONCURRENCY, limit=PAGE)]
    results.put({"started": started, "ended": time.monotonic(), "ids": len(ids), "unique": len(set(ids)),
                 "429s": counter.count})


def one_run(info: dict[str, Any], redis_url: str | None, prefix: str, pages: int) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [context.Process(target=worker, args=(info, redis_url, prefix, barrier, results))
                 for _ in range(WORKERS)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(30)
    wall = max(o["ended"] for o in outcomes) - min(o["started"] for o in outcomes)
    lost = sum(pages * PAGE - o["unique"] for o in outcomes) + sum(o["ids"] - o["unique"] for o in outcomes)
    requests = WORKERS * pages  # v3 offset walks send exactly one request a page
    bound = (math.ceil(requests / QUOTA) - 1) * WINDOW_MS / 1000
    time.sleep(WINDOW_MS / 1000 + 0.2)  # the next run starts on a fresh window
    return {"wall": wall, "bound": bound, "429s": sum(o["429s"] for o in outcomes), "lost": lost}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    pages = 6 if args.quick else 15
    redis = RedisServer().start()
    try:
        with SandboxProcess(products=pages * PAGE, quota=QUOTA, window_ms=WINDOW_MS, latency_ms=LATENCY_MS) as info:
            samples: dict[str, list[dict[str, float]]] = {"shared": [], "default": []}
            for repeat in range(args.repeats):
                samples["shared"].append(one_run(info, redis.url, f"bench:{repeat}:", pages))
                samples["default"].append(one_run(info, None, "", pages))
    finally:
        redis.stop()
    print(f"\n{WORKERS} processes x v3 iterall(concurrency={CONCURRENCY}), {pages} pages each, "
          f"quota {QUOTA} / {WINDOW_MS / 1000:g} s, {LATENCY_MS} ms latency, {args.repeats} runs each (medians)")
    for name, runs in samples.items():
        wall = statistics.median(r["wall"] for r in runs)
        bound = runs[0]["bound"]
        print(f"  {name:<8} wall {wall:6.2f} s   bound {bound:5.1f} s   ratio {wall / bound:5.2f}   "
              f"429s {statistics.median(r['429s'] for r in runs):4.0f} (all runs {[int(r['429s']) for r in runs]})   "
              f"lost {sum(int(r['lost']) for r in runs)}")


if __name__ == "__main__":
    main()
