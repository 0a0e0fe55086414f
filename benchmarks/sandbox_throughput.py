"""How many requests per second the sandbox serves, so it is never the bottleneck of a client benchmark.

Measures, with a keep-alive ``requests.Session`` per client thread:

* single GETs (``GET /products/{id}``),
* 250-item pages (``GET /products?limit=250&page=N``),
* the same over v3 (``GET /v3/catalog/products/{id}``, ``GET /v3/catalog/products?limit=250&page=N``),

each with 1 thread and with 4 threads, and prints the median over repeated
runs, with the v3/v2 cost ratio of a 250-product page (target: at most 1.5).
A raw ``http.client`` loop is measured as well: it shows what the server
does when the client library costs almost nothing.

    python benchmarks/sandbox_throughput.py [--runs 5] [--seconds 1.5] [--threads 4]
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import threading
import time
from typing import Callable

import requests

from bigcommerce.sandbox import Sandbox

DEFAULT_RUNS = 5
DEFAULT_RUN_S = 1.5
DEFAULT_THREADS = 4
PRODUCTS = 500
PAGE_LIMIT = 250


def session_client(sb: Sandbox, path_for: Callable[[int], str], *, v3: bool = False) -> Callable[[float], int]:
    """A client that issues GETs until the deadline over one keep-alive session; returns the count."""
    base = sb.v3_api_url if v3 else sb.api_url

    def run(deadline: float) -> int:
        done = 0
        with requests.Session() as session:
            session.headers.update({"X-Auth-Token": sb.access_token, "X-Auth-Client": sb.client_id})
            while time.perf_counter() < deadline:
                response = session.get(base + path_for(done))
                response.raise_for_status()
                done += 1
        return done

    return run


def raw_client(sb: Sandbox, path_for: Callable[[int], str], *, v3: bool = False) -> Callable[[float], int]:
    """The same loop over bare ``http.client``: close to the server's own ceiling."""
    prefix = f"/stores/{sb.store_hash}/{'v3' if v3 else 'v2'}"

    def run(deadline: float) -> int:
        done = 0
        connection = http.client.HTTPConnection("127.0.0.1", sb.port)
        headers = {"X-Auth-Token": sb.access_token}
        try:
            while time.perf_counter() < deadline:
                connection.request("GET", prefix + path_for(done), headers=headers)
                response = connection.getresponse()
                response.read()
                assert response.status == 200, response.status
                done += 1
        finally:
            connection.close()
        return done

    return run


def rate(client: Callable[[float], int], threads: int, seconds: float) -> float:
    """Requests per second of ``threads`` clients running side by side for ``seconds``."""
    counts: list[int] = []
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds

    def worker() -> None:
        n = client(deadline)
        with lock:
            counts.append(n)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


def single(n: int) -> str:
    return f"/products/{n % PRODUCTS + 1}"


def page(n: int) -> str:
    return f"/products?limit={PAGE_LIMIT}&page={n % (PRODUCTS // PAGE_LIMIT) + 1}"


def v3_single(n: int) -> str:
    return f"/catalog/products/{n % PRODUCTS + 1}"


def v3_page(n: int) -> str:
    return f"/catalog/products?limit={PAGE_LIMIT}&page={n % (PRODUCTS // PAGE_LIMIT) + 1}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--seconds", type=float, default=DEFAULT_RUN_S, help="length of one run")
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    args = parser.parse_args()

    with Sandbox(products=PRODUCTS, customers=0, orders=0, max_lifetime_s=600) as sb:
        cases = [
            ("single GET, requests.Session", session_client(sb, single), 1),
            (f"single GET, requests.Session x{args.threads} threads", session_client(sb, single), args.threads),
            ("250-item page, requests.Session", session_client(sb, page), 1),
            (f"250-item page, requests.Session x{args.threads} threads", session_client(sb, page), args.threads),
            ("single GET, raw http.client", raw_client(sb, single), 1),
            ("250-item page, raw http.client", raw_client(sb, page), 1),
            ("v3 single GET, requests.Session", session_client(sb, v3_single, v3=True), 1),
            ("v3 250-item page, requests.Session", session_client(sb, v3_page, v3=True), 1),
            (f"v3 250-item page, requests.Session x{args.threads} threads", session_client(sb, v3_page, v3=True),
             args.threads),
            ("v3 single GET, raw http.client", raw_client(sb, v3_single, v3=True), 1),
            ("v3 250-item page, raw http.client", raw_client(sb, v3_page, v3=True), 1),
        ]
        print(f"sandbox {sb.base_url}: {PRODUCTS} products, {args.runs} runs of {args.seconds} s each")
        medians: dict[str, float] = {}
        for label, client, threads in cases:
            rate(client, threads, 0.3)  # warm up
            rates = [rate(client, threads, args.seconds) for _ in range(args.runs)]
            medians[label] = statistics.median(rates)
            print(f"  {label:<50} median {medians[label]:8.0f} req/s  "
                  f"(min {min(rates):.0f}, max {max(rates):.0f})")
        for kind in ("requests.Session", "raw http.client"):
            v2_rate, v3_rate = medians[f"250-item page, {kind}"], medians[f"v3 250-item page, {kind}"]
            print(f"  v3/v2 cost of a 250-product page, {kind}: {v2_rate / v3_rate:.2f}x (target <= 1.5)")
        print(f"  peak in flight: {sb.stats.peak_in_flight}, connections: {sb.stats.connections}")


if __name__ == "__main__":
    main()
