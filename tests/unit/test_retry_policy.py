"""RetryPolicy as a value: what may be sent again, how long to wait, and which arguments it refuses."""
from __future__ import annotations

import dataclasses
import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bigcommerce.retry import (
    DEFAULT_BACKOFF_S,
    DEFAULT_MAX_BACKOFF_S,
    DEFAULT_MAX_RETRIES,
    IDEMPOTENT_METHODS,
    RETRY_STATUSES,
    RetryPolicy,
)

SAFE_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "get", "Put", "delete"]
UNSAFE_METHODS = ["POST", "PATCH", "post"]


def test_the_defaults_are_three_retries_half_a_second_doubling_capped_at_thirty_with_jitter() -> None:
    policy = RetryPolicy()

    assert (policy.max_retries, policy.backoff_s, policy.max_backoff_s, policy.jitter) == (
        DEFAULT_MAX_RETRIES, DEFAULT_BACKOFF_S, DEFAULT_MAX_BACKOFF_S, True) == (3, 0.5, 30.0, True)
    assert policy.retry_statuses == frozenset({500, 502, 503, 504}) == RETRY_STATUSES
    assert policy.sleep is time.sleep
    assert IDEMPOTENT_METHODS == {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}


# -- which answers are retried ----------------------------------------------------


@pytest.mark.parametrize("method", SAFE_METHODS)
@pytest.mark.parametrize("status", sorted(RETRY_STATUSES))
def test_idempotent_methods_are_retried_on_500_502_503_504(method: str, status: int) -> None:
    policy = RetryPolicy()

    assert [policy.may_retry_status(method, status, n) for n in range(4)] == [True, True, True, False]


@pytest.mark.parametrize("method", UNSAFE_METHODS)
@pytest.mark.parametrize("status", sorted(RETRY_STATUSES))
def test_post_and_patch_are_never_retried_on_a_5xx(method: str, status: int) -> None:
    assert not RetryPolicy().may_retry_status(method, status, 0)


@pytest.mark.parametrize("status", [200, 204, 301, 400, 401, 403, 404, 405, 409, 413, 422, 429, 501, 505, 507])
def test_other_statuses_are_not_retried_by_the_policy(status: int) -> None:
    assert not RetryPolicy().may_retry_status("GET", status, 0)


def test_the_retried_statuses_can_be_narrowed() -> None:
    policy = RetryPolicy(retry_statuses=frozenset({503}))

    assert policy.may_retry_status("GET", 503, 0)
    assert not policy.may_retry_status("GET", 500, 0)


# -- which failures without an answer are retried ----------------------------------


@pytest.mark.parametrize("method", SAFE_METHODS + UNSAFE_METHODS)
def test_a_request_that_never_left_is_retried_for_every_method(method: str) -> None:
    policy = RetryPolicy(max_retries=2)

    assert [policy.may_retry_failure(method, n, reached_server=False) for n in range(3)] == [True, True, False]


@pytest.mark.parametrize("method", SAFE_METHODS)
def test_a_request_that_may_have_arrived_is_retried_only_when_idempotent(method: str) -> None:
    assert RetryPolicy().may_retry_failure(method, 0, reached_server=True)


@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_a_post_that_may_have_arrived_is_never_retried(method: str) -> None:
    assert not RetryPolicy().may_retry_failure(method, 0, reached_server=True)


# -- backoff ------------------------------------------------------------------------


def test_backoff_doubles_from_backoff_s_and_stops_at_the_cap() -> None:
    policy = RetryPolicy(backoff_s=1.0, max_backoff_s=5.0, jitter=False)

    assert [policy.backoff(n) for n in range(6)] == [1.0, 2.0, 4.0, 5.0, 5.0, 5.0]


def test_backoff_with_the_defaults_reaches_the_thirty_second_cap() -> None:
    policy = RetryPolicy(jitter=False)

    assert [policy.backoff(n) for n in range(8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]


def test_backoff_stays_at_the_cap_for_any_number_of_retries() -> None:
    policy = RetryPolicy(max_retries=5000, jitter=False)

    assert policy.backoff(2000) == DEFAULT_MAX_BACKOFF_S


def test_a_zero_backoff_never_waits() -> None:
    policy = RetryPolicy(backoff_s=0)

    assert [policy.backoff(n) for n in range(5)] == [0, 0, 0, 0, 0]


@settings(max_examples=200, deadline=None)
@given(
    retry=st.integers(min_value=0, max_value=60),
    backoff_s=st.floats(min_value=0, max_value=10),
    cap=st.floats(min_value=0, max_value=120),
    share=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_jittered_backoff_is_never_negative_and_never_above_the_ceiling(
    retry: int, backoff_s: float, cap: float, share: float
) -> None:
    policy = RetryPolicy(backoff_s=backoff_s, max_backoff_s=cap, random=lambda: share)
    ceiling = min(backoff_s * 2 ** retry, cap)

    wait = policy.backoff(retry)

    assert 0 <= wait <= ceiling
    assert math.isfinite(wait)


def test_jitter_spreads_the_waits_of_many_clients() -> None:
    policy = RetryPolicy(backoff_s=1.0)

    waits = {policy.backoff(2) for _ in range(200)}

    assert len(waits) > 100
    assert all(0 <= w <= 4.0 for w in waits)


def test_jitter_uses_the_injected_random_source() -> None:
    low = RetryPolicy(backoff_s=1.0, random=lambda: 0.0)
    high = RetryPolicy(backoff_s=1.0, random=lambda: 0.999999)

    assert low.backoff(3) < high.backoff(3) <= 8.0


# -- none() ---------------------------------------------------------------------------


def test_none_never_retries_anything() -> None:
    policy = RetryPolicy.none()

    assert policy.max_retries == 0
    assert not policy.may_retry_status("GET", 503, 0)
    assert not policy.may_retry_failure("GET", 0, reached_server=False)
    assert not policy.may_retry_failure("POST", 0, reached_server=False)


# -- a value ----------------------------------------------------------------------------


def test_a_policy_is_frozen() -> None:
    policy = RetryPolicy()

    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.max_retries = 10  # type: ignore[misc]


def test_policies_compare_by_their_settings_not_their_sleep() -> None:
    assert RetryPolicy(sleep=lambda s: None) == RetryPolicy()
    assert RetryPolicy(max_retries=1) != RetryPolicy()
    assert "max_retries=3" in repr(RetryPolicy())


# -- argument validation -------------------------------------------------------------------


@pytest.mark.parametrize("max_retries", [-1, 1.5, "3", None, True])
def test_max_retries_must_be_a_non_negative_int(max_retries: object) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_retries=max_retries)  # type: ignore[arg-type]


@pytest.mark.parametrize("options", [{"backoff_s": -0.1}, {"max_backoff_s": -1}])
def test_negative_waits_are_refused(options: dict) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**options)


@pytest.mark.parametrize("options", [{"backoff_s": float("nan")}, {"max_backoff_s": float("nan")}])
def test_a_nan_wait_is_refused_when_the_policy_is_made(options: dict) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**options)
