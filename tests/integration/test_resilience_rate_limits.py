"""The store's quota against the sandbox: 429s waited out, the window respected, the old dict honoured."""
from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
from resilience_fixtures import (  # noqa: F401  (fixtures are found by name)
    EventOnLog,
    api_for,
    finish_within,
    make_sandbox,
    new_product_fields,
    per_window_counts,
    product_count,
    sb,
)

from bigcommerce.exception import RateLimitingException
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import FaultRule, Sandbox

QUOTA = 10
WINDOW_MS = 500


def give_up_quietly(api: Any) -> None:
    """An abandoned call, when it wakes against a stopped sandbox, fails at once: no retries, no jitter."""
    api.connection.retry = RetryPolicy.none()


def reset_429(reset_ms: int, **options: Any) -> FaultRule:
    return FaultRule(kind="status", status=429, headers={"X-Rate-Limit-Time-Reset-Ms": str(reset_ms)}, **options)


# -- 429 answers ------------------------------------------------------------------


def test_429_three_times_with_reset_headers_then_200_succeeds_with_default_settings(sb: Sandbox) -> None:
    rule = sb.faults.add(reset_429(50, path="products/1", times=3))
    api = api_for(sb)

    started = time.monotonic()
    product = finish_within(3, lambda: api.Products.get(1), on_timeout=lambda: give_up_quietly(api))
    elapsed = time.monotonic() - started

    assert product.id == 1
    assert rule.fired == 3
    assert sb.stats.by_status[429] == 3 and sb.stats.by_status[200] == 1
    assert elapsed >= 3 * 0.05 * 0.9  # each stated reset was waited out


def test_one_429_with_a_short_reset_costs_only_that_wait(sb: Sandbox) -> None:
    api = api_for(sb)
    api.Products.get(2)  # the quota is known: a 30 s window with plenty left
    sb.faults.add(reset_429(50, path="products/1", times=1))

    started = time.monotonic()
    product = finish_within(3, lambda: api.Products.get(1), on_timeout=lambda: give_up_quietly(api))

    assert product.id == 1
    assert time.monotonic() - started >= 0.045


def test_429_with_only_x_retry_after_is_waited_out(sb: Sandbox) -> None:
    sb.faults.add(FaultRule(kind="status", status=429, bare=True, headers={"X-Retry-After": "0.1"},
                            path="products/1", times=1))
    api = api_for(sb)

    started = time.monotonic()
    assert api.Products.get(1).id == 1
    assert time.monotonic() - started >= 0.09


def test_429_without_any_headers_is_waited_out_and_the_wait_holds_every_thread(sb: Sandbox) -> None:
    sb.faults.add(FaultRule(kind="status", status=429, bare=True, path="products/1", times=1))
    api = api_for(sb)
    waiting = EventOnLog("429")
    logger = logging.getLogger("bigcommerce")
    logger.addHandler(waiting)
    previous_level = logger.level
    logger.setLevel(logging.INFO)
    results: dict[str, Any] = {}

    def first() -> None:
        try:
            results["first"] = api.Products.get(1).id
        except Exception as error:  # reported below
            results["first"] = error

    thread = threading.Thread(target=first, daemon=True)
    try:
        thread.start()
        assert waiting.event.wait(5), "the 429 was never waited out"
        # The hold is in place: a request from another thread must wait for it too.
        second = api.Products.get(2).id
        thread.join(10)
    finally:
        logger.removeHandler(waiting)
        logger.setLevel(previous_level)

    assert results["first"] == 1 and second == 2
    stamps = sorted(sb.stats.api_times)
    assert len(stamps) == 3 and sb.stats.by_status[429] == 1
    # The headerless backoff starts at 1 s: nothing reached the store before it was over.
    assert stamps[1] - stamps[0] >= 0.9


def test_429_whose_reset_exceeds_max_rate_limit_wait_raises_with_retry_after_in_seconds(sb: Sandbox) -> None:
    sb.faults.add(reset_429(5000, path="products", times=None))
    api = api_for(sb, max_rate_limit_wait=1)

    with pytest.raises(RateLimitingException) as caught:
        api.Products.get(1)

    assert isinstance(caught.value.retry_after, float)
    assert caught.value.retry_after == pytest.approx(5.0)
    assert caught.value.status_code == 429
    assert sb.stats.count("GET", "products/1") == 1


def test_429_with_only_x_retry_after_beyond_the_cap_raises_with_that_many_seconds(sb: Sandbox) -> None:
    sb.faults.add(FaultRule(kind="status", status=429, bare=True, headers={"X-Retry-After": "7"},
                            path="products", times=None))
    api = api_for(sb, max_rate_limit_wait=2)

    with pytest.raises(RateLimitingException) as caught:
        api.Products.get(1)

    assert caught.value.retry_after == pytest.approx(7.0)


def test_a_spent_quota_refilling_later_than_max_rate_limit_wait_raises_before_sending(
    make_sandbox: Any,
) -> None:
    sandbox = make_sandbox(products=3, quota=1, window_ms=10_000)
    api = api_for(sandbox, max_rate_limit_wait=1)
    api.Products.get(1)

    with pytest.raises(RateLimitingException) as caught:
        api.Products.get(2)

    assert caught.value.retry_after is not None
    assert 8.0 <= caught.value.retry_after <= 10.0
    assert sandbox.stats.by_status[429] == 0
    assert sandbox.stats.count("GET", "products/2") == 0


