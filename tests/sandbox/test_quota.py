"""The store-like rate-limit window: headers on every answer, 429 when spent, reset."""
from __future__ import annotations

import math
import time
from typing import Callable

import pytest
import requests

from bigcommerce.sandbox import UNLIMITED_QUOTA, RateWindow, Sandbox

TIMEOUT_S = 5
MakeSandbox = Callable[..., Sandbox]


def get(sb: Sandbox, path: str = "products/1") -> requests.Response:
    return requests.get(f"{sb.api_url}/{path}", headers={"X-Auth-Token": sb.access_token}, timeout=TIMEOUT_S)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# -- the window alone -------------------------------------------------------------
def test_window_counts_down_refuses_then_resets() -> None:
    clock = FakeClock()
    window = RateWindow(3, 1000, clock=clock)
    results = [window.take() for _ in range(4)]
    assert [allowed for allowed, _ in results] == [True, True, True, False]
    assert [state.left for _, state in results] == [2, 1, 0, 0]
    clock.now += 0.4
    state = window.peek()
    assert state.reset_ms == 600 and state.left == 0
    clock.now += 0.6
    allowed, state = window.take()
    assert allowed and state.left == 2 and state.reset_ms == 1000


def test_retry_after_is_whole_seconds_rounded_up() -> None:
    clock = FakeClock()
    window = RateWindow(1, 30_000, clock=clock)
    window.take()
    clock.now += 28.7
    _, state = window.take()
    assert state.reset_ms == 1300 and state.retry_after_s == 2


def test_unlimited_window_shows_a_large_quota_and_counts() -> None:
    window = RateWindow(None)
    _, state = window.take()
    assert state.quota == UNLIMITED_QUOTA and state.left == UNLIMITED_QUOTA - 1
    assert state.window_ms == 30_000


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        RateWindow(-1)
    with pytest.raises(ValueError):
        RateWindow(5, 0)


# -- over HTTP --------------------------------------------------------------------
def test_429_when_the_window_is_spent_then_the_window_resets(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=2, quota=3, window_ms=400)
    first = [get(sb) for _ in range(3)]
    assert [r.status_code for r in first] == [200, 200, 200]
    assert [r.headers["X-Rate-Limit-Requests-Left"] for r in first] == ["2", "1", "0"]
    assert all(r.headers["X-Rate-Limit-Requests-Quota"] == "3" for r in first)
    assert all(r.headers["X-Rate-Limit-Time-Window-Ms"] == "400" for r in first)

    refused = get(sb)
    assert refused.status_code == 429
    assert refused.json()[0]["status"] == 429
    reset_ms = int(refused.headers["X-Rate-Limit-Time-Reset-Ms"])
    assert 0 < reset_ms <= 400
    assert refused.headers["X-Rate-Limit-Requests-Left"] == "0"
    assert refused.headers["X-Retry-After"] == str(max(1, math.ceil(reset_ms / 1000)))
    assert len(sb.store.calls) == 3  # a 429 is refused before the store

    time.sleep(reset_ms / 1000 + 0.05)
    after = get(sb)
    assert after.status_code == 200
    assert after.headers["X-Rate-Limit-Requests-Left"] == "2"


def test_reset_ms_counts_down_within_a_window(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1, quota=100, window_ms=5000)
    first = int(get(sb).headers["X-Rate-Limit-Time-Reset-Ms"])
    time.sleep(0.2)
    second = int(get(sb).headers["X-Rate-Limit-Time-Reset-Ms"])
    assert 4700 <= second <= first - 150


def test_unauthenticated_and_token_requests_use_no_quota(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1, quota=2, window_ms=30_000)
    for _ in range(3):
        assert requests.get(f"{sb.api_url}/products", timeout=TIMEOUT_S).status_code == 401
        assert requests.post(sb.token_url, data=sb.token_request(), timeout=TIMEOUT_S).status_code == 200
    assert [get(sb).status_code for _ in range(3)] == [200, 200, 429]


def test_quota_counts_graphql_and_basic_auth_requests(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1, quota=2, window_ms=30_000)
    graphql = requests.post(
        sb.graphql_url, json={"query": "{ system { time } }"}, headers={"X-Auth-Token": sb.access_token},
        timeout=TIMEOUT_S,
    )
    basic = requests.get(f"{sb.basic_api_url}/products/1", auth=(sb.username, sb.api_token), timeout=TIMEOUT_S)
    assert (graphql.status_code, basic.status_code) == (200, 200)
    assert get(sb).status_code == 429


def test_set_quota_changes_the_limit_at_runtime(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1)
    assert int(get(sb).headers["X-Rate-Limit-Requests-Quota"]) == UNLIMITED_QUOTA
    sb.set_quota(1, 10_000)
    assert get(sb).status_code == 200
    assert get(sb).status_code == 429
    sb.set_quota(None)
    assert get(sb).status_code == 200


def test_stats_show_at_most_quota_requests_served_per_window(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox(products=1, quota=5, window_ms=300)
    served = 0
    deadline = time.monotonic() + 0.9
    while time.monotonic() < deadline:
        if get(sb).status_code == 200:
            served += 1
    assert sb.stats.by_status[429] > 0
    # Every API request is stamped, refused ones too: the busiest span holds more than the quota...
    assert sb.stats.max_in_window(300) > 5
    # ...while the windows that opened each served at most the quota.
    assert served <= 5 * sb.quota.windows_opened
