"""v3 throughput, as ratios against a raw ``requests.Session`` loop over the same pages.

``python benchmarks/v3_run.py`` starts a sandbox store in its own process and
prints medians and ratios measured in the same run (``--quick`` shrinks every
size; ``--repeats N``). Scenarios, with the v3 issue's goals:

  iterate   20,000 products at 50 ms: api.v3.Products.iterall() sequential    <= 1.05 x raw loop
            and concurrency=8                                                  <= 0.2 x raw loop
            requests sent = pages, none past the last
  batch     update_many of 10,000 products under 10 requests / 2 s, 50 ms     <= 1.05 x quota bound
            0 lost, 0 429s
"""
from __future__ import annotations

import argparse
import logging
import math
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _Count429s, compare
from sandbox_process import SandboxProcess

PAGE = 250
BATCH = 10  # PUT /catalog/products takes 10 products a request


class CountingSession(requests.Session):
    """A session that counts what it sends, by path, across threads."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[int] = []
        self._lock = threading.Lock()

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        params = kwargs.get("params") or {}
        with self._lock:
            self.pages.append(int(params.get("page", 0)))
        return super().request(method, url, *args, **kwargs)


def _api(info: dict[str, Any], **options: Any) -> Any:
    from bigcommerce.api import BigcommerceApi

    return BigcommerceApi(host=info["base_url"], client_id=info["client_id"],
                          store_hash=info["store_hash"], access_token=info["access_token"], **options)


def raw_v3_loop(info: dict[str, Any]) -> int:
    """The baseline: page after page of /v3/catalog/products until the last page meta.pagination names."""
    session = requests.Session()
    url = f"{info['base_url']}/stores/{info['store_hash']}/v3/catalog/products"
    headers = {"Accept": "application/json", "X-Auth-Token": info["access_token"]}
    count, page = 0, 1
    while True:
        response = session.get(url, params={"page": page, "limit": PAGE}, headers=headers)
        response.raise_for_status()
        body = response.json()
        count += sum(item["id"] > 0 for item in body["data"])
        if page >= body["meta"]["pagination"]["total_pages"]:
            return count
        page += 1


def client_v3_iterate(info: dict[str, Any], concurrency: int = 1, session: Any = None) -> int:
    api = _api(info, session=session) if session is not None else _api(info)
    return sum(p["id"] > 0 for p in api.v3.Products.iterall(concurrency=concurrency))


def scenario_iterate(args: argparse.Namespace) -> None:
    count = 5000 if args.quick else 20000
    pages = math.ceil(count / PAGE)
    with SandboxProcess(products=count, latency_ms=50) as info:
        for concurrency in (1, 8):
            session = CountingSession()
            assert client_v3_iterate(info, concurrency, session) == count
            past = sum(page > pages for page in session.pages)
            print(f"concurrency={concurrency}: {len(session.pages)} requests for {pages} pages; past the last: {past}")
        compare(f"v3 iterate {count} products, 50 ms latency per request",
                {"raw v3 page loop": lambda: raw_v3_loop(info),
                 "v3 iterall()": lambda: client_v3_iterate(info),
                 "v3 iterall(concurrency=8)": lambda: client_v3_iterate(info, concurrency=8)},
                max(1, args.repeats // 2), "raw v3 page loop")


def scenario_batch(args: argparse.Namespace) -> None:
    count = 1000 if args.quick else 10000
    quota, window_s = 10, 2.0
    requests_needed = math.ceil(count / BATCH)
    bound = requests_needed / quota * window_s
    print(f"\nv3 update_many of {count} products under {quota} requests / {window_s:g} s, 50 ms latency "
          f"({requests_needed} requests; quota-bound time {bound:.1f} s)")
    times, lost, limited = [], 0, 0
    for _ in range(max(1, args.repeats // 3)):
        with SandboxProcess(products=count, latency_ms=50, quota=quota, window_ms=int(window_s * 1000)) as info:
            api = _api(info)
            items = [{"id": pid, "price": 10.5} for pid in range(1, count + 1)]
            with _Count429s() as rate_limited:
                started = time.perf_counter()
                outcome = api.v3.Products.update_many(items)
                times.append(time.perf_counter() - started)
            lost += count - len(outcome.succeeded)
            limited += rate_limited.count
    elapsed = statistics.median(times)
    print(f"  update_many median {elapsed:6.1f} s   time / quota-bound {elapsed / bound:5.2f}   "
          f"items not saved {lost}   429s seen {limited}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("scenarios", nargs="*", default=["iterate", "batch"])
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    for name in args.scenarios:
        {"iterate": scenario_iterate, "batch": scenario_batch}[name](args)


if __name__ == "__main__":
    main()
