"""Hung servers, unreadable bodies and redirects: each ends in the right exception, never a hang or a leak."""
from __future__ import annotations

import pytest
from resilience_fixtures import (  # noqa: F401  (fixtures are found by name)
    SleepRecorder,
    SpyServer,
    api_for,
    make_sandbox,
    new_product_fields,
    product_count,
    sb,
    sleeps,
)

from bigcommerce.exception import (
    BigcommerceError,
    HttpException,
    RedirectionException,
    RequestTimeout,
    ResponseDecodeError,
)
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import FaultRule, Sandbox
from bigcommerce.sandbox.faults import NOT_JSON_BODY

# A hung request is released by the sandbox after this (or when it stops).
HANG_S = 5.0
CUT_JSON = b'[{"id": 1, "na'


# -- timeouts ---------------------------------------------------------------------


def test_a_server_that_never_answers_raises_request_timeout_with_the_configured_read_timeout(
    sb: Sandbox, sleeps: SleepRecorder
) -> None:
    rule = sb.faults.add(FaultRule(kind="hang", path="products", hang_s=HANG_S, times=None))
    api = api_for(sb, timeout=(2, 0.5), retry=RetryPolicy(max_retries=1, sleep=sleeps))

    with pytest.raises(RequestTimeout) as caught:
        api.Products.get(1)

    assert rule.fired == 2  # the GET was sent again once, and timed out again
    assert caught.value.method == "GET"
    assert caught.value.path == "/products/1"
    assert "read timeout" in str(caught.value)
    assert len(sleeps.waits) == 1


def test_a_per_call_timeout_overrides_the_connection_default(sb: Sandbox) -> None:
    rule = sb.faults.add(FaultRule(kind="hang", path="products", hang_s=HANG_S, times=None))
    api = api_for(sb, retry=RetryPolicy.none())  # default timeout (10, 30): only the per-call one can fire

    with pytest.raises(RequestTimeout):
        api.connection.request("GET", "products", timeout=0.5)

    assert rule.fired == 1


def test_a_get_that_hangs_once_is_retried_and_succeeds(sb: Sandbox, sleeps: SleepRecorder) -> None:
    rule = sb.faults.add(FaultRule(kind="hang", path="products/4", hang_s=HANG_S, times=1))
    api = api_for(sb, timeout=(2, 0.5), retry=RetryPolicy(sleep=sleeps))

    assert api.Products.get(4).id == 4
    assert rule.fired == 1
    assert len(sleeps.waits) == 1


def test_a_post_that_times_out_is_not_sent_again(sb: Sandbox, sleeps: SleepRecorder) -> None:
    before = product_count(sb)
    rule = sb.faults.add(FaultRule(kind="hang", method="POST", path="products", hang_s=HANG_S, times=None))
    api = api_for(sb, timeout=(2, 0.5), retry=RetryPolicy(sleep=sleeps))

    with pytest.raises(RequestTimeout):
        api.Products.create(**new_product_fields())

    assert rule.fired == 1
    assert sleeps.waits == []
    assert product_count(sb) == before


def test_request_timeout_is_a_bigcommerce_error_and_not_an_http_exception(sb: Sandbox) -> None:
    sb.faults.add(FaultRule(kind="hang", path="products", hang_s=HANG_S, times=None))
    api = api_for(sb, timeout=0.3, retry=RetryPolicy.none())

    with pytest.raises(BigcommerceError) as caught:
        api.Products.all()

    assert isinstance(caught.value, RequestTimeout)
    assert not isinstance(caught.value, HttpException)


# -- bodies that are not JSON -----------------------------------------------------


def test_200_with_a_body_that_is_not_json_raises_response_decode_error_with_status_and_preview(
    sb: Sandbox, sleeps: SleepRecorder
) -> None:
    sb.faults.add(FaultRule(kind="invalid_json", path="products", times=1))
    api = api_for(sb, retry=RetryPolicy(sleep=sleeps))

    with pytest.raises(ResponseDecodeError) as caught:
        api.Products.all()

    error = caught.value
    assert error.status_code == 200
    assert error.content == NOT_JSON_BODY
    assert NOT_JSON_BODY[:30].decode() in str(error)
    assert "/products" in str(error)
    assert sb.stats.count("GET", "products") == 1
    assert sleeps.waits == []


def test_200_with_complete_but_truncated_json_raises_response_decode_error_with_the_first_bytes(
    sb: Sandbox,
) -> None:
    sb.faults.add(FaultRule(kind="status", status=200, path="products", body=CUT_JSON, times=1))
    api = api_for(sb)

    with pytest.raises(ResponseDecodeError) as caught:
        api.Products.all()

    assert caught.value.status_code == 200
    assert caught.value.content == CUT_JSON
    assert CUT_JSON.decode() in str(caught.value)


def test_a_long_unreadable_body_is_quoted_only_in_part(sb: Sandbox) -> None:
    body = b"<html>" + b"x" * 5000 + b"</html>"
    sb.faults.add(FaultRule(kind="status", status=200, path="products", body=body,
                            content_type="text/html", times=1))
    api = api_for(sb)

    with pytest.raises(ResponseDecodeError) as caught:
        api.Products.all()

    assert "<html>xxxx" in str(caught.value)
    assert len(str(caught.value)) < 1000


# -- redirects --------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_host_raises_redirection_exception_and_the_other_host_gets_nothing(
    sb: Sandbox, status: int
) -> None:
    with SpyServer() as other:
        target = f"{other.url}/x"
        sb.faults.add(FaultRule(kind="redirect", status=status, location=target, path="products", times=None))
        api = api_for(sb)

        with pytest.raises(RedirectionException) as caught:
            api.Products.get(1)

        assert caught.value.location == target
        assert caught.value.status_code == status
        assert "redirect not followed" in str(caught.value)
        assert other.requests == []
    assert sb.stats.count("GET", "products/1") == 1


def test_a_post_redirected_with_307_is_not_resent_anywhere(sb: Sandbox) -> None:
    before = product_count(sb)
    with SpyServer() as other:
        target = f"{other.url}/x"
        sb.faults.add(FaultRule(kind="redirect", status=307, location=target, method="POST", path="products"))
        api = api_for(sb)

        with pytest.raises(RedirectionException) as caught:
            api.Products.create(**new_product_fields())

        assert caught.value.location == target
        assert other.requests == []
    assert sb.stats.count("POST", "products") == 1
    assert product_count(sb) == before


def test_a_redirect_to_the_same_host_is_not_followed_either(sb: Sandbox) -> None:
    target = f"{sb.api_url}/products/2"
    sb.faults.add(FaultRule(kind="redirect", location=target, path="products/1"))
    api = api_for(sb)

    with pytest.raises(RedirectionException) as caught:
        api.Products.get(1)

    assert caught.value.location == target
    assert sb.stats.count("GET", "products/2") == 0
