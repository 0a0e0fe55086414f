"""RateLimiter: keeps every thread of one connection inside the store's quota.

BigCommerce counts requests per store in a fixed window and says on every
response how many are left (``X-Rate-Limit-Requests-Left``) and when the window
refills (``X-Rate-Limit-Time-Reset-Ms``). The limiter books one unit before each
request, waits for the refill when none is left instead of provoking a 429, and
after a 429 holds every thread until the store's stated reset.

Three states: before the first response nothing is known, so one request goes
out alone to learn the quota; a store that sends no rate-limit headers is not
limited; otherwise the booking is exact.

When the reset passes, the limiter opens the next window itself, guessing it
ends one window length later. Answers then correct the guess: every answer's
``now + reset`` is the store's reset plus the time the answer took to reach
us, so the earliest of them is the closest. An answer to a request booked in
an earlier window may arrive late; it says nothing about the current window
and must not move it.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from typing import Any, Callable

from requests.structures import CaseInsensitiveDict

from ..exception import RateLimitingException, retry_after_seconds

log = logging.getLogger("bigcommerce.rate_limit")

DEFAULT_MAX_RATE_LIMIT_WAIT_S = 300.0
# A 429 with no headers means platform load rather than our quota: back off.
HEADERLESS_429_BACKOFF_S = 1.0
MAX_HEADERLESS_429_BACKOFF_S = 30.0
# How long a thread waits for the first response to reveal the quota.
PROBE_WAIT_S = 0.05

_UNKNOWN, _UNLIMITED, _KNOWN = "unknown", "unlimited", "known"

HEADER_NAMES = {
    "quota": "X-Rate-Limit-Requests-Quota",
    "left": "X-Rate-Limit-Requests-Left",
    "reset_ms": "X-Rate-Limit-Time-Reset-Ms",
    "window_ms": "X-Rate-Limit-Time-Window-Ms",
}


def read_headers(headers: Mapping[str, str]) -> dict[str, int] | None:
    """The four rate-limit values, or None when the response lacks them."""
    if not isinstance(headers, CaseInsensitiveDict):
        headers = CaseInsensitiveDict(headers)
    values = {}
    for key, name in HEADER_NAMES.items():
        raw = headers.get(name)
        if raw is None:
            return None
        try:
            values[key] = int(float(raw))
        except ValueError:
            return None
    return values


def management_options(management: dict[str, Any] | None) -> dict[str, Any]:
    """The limiter options the old client's ``rate_limiting_management`` dict stands for."""
    if not management:
        return {}
    if not isinstance(management, dict):
        raise TypeError("rate_limiting_management must be a dict")
    unknown = set(management) - {"min_requests_remaining", "wait", "callback_function", "callback_args"}
    if unknown:
        raise ValueError(f"rate_limiting_management has unknown keys: {sorted(unknown)}")
    callback = management.get("callback_function")
    if callback is not None and not callable(callback):
        raise TypeError("rate_limiting_management['callback_function'] must be callable")
    return {
        "reserve": int(management.get("min_requests_remaining", 0)),
        "wait": bool(management.get("wait", True)),
        "callback": callback,
        "callback_args": management.get("callback_args"),
    }


def old_client_keys(values: Mapping[str, int]) -> dict[str, int]:
    """The four values under the keys the old client's ``rate_limit`` used."""
    return {"ms_until_reset": values["reset_ms"], "window_size_ms": values["window_ms"],
            "requests_remaining": values["left"], "requests_quota": values["quota"]}


def fire_callback(callback: Callable[..., Any], args: Any) -> None:
    """The old client's low-quota callback: ``f(args)``, or ``f()`` without args."""
    if args is None:
        callback()
    else:
        callback(args)


class LimiterOptions:
    """What every limiter of one store's window is told (the old client's options) and remembers
    (the last rate-limit values it saw): the in-process ``RateLimiter`` and Redis's ``StoreRateLimiter``."""

    def __init__(
        self,
        *,
        reserve: int,
        max_wait_s: float,
        wait: bool,
        callback: Callable[..., Any] | None,
        callback_args: Any,
        sleep: Callable[[float], None],
    ) -> None:
        if reserve < 0:
            raise ValueError("reserve (min_requests_remaining) must not be negative")
        self.reserve = reserve
        self.max_wait_s = max_wait_s
        self.wait = wait
        self.callback = callback
        self.callback_args = callback_args
        self._sleep = sleep
        self.last: dict[str, int] = {}

    @property
    def rate_limit(self) -> dict[str, int]:
        """The last values seen, under the old client's keys."""
        return dict(self.last)