def test_a_post_answered_429_is_retried_and_creates_exactly_one_object(sb: Sandbox) -> None:
    before = product_count(sb)
    rule = sb.faults.add(reset_429(50, method="POST", path="products", times=1))
    api = api_for(sb, retry=RetryPolicy.none())

    created = api.Products.create(**new_product_fields("Made after a 429"))

    assert rule.fired == 1
    assert sb.stats.count("POST", "products") == 2
    assert product_count(sb) == before + 1
    assert api.Products.get(created.id).name == "Made after a 429"


def test_a_real_429_caused_by_another_client_spending_the_quota_is_waited_out(make_sandbox: Any) -> None:
    sandbox = make_sandbox(products=3, quota=QUOTA, window_ms=1000)
    ours, theirs = api_for(sandbox), api_for(sandbox)
    ours.Products.get(1)  # we now believe 9 are left
    for _ in range(QUOTA - 1):
        theirs.Products.get(2)

    assert ours.Products.get(3).id == 3
    assert sandbox.stats.by_status[429] == 1


# -- pacing inside the quota ------------------------------------------------------


def test_a_loop_over_several_windows_never_provokes_a_429_and_waits_for_each_reset(make_sandbox: Any) -> None:
    sandbox = make_sandbox(products=3)
    sandbox.set_quota(QUOTA, WINDOW_MS)
    api = api_for(sandbox)

    started = time.monotonic()
    for _ in range(35):
        api.Products.get(1)
    elapsed = time.monotonic() - started

    assert sandbox.stats.by_status[429] == 0
    assert sandbox.stats.by_status[200] == 35
    assert elapsed >= 3 * WINDOW_MS / 1000 * 0.9  # 35 requests need 4 windows: 3 resets waited for
    assert max(per_window_counts(sandbox.stats.api_times, WINDOW_MS)) <= QUOTA


def test_rate_limit_exposes_the_last_values_under_the_old_keys(make_sandbox: Any) -> None:
    sandbox = make_sandbox(products=3, quota=QUOTA, window_ms=5000)
    api = api_for(sandbox)
    api.Products.get(1)
    api.Products.get(2)

    limits = api.connection.rate_limit

    assert set(limits) == {"ms_until_reset", "window_size_ms", "requests_remaining", "requests_quota"}
    assert limits["requests_quota"] == QUOTA
    assert limits["window_size_ms"] == 5000
    assert limits["requests_remaining"] == QUOTA - 2
    assert 0 < limits["ms_until_reset"] <= 5000


def test_the_old_rate_limiting_management_dict_keeps_a_reserve_and_calls_back_once_per_window(
    make_sandbox: Any,
) -> None:
    sandbox = make_sandbox(products=3, quota=QUOTA, window_ms=WINDOW_MS)
    calls: list[Any] = []
    args = {"store": "resilience"}
    api = api_for(sandbox, rate_limiting_management={
        "min_requests_remaining": 2,
        "wait": True,
        "callback_function": calls.append,
        "callback_args": args,
    })

    for _ in range(25):  # 8 a window with 2 kept back: windows of 8, 8, 8 and 1
        api.Products.get(1)

    assert sandbox.stats.by_status[429] == 0
    assert max(per_window_counts(sandbox.stats.api_times, WINDOW_MS)) <= QUOTA - 2
    assert len(calls) == 3
    assert all(call is args for call in calls)


def test_the_old_callback_without_args_is_called_without_arguments(make_sandbox: Any) -> None:
    sandbox = make_sandbox(products=3, quota=QUOTA, window_ms=WINDOW_MS)
    calls: list[str] = []
    api = api_for(sandbox, rate_limiting_management={
        "min_requests_remaining": 3,
        "callback_function": lambda: calls.append("called"),
    })

    for _ in range(QUOTA - 3):
        api.Products.get(1)

    assert calls == ["called"]


def test_wait_false_never_sleeps_ahead_of_time(make_sandbox: Any) -> None:
    sandbox = make_sandbox(products=3, quota=QUOTA, window_ms=2000)
    calls: list[Any] = []
    api = api_for(sandbox, rate_limiting_management={
        "min_requests_remaining": 2,
        "wait": False,
        "callback_function": calls.append,
        "callback_args": "low",
    })

    for _ in range(QUOTA):
        api.Products.get(1)

    # With wait=True the 9th request would have waited for the next window.
    assert sandbox.quota.windows_opened == 1
    assert sandbox.stats.by_status[200] == QUOTA and sandbox.stats.by_status[429] == 0
    assert calls  # the threshold was crossed and reported


def test_wait_false_still_waits_out_a_429(make_sandbox: Any) -> None:
    sandbox = make_sandbox(products=3, quota=QUOTA, window_ms=1000)
    api = api_for(sandbox, rate_limiting_management={"wait": False})

    for _ in range(QUOTA + 2):
        api.Products.get(1)

    assert sandbox.stats.by_status[429] == 1
    assert sandbox.stats.by_status[200] == QUOTA + 2
