"""The shared window's rules against a real Redis, without HTTP: one limiter per "process".

Two ``bind`` results of two ``RedisRateLimiter`` objects on the same Redis stand for two
processes (they share nothing but Redis). Times are real and short.
"""
from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from typing import Any

import pytest
import redis

from bigcommerce import RedisRateLimiter
from bigcommerce.exception import RateLimitingException
from bigcommerce.rate_limit import RateLimiter, StoreRateLimiter
from bigcommerce.rate_limit.shared import Booking


def headers(quota: int, left: int, reset_ms: int, window_ms: int = 1000) -> dict[str, str]:
    return {
        "X-Rate-Limit-Requests-Quota": str(quota), "X-Rate-Limit-Requests-Left": str(left),
        "X-Rate-Limit-Time-Reset-Ms": str(reset_ms), "X-Rate-Limit-Time-Window-Ms": str(window_ms),
    }


def process(redis_url: str, prefix: str, store: str = "abc123", **options: Any) -> StoreRateLimiter:
    """A fresh limiter object, as another process would make it."""
    return RedisRateLimiter.from_url(redis_url, prefix=prefix).bind(store, **options)


def field(redis_url: str, key: str, name: str) -> str | None:
    value = redis.Redis.from_url(redis_url).hget(key, name)
    return value.decode() if value is not None else None


def learn(limiter: StoreRateLimiter, quota: int, left: int, reset_ms: int, window_ms: int = 1000) -> None:
    """The first request of a store: booked alone, answered with the four headers."""
    booking = limiter.acquire()
    limiter.update(headers(quota, left, reset_ms, window_ms), booking)


def test_the_first_request_goes_alone_and_its_answer_frees_the_others(redis_url: str, prefix: str) -> None:
    first, second = process(redis_url, prefix), process(redis_url, prefix)
    probe = first.acquire()
    assert probe.shared
    booked: list[float] = []
    started = time.monotonic()
    waiter = threading.Thread(target=lambda: (second.acquire(), booked.append(time.monotonic() - started)))
    waiter.start()
    time.sleep(0.3)
    assert booked == []  # still held: nobody knows the quota yet
    first.update(headers(10, 9, 900), probe)
    waiter.join(5)
    assert booked and 0.3 <= booked[0] < 1.0