class RateLimiter(LimiterOptions):
    """Shared by all threads using one connection: one store, one quota.

    ``reserve``: requests to leave unused in each window (the old
    ``min_requests_remaining``). ``max_wait_s``: the longest single wait;
    beyond it :class:`RateLimitingException` is raised instead of sleeping.
    ``wait=False`` never waits for the quota ahead of time (429s are still
    waited out). ``callback(callback_args)`` fires each time a response shows
    the remaining requests at or below ``reserve``, once per window.
    """

    def __init__(
        self,
        *,
        reserve: int = 0,
        max_wait_s: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        wait: bool = True,
        callback: Callable[..., Any] | None = None,
        callback_args: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(reserve=reserve, max_wait_s=max_wait_s, wait=wait, callback=callback,
                         callback_args=callback_args, sleep=sleep)
        self._clock = clock
        self._lock = threading.Condition()
        self._state = _UNKNOWN
        self._probing = False
        self._left = 0
        self._quota = 0
        self._window_s = 0.0
        self._reset_at = 0.0
        # True while _reset_at is our own guess, not yet confirmed by the store.
        self._guessed = False
        self._blocked_until = 0.0
        self._headerless_429s = 0
        self._window = 0
        self._callback_window = -1

    @classmethod
    def from_management(cls, management: dict[str, Any] | None, **kwargs: Any) -> RateLimiter:
        """From the old client's ``rate_limiting_management`` dict."""
        return cls(**management_options(management), **kwargs)

    # -- before a request -------------------------------------------------

    def acquire(self) -> int:
        """Book one request, first waiting while the quota is spent or a 429 holds.

        Returns the booking's window, for :meth:`update` to tell a current
        answer from a late one.
        """
        # Time this thread has slept counts as passed, even with a sleep that
        # does not wait (tests) or a clock that lags it.
        slept_until = 0.0
        while True:
            with self._lock:
                now = max(self._clock(), slept_until)
                wait = self._try_book(now)
                if wait is None:
                    return self._window
                if wait > self.max_wait_s:
                    raise RateLimitingException(
                        f"the store's quota refills in {wait:.1f} s, longer than "
                        f"max_rate_limit_wait={self.max_wait_s:g} s",
                        retry_after=wait,
                    )
                if self._probing and self._blocked_until <= now:
                    # Another thread's first request will reveal the quota: wait for its answer.
                    self._lock.wait(wait)
                    continue
            log.debug("waiting %.3f s for the rate-limit window", wait)
            self._sleep(wait)
            slept_until = now + wait

    def _try_book(self, now: float) -> float | None:
        """None when booked, else the seconds to wait. Called under the lock."""
        if self._blocked_until > now:
            return self._blocked_until - now
        if self._state == _UNLIMITED:
            return None
        if self._state == _UNKNOWN:
            if self._probing:
                return PROBE_WAIT_S
            self._probing = True
            return None
        if now >= self._reset_at:
            self._left = self._quota
            self._reset_at = now + self._window_s
            self._guessed = True
            self._window += 1
        if not self.wait or self._left > self.reserve:
            self._left -= 1
            return None
        return max(self._reset_at - now, 0.001)

    # -- after a response -------------------------------------------------

    def update(self, headers: Mapping[str, str] | None, booking: int | None = None) -> None:
        """Learn from a response's headers (None: the request got no response).

        ``booking``: what :meth:`acquire` returned for the request. Without it
        an answer whose reset is far before the current one is taken as late.
        """
        values = read_headers(headers) if headers is not None else None
        fire = False
        with self._lock:
            if self._probing:
                self._probing = False
                self._lock.notify_all()
            if values is None:
                if headers is not None and self._state == _UNKNOWN:
                    self._state = _UNLIMITED
                return
            now = self._clock()
            self.last = old_client_keys(values)
            reset_at = now + values["reset_ms"] / 1000.0
            self._quota = values["quota"]
            self._window_s = values["window_ms"] / 1000.0
            half = self._window_s / 2
            current = booking is None or booking == self._window
            if self._state != _KNOWN or (reset_at > self._reset_at + half and now >= self._reset_at):
                # First sight, or the store has moved on to a new window. Not
                # before our reset: an answer that took longer than half a
                # window (a slow page) also reports a late reset.
                self._state = _KNOWN
                self._left = values["left"]
                self._reset_at = reset_at
                self._guessed = False
                self._window += 1
            elif reset_at < self._reset_at - half:
                if booking is not None and current:
                    # Sent after this window opened, yet the store's window
                    # ends far sooner than we thought: the store is right.
                    self._left = min(self._left, values["left"])
                    self._reset_at = reset_at
                    self._guessed = False
                # Otherwise a late answer about a window that is over.
            elif not current:
                # Booked before this window opened: the store may have counted
                # it in either window, so its count is heeded, but its reset may
                # be an old window's, seen late.
                self._left = min(self._left, values["left"])
            else:
                # The same window. Every answer's reset is late by its travel
                # time, so the earliest heard is the closest; a guess gives way
                # to the store's first word.
                self._left = min(self._left, values["left"])
                self._reset_at = reset_at if self._guessed else min(self._reset_at, reset_at)
                self._guessed = False
            self._headerless_429s = 0
            if self.callback and values["left"] <= self.reserve and self._callback_window != self._window:
                self._callback_window = self._window
                fire = True
        if fire and self.callback is not None:
            fire_callback(self.callback, self.callback_args)

    def on_429(self, headers: Mapping[str, str]) -> float:
        """Hold every thread until the store's reset; returns the seconds to wait.

        Raises :class:`RateLimitingException` when that is beyond ``max_wait_s``.
        """
        wait = retry_after_seconds(headers)
        with self._lock:
            if wait is None:
                wait = min(
                    HEADERLESS_429_BACKOFF_S * 2 ** self._headerless_429s,
                    MAX_HEADERLESS_429_BACKOFF_S,
                )
                self._headerless_429s += 1
            if wait > self.max_wait_s:
                return wait
            now = self._clock()
            self._blocked_until = max(self._blocked_until, now + wait)
            if self._state == _KNOWN:
                # The store's word is the freshest: its quota refills after this wait.
                self._left = 0
                self._reset_at = now + wait
                self._guessed = False
        return wait

