"""Retries against the sandbox's fault injection: what is sent again, how often, and what never is."""
from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from resilience_fixtures import (  # noqa: F401  (fixtures are found by name)
    SleepRecorder,
    api_for,
    closed_port,
    make_sandbox,
    new_product_fields,
    new_sandbox,
    product_count,
    sb,
    sleeps,
)

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ConnectionFailed, ResourceNotFound, ServerException
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import NO_ANSWER, FaultRule, Sandbox

HTML_BAD_GATEWAY = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
CATALOG_SIZE = 2000


def quick_retries(sleeps: SleepRecorder, **options: object) -> RetryPolicy:
    """The default policy with its waits recorded instead of slept."""
    return RetryPolicy(sleep=sleeps, **options)  # type: ignore[arg-type]


# -- 5xx on idempotent requests ---------------------------------------------------


def test_503_then_502_html_then_200_succeeds_after_three_attempts_and_two_backoff_sleeps(
    sb: Sandbox, sleeps: SleepRecorder
) -> None:
    sb.faults.add(FaultRule(kind="status", status=503, path="products/1", times=1))
    sb.faults.add(FaultRule(kind="status", status=502, path="products/1", times=1,
                            body=HTML_BAD_GATEWAY, content_type="text/html"))
    api = api_for(sb, retry=quick_retries(sleeps))

    product = api.Products.get(1)

    assert product.id == 1
    assert sb.stats.count("GET", "products/1") == 3
    assert sb.stats.by_status[503] == 1 and sb.stats.by_status[502] == 1 and sb.stats.by_status[200] == 1
    assert len(sleeps.waits) == 2


def test_backoff_sleeps_grow_exponentially_without_jitter(sb: Sandbox, sleeps: SleepRecorder) -> None:
    sb.faults.add(FaultRule(kind="status", status=503, path="products/1", times=3))
    api = api_for(sb, retry=quick_retries(sleeps, backoff_s=0.25, jitter=False))

    assert api.Products.get(1).id == 1
    assert sleeps.waits == [0.25, 0.5, 1.0]


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_500_forever_raises_server_exception_after_max_retries(
    sb: Sandbox, sleeps: SleepRecorder, max_retries: int
) -> None:
    sb.faults.add(FaultRule(kind="status", status=500, path="products", times=None))
    api = api_for(sb, retry=quick_retries(sleeps, max_retries=max_retries))

    with pytest.raises(ServerException) as caught:
        api.Products.get(1)

    assert caught.value.status_code == 500
    assert sb.stats.count("GET", "products/1") == max_retries + 1
    assert len(sleeps.waits) == max_retries


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_idempotent_writes_answered_503_once_are_retried_and_succeed(
    sb: Sandbox, sleeps: SleepRecorder, method: str
) -> None:
    sb.faults.add(FaultRule(kind="status", status=503, method=method, path="products/3", times=1))
    api = api_for(sb, retry=quick_retries(sleeps))
    body = {"name": "Renamed"} if method == "PUT" else None

    api.connection.request(method, "products/3", json=body)

    assert sb.stats.count(method, "products/3") == 2
    assert len(sleeps.waits) == 1


def test_a_404_is_never_retried(sb: Sandbox, sleeps: SleepRecorder) -> None:
    api = api_for(sb, retry=quick_retries(sleeps))

    with pytest.raises(ResourceNotFound):
        api.Products.get(987654)

    assert sb.stats.count("GET", "products/987654") == 1
    assert sleeps.waits == []


# -- POST: never sent twice once it may have been processed -----------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_post_answered_5xx_is_sent_once_and_raises_server_exception(
    sb: Sandbox, sleeps: SleepRecorder, status: int
) -> None:
    sb.faults.add(FaultRule(kind="status", status=status, method="POST", path="products", times=None))
    api = api_for(sb, retry=quick_retries(sleeps))

    with pytest.raises(ServerException) as caught:
        api.Products.create(**new_product_fields())

    assert caught.value.status_code == status
    assert sb.stats.count("POST", "products") == 1
    assert sleeps.waits == []


def test_post_whose_create_is_processed_and_answer_dropped_creates_one_product_and_raises_connection_failed(
    sb: Sandbox, sleeps: SleepRecorder
) -> None:
    before = product_count(sb)
    rule = sb.faults.add(FaultRule(kind="drop_after", method="POST", path="products", times=None))
    api = api_for(sb, retry=quick_retries(sleeps))

    with pytest.raises(ConnectionFailed) as caught:
        api.Products.create(**new_product_fields("Created once"))

    assert rule.fired == 1
    assert product_count(sb) == before + 1
    assert [p["name"] for p in sb.store.dump()["products"]].count("Created once") == 1
    assert api.Products.count() == before + 1
    assert caught.value.method == "POST"
    assert sleeps.waits == []


