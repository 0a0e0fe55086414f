"""Client overhead and throughput, as ratios against a raw ``requests.Session`` loop.

``python benchmarks/run.py`` starts a sandbox store in a separate process (so it
does not share the client's GIL) and prints, for each scenario, the median of
repeated runs and the ratio to a baseline measured in the same run. Machines are
shared and noisy: compare ratios, not seconds. ``--quick`` shrinks every size.

Scenarios (targets from the throughput issue):
  get        2,000 sequential Products.get(id)   vs raw GETs                    ratio <= 1.15
  iterate    20,000 products, iterall()           vs raw page loop               ratio <= 1.3
  latency    20,000 products at 50 ms: sequential and concurrency=8 vs raw loop  concurrent <= 0.3
  quota      20,000 products, 10 requests / 2 s, 50 ms: time / quota-bound time  <= 1.05, 0 429s
  memory     peak RSS iterating 100,000 products vs the raw loop                 within 10 %
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sandbox_process import SandboxProcess

PAGE = 250


def _api(info: dict[str, Any], **options: Any) -> Any:
    from bigcommerce.api import BigcommerceApi

    return BigcommerceApi(host=info["base_url"], client_id=info["client_id"],
                          store_hash=info["store_hash"], access_token=info["access_token"], **options)


def _raw(info: dict[str, Any]) -> tuple[Any, str, dict[str, str]]:
    import requests

    session = requests.Session()
    base = f"{info['base_url']}/stores/{info['store_hash']}/v2/"
    headers = {"Accept": "application/json", "X-Auth-Token": info["access_token"],
               "X-Auth-Client": info["client_id"]}
    return session, base, headers


def raw_get_loop(info: dict[str, Any], ids: range) -> int:
    session, base, headers = _raw(info)
    count = 0
    for pid in ids:
        response = session.get(f"{base}products/{pid}", headers=headers)
        response.raise_for_status()
        count += len(response.json())
    return count


def raw_page_loop(info: dict[str, Any]) -> int:
    """The baseline iteration: page after page until a short page or a 204."""
    session, base, headers = _raw(info)
    count, page = 0, 1
    while True:
        response = session.get(f"{base}products", params={"page": page, "limit": PAGE}, headers=headers)
        response.raise_for_status()
        if response.status_code == 204:
            return count
        items = response.json()
        for item in items:
            count += item["id"] > 0
        if len(items) < PAGE:
            return count
        page += 1


def client_get_loop(info: dict[str, Any], ids: range) -> int:
    api = _api(info)
    return sum(len(api.Products.get(pid)) for pid in ids)


def client_iterate(info: dict[str, Any], concurrency: int = 1, **options: Any) -> int:
    api = _api(info, **options)
    return sum(p["id"] > 0 for p in api.Products.iterall(concurrency=concurrency))


def with_json_module(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` run as without the ``fast`` extra: the standard library parses every body."""
    def run() -> Any:
        from bigcommerce import mapping

        saved, mapping.orjson = mapping.orjson, None
        try:
            return fn()
        finally:
            mapping.orjson = saved
    return run