def test_processes_together_book_no_more_than_the_quota_in_a_window(redis_url: str, prefix: str) -> None:
    learn(process(redis_url, prefix), quota=6, left=5, reset_ms=60_000, window_ms=60_000)
    limiters = [process(redis_url, prefix, max_wait_s=0.5) for _ in range(4)]
    booked, refused = [], []

    def book(limiter: StoreRateLimiter) -> None:
        for _ in range(5):
            try:
                booked.append(limiter.acquire())
            except RateLimitingException as error:
                refused.append(error)

    threads = [threading.Thread(target=book, args=(limiter,)) for limiter in limiters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(booked) == 5 and len(refused) == 15  # 5 left, the rest would wait beyond max_wait_s
    assert "60" in str(refused[0]) or "59" in str(refused[0])


def test_a_spent_window_is_waited_out_until_its_reset(redis_url: str, prefix: str) -> None:
    learn(process(redis_url, prefix), quota=2, left=0, reset_ms=400, window_ms=400)
    other = process(redis_url, prefix)
    started = time.monotonic()
    other.acquire()
    assert 0.3 <= time.monotonic() - started < 1.0


def test_a_late_answer_does_not_refill_the_window(redis_url: str, prefix: str) -> None:
    key = prefix + "abc123"
    limiter = process(redis_url, prefix)
    learn(limiter, quota=10, left=5, reset_ms=10_000, window_ms=20_000)
    old = limiter.acquire()
    # The store moves on to a new window, seen by another process's answer...
    other = process(redis_url, prefix)
    redis.Redis.from_url(redis_url).hset(key, "reset", 0)
    fresh = other.acquire()
    other.update(headers(10, 3, 20_000, 20_000), fresh)
    assert field(redis_url, key, "left") == "3"
    # ...then the old request's answer arrives, saying the old window had 9 left: no refill.
    limiter.update(headers(10, 9, 50, 20_000), old)
    assert field(redis_url, key, "left") == "3"


def test_an_answer_booked_before_the_window_turned_is_heeded_but_never_refills(redis_url: str, prefix: str) -> None:
    key = prefix + "abc123"
    limiter = process(redis_url, prefix)
    learn(limiter, quota=10, left=5, reset_ms=10_000, window_ms=20_000)
    old = limiter.acquire()
    redis.Redis.from_url(redis_url).hset(key, "reset", 0)  # our window ends: the next booking opens one
    other = process(redis_url, prefix)
    other.update(headers(10, 8, 20_000, 20_000), other.acquire())
    assert field(redis_url, key, "left") == "8"
    # The old request, counted in the new window: its reset is this window's, its count higher.
    limiter.update(headers(10, 9, 19_900, 20_000), old)
    assert field(redis_url, key, "left") == "8"
    limiter.update(headers(10, 6, 19_900, 20_000), old)
    assert field(redis_url, key, "left") == "6"


def test_requests_in_flight_when_the_window_turns_are_charged_to_the_new_one(redis_url: str, prefix: str) -> None:
    key = prefix + "abc123"
    limiter = process(redis_url, prefix, max_wait_s=0.05)
    learn(limiter, quota=3, left=3, reset_ms=300, window_ms=300)
    limiter.acquire()
    limiter.acquire()  # two requests out, unanswered
    time.sleep(0.35)  # the window turns while they are in flight
    limiter.acquire()
    assert field(redis_url, key, "left") == "0"  # 3 - 2 in flight - 1 booked
    with pytest.raises(RateLimitingException):
        limiter.acquire()


def test_a_429_holds_every_process_until_the_stores_reset(redis_url: str, prefix: str) -> None:
    first, second = process(redis_url, prefix), process(redis_url, prefix)
    learn(first, quota=10, left=9, reset_ms=5_000, window_ms=5_000)
    assert first.on_429(headers(10, 0, 400)) == pytest.approx(0.4, abs=0.01)
    started = time.monotonic()
    second.acquire()
    assert 0.3 <= time.monotonic() - started < 1.0


def test_a_429_beyond_max_wait_is_returned_without_holding_anyone(redis_url: str, prefix: str) -> None:
    first = process(redis_url, prefix, max_wait_s=1)
    learn(first, quota=10, left=9, reset_ms=60_000, window_ms=60_000)
    assert first.on_429(headers(10, 0, 30_000)) == pytest.approx(30, abs=0.01)
    process(redis_url, prefix, max_wait_s=0.01).acquire()  # not held


def test_a_store_that_sends_no_rate_limit_headers_is_not_limited(redis_url: str, prefix: str) -> None:
    limiter = process(redis_url, prefix, max_wait_s=0.01)
    limiter.update({"Content-Type": "application/json"}, limiter.acquire())
    for _ in range(50):
        limiter.acquire()
    assert field(redis_url, prefix + "abc123", "st") == "n"


def test_two_stores_never_share_a_window(redis_url: str, prefix: str) -> None:
    shared = RedisRateLimiter.from_url(redis_url, prefix=prefix)
    spent, fresh = shared.bind("store-one", max_wait_s=0.01), shared.bind("store-two", max_wait_s=0.01)
    learn(spent, quota=1, left=0, reset_ms=60_000, window_ms=60_000)
    with pytest.raises(RateLimitingException):
        spent.acquire()
    learn(fresh, quota=5, left=4, reset_ms=60_000, window_ms=60_000)
    fresh.acquire()
    keys = sorted(k.decode() for k in redis.Redis.from_url(redis_url).keys(prefix + "*"))
    assert keys == [prefix + "store-one", prefix + "store-two"]


def test_keys_expire_a_window_after_the_last_request(redis_url: str, prefix: str) -> None:
    limiter = process(redis_url, prefix)
    learn(limiter, quota=10, left=9, reset_ms=300, window_ms=300)
    ttl_ms = redis.Redis.from_url(redis_url).pttl(prefix + "abc123")
    assert 0 < ttl_ms <= 1300  # the reset plus one window (at least a second)
    time.sleep(1.4)
    assert redis.Redis.from_url(redis_url).exists(prefix + "abc123") == 0


def test_the_callback_fires_once_per_window_when_the_reserve_is_reached(redis_url: str, prefix: str) -> None:
    calls: list[Any] = []
    limiter = process(redis_url, prefix, reserve=2, callback=calls.append, callback_args="low")
    learn(limiter, quota=10, left=3, reset_ms=60_000, window_ms=60_000)
    limiter.update(headers(10, 2, 59_000, 60_000), limiter.acquire())
    limiter.update(headers(10, 2, 59_000, 60_000), Booking(True, int(field(redis_url, prefix + "abc123", "gen") or 0)))
    assert calls == ["low"]
    assert limiter.rate_limit == {"ms_until_reset": 59_000, "window_size_ms": 60_000, "requests_remaining": 2,
                                  "requests_quota": 10}


def test_redis_unreachable_falls_back_with_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    from redis_server import free_port

    shared = RedisRateLimiter.from_url(f"redis://127.0.0.1:{free_port()}/0", prefix="down:")
    limiter = shared.bind("abc123", max_wait_s=1)
    with caplog.at_level(logging.INFO, logger="bigcommerce.rate_limit"):
        for _ in range(20):
            booking = limiter.acquire()
            assert not booking.shared
            limiter.update(headers(100, 50, 10_000, 30_000), booking)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "Redis unreachable" in warnings[0].getMessage()
    assert isinstance(limiter._fallback_limiter, RateLimiter)


def test_no_password_shows_in_a_repr(redis_url: str) -> None:
    port = redis_url.rsplit(":", 1)[1].split("/")[0]
    shared = RedisRateLimiter.from_url(f"redis://:s3cret-pass@127.0.0.1:{port}/0")
    bound = shared.bind("abc123")
    for text in (repr(shared), repr(bound), str(shared)):
        assert "s3cret" not in text
    assert f"127.0.0.1:{port}/0" in repr(shared)


def test_bad_arguments_are_refused_before_anything_is_sent(redis_url: str) -> None:
    with pytest.raises(TypeError, match=r"redis\.Redis"):
        RedisRateLimiter(object())
    shared = RedisRateLimiter.from_url(redis_url)
    with pytest.raises(ValueError, match="store"):
        shared.bind("")
    with pytest.raises(ValueError, match="reserve"):
        shared.bind("abc", reserve=-1)


def test_the_core_never_imports_redis_unless_a_shared_limiter_is_made() -> None:
    code = ("import sys, bigcommerce; from bigcommerce import RedisRateLimiter, Connection; "
            "import bigcommerce.rate_limit, bigcommerce.connection, bigcommerce.api; "
            "print('redis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "False"
