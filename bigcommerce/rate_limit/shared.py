"""RedisRateLimiter: one store's quota shared by every process and machine that calls it.

BigCommerce counts the requests of all apps and processes of a store in one window. A
:class:`~bigcommerce.rate_limit.RateLimiter` sees only its own process, so a fleet of workers
overruns the window together. This limiter keeps each store's window in Redis instead:
booking a request and learning from an answer are one Lua script each (``window.lua``,
the same rules as the in-process limiter), so every process books from the same count and
any process's answer moves the window for all.

One ``RedisRateLimiter`` serves any number of stores: a connection binds it to its store
(the store hash, or the host for basic auth) and gets a :class:`StoreRateLimiter`.

Redis down or unreachable: each process falls back to its own in-process limiter for that
store, logs one WARNING when the outage starts and one INFO when Redis answers again (tried
again at most every ``recheck_s``). No request waits on Redis and none is lost; while it is
down the processes share only what the store's headers and 429s tell each of them.

Fork-safe: redis-py's pool makes new sockets in a child, and everything this module keeps
per process (locks, the outage flag, the fallback limiters) is made anew after a fork.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable

from ..exception import RateLimitingException, retry_after_seconds
from .window import (
    DEFAULT_MAX_RATE_LIMIT_WAIT_S,
    HEADERLESS_429_BACKOFF_S,
    MAX_HEADERLESS_429_BACKOFF_S,
    PROBE_WAIT_S,
    LimiterOptions,
    RateLimiter,
    fire_callback,
    old_client_keys,
    read_headers,
)

log = logging.getLogger("bigcommerce.rate_limit")

DEFAULT_PREFIX = "bigcommerce:rate-limit:"
# How long the first request to an unknown store holds the others back should its process
# die before the answer (its answer frees them at once).
PROBE_LEASE_S = 5.0
# While Redis is down, how often a process tries it again.
RECHECK_S = 2.0
# from_url's socket timeouts: a Redis that stops answering costs at most this per try.
REDIS_TIMEOUT_S = 1.0

SCRIPT = resources.files(__package__).joinpath("window.lua").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Booking:
    """What :meth:`StoreRateLimiter.acquire` hands the connection for :meth:`~StoreRateLimiter.update`:
    the window a request was booked in, in Redis (``shared``) or in the fallback limiter."""

    shared: bool
    window: int


class RedisRateLimiter:
    """Every store's rate-limit window in one Redis, shared by all processes that use it.

    ``client``: a ``redis.Redis``. ``prefix``: the start of every key (one hash per store,
    ``{prefix}{store}``, expiring a window or two after the last request). ``recheck_s``: while
    Redis is unreachable, how often to try it again.
    """

    def __init__(self, client: Any, *, prefix: str = DEFAULT_PREFIX, recheck_s: float = RECHECK_S) -> None:
        import redis  # the optional extra: imported only when a shared limiter is made

        if not isinstance(prefix, str):
            raise TypeError("prefix must be a string")
        if not hasattr(client, "register_script"):
            raise TypeError("client must be a redis.Redis (or RedisRateLimiter.from_url(url))")
        self.client = client
        self.prefix = prefix
        self.recheck_s = recheck_s
        self.unreachable = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        self._script = client.register_script(SCRIPT)
        self._renew()

    @classmethod
    def from_url(
        cls, url: str, *, prefix: str = DEFAULT_PREFIX, recheck_s: float = RECHECK_S, **redis_options: Any
    ) -> RedisRateLimiter:
        """A limiter on the Redis at ``url`` (``redis://host:port/db``), with short socket
        timeouts and one quick retry so that a Redis that is down costs little per request."""
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        redis_options.setdefault("socket_timeout", REDIS_TIMEOUT_S)
        redis_options.setdefault("socket_connect_timeout", REDIS_TIMEOUT_S)
        redis_options.setdefault("retry", Retry(NoBackoff(), 1))
        return cls(redis.Redis.from_url(url, **redis_options), prefix=prefix, recheck_s=recheck_s)

    def _renew(self) -> None:
        """Per-process state: made here and again in a forked child."""
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._down = False
        self._last_try = 0.0

    def bind(
        self,
        store: str,
        *,
        max_wait_s: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        reserve: int = 0,
        wait: bool = True,
        callback: Callable[..., Any] | None = None,
        callback_args: Any = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> StoreRateLimiter:
        """The limiter of one store's window (what a connection uses); options as :class:`RateLimiter`'s."""
        if not isinstance(store, str) or not store:
            raise ValueError("store must be a non-empty string (a store hash or a host)")
        return StoreRateLimiter(self, store, max_wait_s=max_wait_s, reserve=reserve, wait=wait, callback=callback,
                                callback_args=callback_args, sleep=sleep)

    def key(self, store: str) -> str:
        return self.prefix + store

    def run(self, store: str, *args: Any) -> Any | None:
        """One step of ``window.lua`` for ``store``; None while Redis is unreachable."""
        if self._pid != os.getpid():
            self._renew()
        now = time.monotonic()
        with self._lock:
            if self._down and now - self._last_try < self.recheck_s:
                return None
            self._last_try = now
        try:
            result = self._script(keys=[self.key(store)], args=args)
        except self.unreachable as error:
            with self._lock:
                if not self._down:
                    self._down = True
                    log.warning("Redis unreachable (%s): rate limiting in this process alone until it answers",
                                type(error).__name__)
            return None
        if self._down:
            with self._lock:
                if self._down:
                    self._down = False
                    log.info("Redis answers again: the rate-limit window is shared again")
        return result

    def __repr__(self) -> str:
        # Host, port and db only: a URL's password never shows.
        pool = getattr(self.client, "connection_pool", None)
        kwargs = getattr(pool, "connection_kwargs", {}) or {}
        where = f"{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"
        return f"<RedisRateLimiter {where} prefix={self.prefix!r}>"


class StoreRateLimiter(LimiterOptions):
    """One store's window in Redis, as a connection sees it: the in-process limiter's verbs
    (``acquire``, ``update``, ``on_429``, ``rate_limit``), with that limiter as the fallback."""

    def __init__(
        self,
        shared: RedisRateLimiter,
        store: str,
        *,
        max_wait_s: float,
        reserve: int,
        wait: bool,
        callback: Callable[..., Any] | None,
        callback_args: Any,
        sleep: Callable[[float], None],
    ) -> None:
        super().__init__(reserve=reserve, max_wait_s=max_wait_s, wait=wait, callback=callback,
                         callback_args=callback_args, sleep=sleep)
        self.shared = shared
        self.store = store
        self._renew()

    def _renew(self) -> None:
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._callback_window = -1
        self._fallback_limiter: RateLimiter | None = None

    def _fallback(self) -> RateLimiter:
        if self._pid != os.getpid():
            self._renew()
        with self._lock:
            if self._fallback_limiter is None:
                self._fallback_limiter = RateLimiter(
                    reserve=self.reserve, max_wait_s=self.max_wait_s, wait=self.wait, callback=self.callback,
                    callback_args=self.callback_args, sleep=self._sleep)
            return self._fallback_limiter

    # -- before a request -------------------------------------------------------------

    def acquire(self) -> Booking:
        """Book one request in the store's shared window, first waiting while it is spent or a
        429 holds it; raises :class:`RateLimitingException` for a wait beyond ``max_wait_s``."""
        while True:
            answer = self.shared.run(self.store, "acquire", self.reserve, int(self.wait),
                                     int(PROBE_LEASE_S * 1000), int(PROBE_WAIT_S * 1000))
            if answer is None:
                return Booking(False, self._fallback().acquire())
            booked, value = int(answer[0]), int(answer[1])
            if booked:
                return Booking(True, value)
            wait = value / 1000.0
            if wait > self.max_wait_s:
                raise RateLimitingException(
                    f"the store's quota refills in {wait:.1f} s, longer than max_rate_limit_wait={self.max_wait_s:g} s",
                    retry_after=wait,
                )
            log.debug("waiting %.3f s for the shared rate-limit window", wait)
            self._sleep(wait)

    # -- after a response -------------------------------------------------------------

    def update(self, headers: Mapping[str, str] | None, booking: Booking | None = None) -> None:
        """Learn from an answer's headers (None: the request got no answer)."""
        if booking is None or not booking.shared:
            self._fallback().update(headers, booking.window if booking else None)
            return
        values = read_headers(headers) if headers is not None else None
        if headers is None:
            args: tuple[Any, ...] = ("failed", booking.window)
        elif values is None:
            args = ("plain", booking.window)
        else:
            self.last = old_client_keys(values)
            args = ("answer", booking.window, values["quota"], values["left"], values["reset_ms"],
                    values["window_ms"])
        answer = self.shared.run(self.store, "update", *args)
        if answer is None:
            self._fallback().update(headers)
            return
        if values is not None and self.callback is not None and values["left"] <= self.reserve:
            window = int(answer[0])
            with self._lock:
                fire = self._callback_window != window
                self._callback_window = window
            if fire:
                fire_callback(self.callback, self.callback_args)

    def on_429(self, headers: Mapping[str, str]) -> float:
        """Hold every process until the store's reset; returns the seconds to wait."""
        wait = retry_after_seconds(headers)
        answer = self.shared.run(
            self.store, "block", -1 if wait is None else int(wait * 1000), int(HEADERLESS_429_BACKOFF_S * 1000),
            int(MAX_HEADERLESS_429_BACKOFF_S * 1000), int(self.max_wait_s * 1000))
        if answer is None:
            return self._fallback().on_429(headers)
        return int(answer) / 1000.0

    def __repr__(self) -> str:
        return f"<StoreRateLimiter {self.store!r} on {self.shared!r}>"