def test_post_whose_connection_is_dropped_unanswered_is_not_sent_again(sb: Sandbox, sleeps: SleepRecorder) -> None:
    before = product_count(sb)
    rule = sb.faults.add(FaultRule(kind="drop", method="POST", path="products", times=None))
    api = api_for(sb, retry=quick_retries(sleeps))

    with pytest.raises(ConnectionFailed):
        api.Products.create(**new_product_fields())

    assert rule.fired == 1
    assert product_count(sb) == before


def test_post_to_a_port_where_nothing_listens_is_retried_max_retries_times_then_raises_connection_failed(
    sleeps: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bigcommerce")
    port = closed_port()
    api = BigcommerceApi(host=f"http://127.0.0.1:{port}", client_id="cid", store_hash="abc123",
                         access_token="token", retry=quick_retries(sleeps, max_retries=2))

    with pytest.raises(ConnectionFailed) as caught:
        api.Products.create(**new_product_fields())

    assert len(sleeps.waits) == 2
    assert "refused" in str(caught.value)
    retries = [r for r in caplog.records if r.name == "bigcommerce" and r.levelno == logging.INFO]
    assert len(retries) == 2
    assert all("POST" in r.getMessage() and "/products" in r.getMessage() for r in retries)


# -- logging ----------------------------------------------------------------------


def test_every_retry_is_logged_at_info_with_method_path_attempt_and_reason(
    sb: Sandbox, sleeps: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bigcommerce")
    sb.faults.add(FaultRule(kind="status", status=503, path="products/2", times=1))
    sb.faults.add(FaultRule(kind="drop", path="products/2", times=1))
    api = api_for(sb, retry=quick_retries(sleeps, max_retries=3))

    assert api.Products.get(2).id == 2

    retries = [r for r in caplog.records if r.name == "bigcommerce" and r.levelno == logging.INFO]
    assert len(retries) == 2
    first, second = (r.getMessage() for r in retries)
    assert "GET" in first and "/products/2" in first and "attempt 2 of 4" in first and "503" in first
    assert "GET" in second and "/products/2" in second and "attempt 3 of 4" in second
    assert "connection" in second


# -- a connection lost in the middle of a long walk -------------------------------


@pytest.fixture(scope="module")
def catalog() -> Iterator[Sandbox]:
    """2,000 products, shared by the walks below (which only read)."""
    sandbox = new_sandbox(products=CATALOG_SIZE)
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture
def clean_catalog(catalog: Sandbox) -> Iterator[Sandbox]:
    catalog.faults.clear()
    catalog.stats.reset()
    yield catalog
    catalog.faults.clear()


@pytest.mark.parametrize("concurrency", [1, 4])
@pytest.mark.parametrize("kind", ["drop", "truncate"])
def test_iterall_survives_a_connection_lost_in_the_middle_of_page_3(
    clean_catalog: Sandbox, sleeps: SleepRecorder, kind: str, concurrency: int
) -> None:
    expected = sorted(p["id"] for p in clean_catalog.store.dump()["products"])
    rule = clean_catalog.faults.add(FaultRule(kind=kind, path="products", query={"page": "3"}, times=1))
    api = api_for(clean_catalog, retry=quick_retries(sleeps))

    ids = [product.id for product in api.Products.iterall(concurrency=concurrency)]

    assert rule.fired == 1
    assert len(expected) == CATALOG_SIZE
    assert ids == expected
    assert len(set(ids)) == CATALOG_SIZE
    assert len(sleeps.waits) == 1
    if kind == "drop":
        assert clean_catalog.stats.by_status[NO_ANSWER] == 1


def test_iterall_gives_up_with_connection_failed_when_page_3_keeps_failing(
    clean_catalog: Sandbox, sleeps: SleepRecorder
) -> None:
    clean_catalog.faults.add(FaultRule(kind="drop", path="products", query={"page": "3"}, times=None))
    api = api_for(clean_catalog, retry=quick_retries(sleeps, max_retries=2))
    seen: list[int] = []

    with pytest.raises(ConnectionFailed):
        for product in api.Products.iterall():
            seen.append(product.id)

    assert len(seen) == 500
    assert len(sleeps.waits) == 2

