"""Request statistics, so tests can check how a client behaved, not only what it got.

Counts are kept by the server as it answers; ``peak_in_flight`` is measured
inside the handler (a request is in flight from its parsed request line to its
last byte sent), which is what a test of a client's concurrency limit needs.
"""
from __future__ import annotations

import bisect
import threading
import time
from collections import Counter
from typing import Callable

# Not an HTTP status: the connection was closed (or left hanging) without an answer.
NO_ANSWER = 0


class RequestStats:
    """Thread-safe counters of the requests a sandbox served."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.in_flight = 0
        self.reset()

    def reset(self) -> None:
        """Forget every count (requests still in flight keep being tracked)."""
        with self._lock:
            self.total = 0
            self.by_route: Counter[tuple[str, str]] = Counter()
            self.by_status: Counter[int] = Counter()
            self.peak_in_flight = self.in_flight
            self.connections = 0
            self.api_times: list[float] = []

    # -- called by the server ------------------------------------------------
    def connection_opened(self) -> None:
        with self._lock:
            self.connections += 1

    def request_started(self) -> None:
        with self._lock:
            self.in_flight += 1
            if self.in_flight > self.peak_in_flight:
                self.peak_in_flight = self.in_flight

    def request_finished(self, method: str, path: str, status: int) -> None:
        """Record one answered (or deliberately unanswered: ``NO_ANSWER``) request."""
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)
            self.total += 1
            self.by_route[(method, path)] += 1
            self.by_status[status] += 1

    def api_request(self) -> None:
        """Stamp one authenticated API request with the clock (faulted and 429-refused ones too)."""
        now = self._clock()
        with self._lock:
            self.api_times.append(now)

    # -- read by tests -------------------------------------------------------
    def count(self, method: str | None = None, path: str | None = None) -> int:
        """Requests with this method and/or exact path: v2 ``"products/5"``, v3 ``"v3/catalog/products/5"``."""
        with self._lock:
            return sum(
                n
                for (m, p), n in self.by_route.items()
                if (method is None or m == method.upper()) and (path is None or p == path)
            )

    def max_in_window(self, window_ms: int) -> int:
        """Most API requests that arrived within any span of ``window_ms`` (sliding)."""
        with self._lock:
            times = sorted(self.api_times)
        span_s = window_ms / 1000
        best = 0
        for i, start in enumerate(times):
            j = bisect.bisect_left(times, start + span_s, lo=i)
            best = max(best, j - i)
        return best

    def snapshot(self) -> dict[str, object]:
        """A plain copy of the counters, for printing or asserting at once."""
        with self._lock:
            return {
                "total": self.total,
                "by_route": {f"{m} {p}": n for (m, p), n in self.by_route.items()},
                "by_status": dict(self.by_status),
                "peak_in_flight": self.peak_in_flight,
                "in_flight": self.in_flight,
                "connections": self.connections,
                "api_requests": len(self.api_times),
            }

    def __repr__(self) -> str:
        return (
            f"<RequestStats total={self.total} peak_in_flight={self.peak_in_flight} "
            f"connections={self.connections}>"
        )
