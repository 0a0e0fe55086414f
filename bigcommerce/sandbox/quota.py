"""Server-side rate limit: a fixed window of N requests, like a store's API quota.

A window opens with the first counted request after the previous one ended and
lasts ``window_ms``; every response reports the window through the four
``X-Rate-Limit-*`` headers, so clients can pace themselves the way they must
against a real store (150 requests per 30 s on Standard plans).
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Callable

DEFAULT_WINDOW_MS = 30_000
# "Off" still answers with honest headers: a quota no test will spend.
UNLIMITED_QUOTA = 1_000_000


@dataclass(frozen=True)
class QuotaState:
    """What the rate-limit headers of one response say."""

    window_ms: int
    reset_ms: int
    quota: int
    left: int

    def headers(self) -> dict[str, str]:
        """The four headers a store sends on every API response."""
        return {
            "X-Rate-Limit-Time-Window-Ms": str(self.window_ms),
            "X-Rate-Limit-Time-Reset-Ms": str(self.reset_ms),
            "X-Rate-Limit-Requests-Quota": str(self.quota),
            "X-Rate-Limit-Requests-Left": str(self.left),
        }

    @property
    def retry_after_s(self) -> int:
        """Whole seconds until the window resets, rounded up (``X-Retry-After``)."""
        return max(1, math.ceil(self.reset_ms / 1000))


class RateWindow:
    """A thread-safe fixed window: ``quota`` requests per ``window_ms``.

    ``quota=None`` means no limit; the headers then show ``UNLIMITED_QUOTA``
    and still count down.
    """

    def __init__(
        self,
        quota: int | None = None,
        window_ms: int = DEFAULT_WINDOW_MS,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._quota: int | None = None
        self._window_ms = DEFAULT_WINDOW_MS
        self._window_start: float | None = None
        self._used = 0
        self.windows_opened = 0
        self.configure(quota, window_ms)

    @property
    def quota(self) -> int | None:
        """Requests allowed per window, or None when unlimited."""
        return self._quota

    @property
    def window_ms(self) -> int:
        return self._window_ms

    def configure(self, quota: int | None, window_ms: int = DEFAULT_WINDOW_MS) -> None:
        """Change the limit; the current window is forgotten."""
        if quota is not None and quota < 0:
            raise ValueError("quota must be >= 0 or None")
        if window_ms <= 0:
            raise ValueError("window_ms must be > 0")
        with self._lock:
            self._quota = quota
            self._window_ms = int(window_ms)
            self._window_start = None
            self._used = 0

    def take(self) -> tuple[bool, QuotaState]:
        """Spend one request of the window: (allowed, state after the attempt)."""
        with self._lock:
            now = self._roll()
            if self._window_start is None:
                self._window_start = now
                self.windows_opened += 1
            allowed = self._used < self._limit()
            if allowed:
                self._used += 1
            return allowed, self._state(now)

    def peek(self) -> QuotaState:
        """The current state, spending nothing (for answers outside the quota)."""
        with self._lock:
            return self._state(self._roll())

    def _limit(self) -> int:
        return UNLIMITED_QUOTA if self._quota is None else self._quota

    def _roll(self) -> float:
        """Close the window if its time is up; return the clock reading."""
        now = self._clock()
        start = self._window_start
        if start is not None and (now - start) * 1000 >= self._window_ms:
            self._window_start = None
            self._used = 0
        return now

    def _state(self, now: float) -> QuotaState:
        if self._window_start is None:
            reset_ms = self._window_ms
        else:
            elapsed_ms = (now - self._window_start) * 1000
            # round() first: float noise must not turn 1300 ms into 1301.
            reset_ms = max(0, math.ceil(round(self._window_ms - elapsed_ms, 3)))
        limit = self._limit()
        return QuotaState(
            window_ms=self._window_ms,
            reset_ms=reset_ms,
            quota=limit,
            left=max(0, limit - self._used),
        )
