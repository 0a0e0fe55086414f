"""Helpers for the resilience tests: bounded sandboxes, a sleep recorder, a dead port, a spy host.

Imported by the ``test_resilience_*`` modules (the fixtures are re-exported
there by name). Everything listens on 127.0.0.1 only and stops by itself.
"""
from __future__ import annotations

import http.server
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.sandbox import Sandbox
from tests.conftest import stopped_after_the_test

# No sandbox or helper server in these tests outlives this, even if a test forgets it.
LIFETIME_S = 60.0
LOOPBACK = "127.0.0.1"


class SleepRecorder:
    """Stands in for ``time.sleep`` in a RetryPolicy: remembers the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, seconds: float) -> None:
        with self._lock:
            self.waits.append(seconds)


def new_sandbox(products: int = 20, **options: Any) -> Sandbox:
    """A started sandbox on the real Store, bounded in time."""
    options.setdefault("customers", 0)
    options.setdefault("orders", 0)
    options.setdefault("max_lifetime_s", LIFETIME_S)
    return Sandbox(products=products, **options).start()


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Factory of started sandboxes (``make_sandbox(products=5, quota=10)``), all stopped at test end."""
    yield from stopped_after_the_test(new_sandbox)


@pytest.fixture
def sb(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    """A fresh sandbox with 20 products."""
    return make_sandbox(products=20)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


def api_for(sandbox: Sandbox, **options: Any) -> BigcommerceApi:
    """An OAuth client of ``sandbox`` with the given keyword options."""
    return BigcommerceApi(**sandbox.oauth_kwargs(), **options)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def product_count(sandbox: Sandbox) -> int:
    """Products in the store, read from the store itself (no HTTP, no quota)."""
    return len(sandbox.store.dump()["products"])


def new_product_fields(name: str = "Resilience widget") -> dict[str, Any]:
    return {"name": name, "type": "physical", "price": 5, "weight": 1, "categories": [],
            "availability": "available"}


def per_window_counts(times: list[float], window_ms: int) -> list[int]:
    """Requests per sandbox quota window, the windows laid out as the sandbox lays them.

    A window opens with the first request after the previous one ended and
    lasts ``window_ms`` (see ``bigcommerce.sandbox.quota.RateWindow``).
    """
    counts: list[int] = []
    start: float | None = None
    span = window_ms / 1000
    for stamp in sorted(times):
        if start is None or stamp - start >= span:
            start = stamp
            counts.append(0)
        counts[-1] += 1
    return counts


def wait_until(predicate: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return predicate()


class SpyServer:
    """A tiny ``http.server`` on 127.0.0.1 that records every request it gets; stops by itself."""

    def __init__(self, lifetime_s: float = LIFETIME_S) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        spy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self) -> None:
                spy.requests.append((self.command, self.path, dict(self.headers)))
                body = b"[]"
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _record

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"spy-{self.port}", daemon=True)
        self._timer = threading.Timer(lifetime_s, self.stop)
        self._timer.daemon = True
        self._stopped = False
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def __enter__(self) -> SpyServer:
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._timer.cancel()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()
        if self._thread.is_alive():
            self._thread.join(5)


class EventOnLog(logging.Handler):
    """Sets an event when a record whose message contains ``needle`` is logged."""

    def __init__(self, needle: str) -> None:
        super().__init__(level=logging.DEBUG)
        self.needle = needle
        self.event = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.needle in record.getMessage():
            self.event.set()


def finish_within(seconds: float, call: Callable[[], Any], on_timeout: Callable[[], None] = lambda: None) -> Any:
    """``call()``'s result, or an AssertionError if it is still running after ``seconds``.

    For calls that a client defect could stall for a whole rate-limit window: the
    test fails fast instead of sitting out the wait. The abandoned call runs on in
    a daemon thread until its sleep ends and its (by then stopped) sandbox refuses
    it; ``on_timeout`` can make that end quick and quiet.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed back to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=run, name="finish-within", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        on_timeout()
        raise AssertionError(f"still waiting after {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
