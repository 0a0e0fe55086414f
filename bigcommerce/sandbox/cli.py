"""``python -m bigcommerce sandbox``: run a sandbox store in the foreground.

Prints the base URL, the v2 and v3 API bases and credentials ready to paste into
a client, logs each request with ``--verbose``, and stops cleanly on Ctrl-C (or SIGTERM).
"""
from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
from typing import Callable, TextIO

from bigcommerce.sandbox.quota import DEFAULT_WINDOW_MS
from bigcommerce.sandbox.sandbox import Sandbox
from bigcommerce.sandbox.server import DEFAULT_HOST

_QUOTA = re.compile(r"^\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$")


def parse_quota(text: str) -> tuple[int, int]:
    """``"150/30s"`` → (150, 30000); ``"150/30000ms"`` → (150, 30000); bare numbers are ms."""
    match = _QUOTA.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"quota must look like 150/30s or 150/30000ms, not {text!r}")
    requests, amount, unit = match.groups()
    window_ms = float(amount) * (1000 if unit == "s" else 1)
    if int(window_ms) <= 0:
        raise argparse.ArgumentTypeError("the quota window must be longer than 0 ms")
    return int(requests), int(window_ms)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bigcommerce sandbox",
        description="Run a local BigCommerce-compatible store, REST v2 and v3 (stateful, loopback).",
    )
    parser.add_argument("--port", type=int, default=0, help="port to bind (0: any free port)")
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default %(default)s)")
    parser.add_argument("--products", type=int, default=500, help="generated products")
    parser.add_argument("--customers", type=int, default=50, help="generated customers")
    parser.add_argument("--orders", type=int, default=100, help="generated orders")
    parser.add_argument("--catalog-seed", type=int, default=0, help="seed of the generated catalog and random faults")
    parser.add_argument("--seed", metavar="FILE", help="JSON seed file loaded instead of the generated catalog")
    parser.add_argument("--quota", type=parse_quota, metavar="N/WINDOW", help="rate limit, e.g. 150/30s")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay added to every request")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of requests answered 5xx")
    parser.add_argument("--drop-rate", type=float, default=0.0, help="share of requests closed unanswered")
    parser.add_argument("--max-lifetime-s", type=float, help="stop by itself after this many seconds")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser


def describe(sb: Sandbox) -> str:
    """The banner: where the store is and how to talk to it."""
    quota = sb.quota.quota
    limit = "off" if quota is None else f"{quota} requests / {sb.quota.window_ms} ms, v2 and v3 together"
    return "\n".join(
        [
            f"BigCommerce sandbox running at {sb.base_url}",
            f"  store hash : {sb.store_hash}",
            f"  v2 API     : {sb.api_url}",
            f"  v3 API     : {sb.v3_api_url}",
            f"  rate limit : {limit}",
            "",
            "OAuth:",
            f"  BigcommerceApi(host={sb.base_url!r}, client_id={sb.client_id!r},",
            f"                 store_hash={sb.store_hash!r}, access_token={sb.access_token!r})",
            "Basic auth:",
            f"  BigcommerceApi(host={sb.base_url!r}, basic_auth=({sb.username!r}, {sb.api_token!r}))",
            "OAuth token exchange:",
            f"  POST {sb.token_url} client_secret={sb.client_secret} code={sb.auth_code} context={sb.context}",
            "",
            "Press Ctrl-C to stop.",
        ]
    )


def main(argv: list[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the sandbox until Ctrl-C, SIGTERM or ``--max-lifetime-s``; returns the exit status."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    quota, window_ms = args.quota if args.quota else (None, DEFAULT_WINDOW_MS)
    try:
        sb = Sandbox(
            products=args.products,
            customers=args.customers,
            orders=args.orders,
            seed=args.catalog_seed,
            seed_file=args.seed,
            port=args.port,
            host=args.host,
            quota=quota,
            window_ms=window_ms,
            latency_ms=args.latency_ms,
            fault_rate=args.fault_rate,
            drop_rate=args.drop_rate,
            max_lifetime_s=args.max_lifetime_s,
        ).start()
    except (OSError, ValueError) as exc:
        print(f"sandbox: cannot start: {exc}", file=sys.stderr)
        return 1
    if args.verbose:
        sb.app.log_request = lambda line: print(line, file=sys.stderr, flush=True)
    restore = _install_stop_signals(sb)
    try:
        print(describe(sb), file=out, flush=True)
        while not sb.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        _ignore_sigint()  # a second Ctrl-C must not interrupt the shutdown with a traceback
        sb.stop()
        restore()
    print("sandbox stopped", file=out, flush=True)
    return 0


def _ignore_sigint() -> None:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _install_stop_signals(sb: Sandbox) -> Callable[[], None]:
    """Make SIGTERM and SIGINT stop the sandbox; returns a function restoring the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # signals can only be handled in the main thread
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def on_sigterm(signum: int, frame: object) -> None:
        threading.Thread(target=sb.stop, daemon=True).start()

    signal.signal(signal.SIGTERM, on_sigterm)
    # A shell starting us in the background leaves SIGINT ignored; Ctrl-C must still stop us.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore


if __name__ == "__main__":
    sys.exit(main())