def decoder() -> str:
    from bigcommerce import mapping

    return "orjson" if mapping.orjson is not None else "json module (orjson not installed)"


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def compare(label: str, runs: dict[str, Callable[[], Any]], repeats: int, baseline: str) -> dict[str, float]:
    """Interleaved repeats (A B A B ...), medians, ratios to the baseline."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, fn in runs.items():
            samples[name].append(timed(fn))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"\n{label}")
    for name, value in medians.items():
        ratio = value / medians[baseline]
        print(f"  {name:<28} median {value * 1000:9.1f} ms   ratio {ratio:5.2f}")
    return medians


def scenario_get(args: argparse.Namespace) -> None:
    count = 400 if args.quick else 2000
    with SandboxProcess(products=count) as info:
        ids = range(1, count + 1)
        client_get_loop(info, range(1, 50))  # warm up both paths
        raw_get_loop(info, range(1, 50))
        compare(f"{count} sequential get(id), 0 ms latency",
                {"raw requests.Session": lambda: raw_get_loop(info, ids),
                 "api.Products.get": lambda: client_get_loop(info, ids)},
                args.repeats, "raw requests.Session")


def scenario_iterate(args: argparse.Namespace) -> None:
    count = 5000 if args.quick else 20000
    with SandboxProcess(products=count) as info:
        assert client_iterate(info) == raw_page_loop(info) == count
        runs = {"raw page loop": lambda: raw_page_loop(info),
                "api.Products.iterall()": lambda: client_iterate(info)}
        if decoder() == "orjson":
            runs["iterall(), json module"] = with_json_module(lambda: client_iterate(info))
        compare(f"iterate {count} products, 0 ms latency; client decoder: {decoder()}",
                runs, args.repeats, "raw page loop")


def scenario_latency(args: argparse.Namespace) -> None:
    count = 5000 if args.quick else 20000
    with SandboxProcess(products=count, latency_ms=50) as info:
        runs = {"raw page loop": lambda: raw_page_loop(info),
                "iterall()": lambda: client_iterate(info),
                "iterall(concurrency=8)": lambda: client_iterate(info, concurrency=8)}
        if decoder() == "orjson":
            runs["concurrency=8, json module"] = with_json_module(lambda: client_iterate(info, concurrency=8))
        compare(f"iterate {count} products, 50 ms latency per request; client decoder: {decoder()}",
                runs, max(1, args.repeats // 2), "raw page loop")


def scenario_quota(args: argparse.Namespace) -> None:
    count = 5000 if args.quick else 20000
    quota, window_s = 10, 2.0
    pages = math.ceil(count / PAGE) + (1 if count % PAGE == 0 else 0)
    bound = pages / quota * window_s
    print(f"\niterate {count} products under {quota} requests / {window_s:g} s, 50 ms latency "
          f"({pages} requests; quota-bound time {bound:.1f} s)")
    repeats = max(1, (args.repeats + 1) // 2)
    for concurrency in (1, 8):
        times, items, rate_limited_total = [], set(), 0
        for _ in range(repeats):  # a fresh store each time: nobody else's window
            with SandboxProcess(products=count, latency_ms=50, quota=quota,
                                window_ms=int(window_s * 1000)) as info:
                seen: list[int] = []
                with _Count429s() as rate_limited:
                    walk = lambda seen=seen, c=concurrency: seen.append(client_iterate(info, concurrency=c))  # noqa: E731
                    times.append(timed(walk))
                items.add(seen[0])
                rate_limited_total += rate_limited.count
        elapsed = statistics.median(times)
        print(f"  iterall(concurrency={concurrency}) median {elapsed:6.1f} s of {repeats}   "
              f"time / quota-bound {elapsed / bound:5.2f}   items {sorted(items)}   429s seen {rate_limited_total}")


class _Count429s(logging.Handler):
    """Counts the 429s the client waited out (it logs each one at INFO)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "(429" in record.getMessage():
            self.count += 1

    def __enter__(self) -> _Count429s:
        logger = logging.getLogger("bigcommerce")
        logger.addHandler(self)
        logger.setLevel(logging.INFO)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("bigcommerce").removeHandler(self)


def _child_rss(kind: str, info: dict[str, Any]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", kind, json.dumps(info)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def _peak_rss_kb() -> int:
    """This process's peak RSS. On Linux ru_maxrss keeps the parent's peak across
    fork and exec, which would hide the child's own; VmHWM is the child's alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(kind: str, info: dict[str, Any]) -> None:
    """Runs in a fresh process: imports the same modules either way, then iterates once."""
    import requests  # noqa: F401

    import bigcommerce.api  # noqa: F401  (both sides pay the same imports)

    before = _peak_rss_kb()
    count = raw_page_loop(info) if kind == "raw" else client_iterate(info)
    peak = _peak_rss_kb()
    print(json.dumps({"count": count, "before_kb": before, "peak_kb": peak}))


def scenario_memory(args: argparse.Namespace) -> None:
    count = 20000 if args.quick else 100000
    with SandboxProcess(products=count) as info:
        rows = {"raw page loop": [], "iterall()": []}
        for _ in range(3):
            rows["raw page loop"].append(_child_rss("raw", info))
            rows["iterall()"].append(_child_rss("client", info))
        print(f"\npeak RSS iterating {count} products (separate processes, median of 3)")
        base = statistics.median(r["peak_kb"] for r in rows["raw page loop"])
        for name, results in rows.items():
            peak = statistics.median(r["peak_kb"] for r in results)
            growth = statistics.median(r["peak_kb"] - r["before_kb"] for r in results)
            assert all(r["count"] == count for r in results)
            print(f"  {name:<16} peak {peak / 1024:7.1f} MiB   growth while iterating {growth / 1024:6.1f} MiB"
                  f"   ratio {peak / base:5.2f}")


SCENARIOS = {
    "get": scenario_get,
    "iterate": scenario_iterate,
    "latency": scenario_latency,
    "quota": scenario_quota,
    "memory": scenario_memory,
}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], json.loads(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append", help="run only these scenarios")
    parser.add_argument("--repeats", type=int, default=5, help="repeats per measurement (median reported)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    import os
    import platform

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"sandbox in a separate process; medians of {args.repeats}")
    for name in args.only or SCENARIOS:
        SCENARIOS[name](args)


if __name__ == "__main__":
    main()
