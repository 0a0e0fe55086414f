"""Walking many pages of a 600-product store: every id once, in order, with as few requests as the API allows."""
from __future__ import annotations

import math
from itertools import islice
from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import OrderStatuses, ProductImages, Products
from bigcommerce.sandbox import Sandbox

TOTAL = 600


def stored_ids(sandbox: Sandbox, table: str = "products", **match: Any) -> list[int]:
    return [row["id"] for row in sandbox.store.dump()[table] if all(row.get(k) == v for k, v in match.items())]


def page_requests(sandbox: Sandbox, path: str = "products") -> int:
    return sandbox.stats.count("GET", path)


def test_the_module_store_holds_600_products(sandbox: Sandbox) -> None:
    assert stored_ids(sandbox) == list(range(1, TOTAL + 1))


def test_iterall_yields_every_id_exactly_once_in_ascending_order(api: BigcommerceApi, sandbox: Sandbox) -> None:
    products = list(api.Products.iterall())

    ids = [p.id for p in products]
    assert ids == stored_ids(sandbox)
    assert len(ids) == len(set(ids)) == TOTAL
    assert all(type(p) is Products for p in products)
    assert page_requests(sandbox) == 3  # 250 + 250 + a short page of 100 ends the walk


def test_iterall_over_basic_auth_walks_the_same_pages(basic_api: BigcommerceApi, sandbox: Sandbox) -> None:
    assert [p.id for p in basic_api.Products.iterall()] == stored_ids(sandbox)


def test_iterall_is_lazy_and_requests_the_next_page_only_when_needed(api: BigcommerceApi, sandbox: Sandbox) -> None:
    walk = api.Products.iterall(limit=100)

    first = next(walk)

    assert first.id == 1 and page_requests(sandbox) == 1
    for _ in range(100):
        next(walk)
    assert page_requests(sandbox) == 2


def test_iterall_with_limit_7_walks_86_pages_and_yields_every_id_once(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    ids = [p.id for p in api.Products.iterall(limit=7)]

    assert ids == stored_ids(sandbox)
    assert page_requests(sandbox) == math.ceil(TOTAL / 7) == 86


@pytest.mark.parametrize("limit", [100, 200, 250])
def test_a_last_full_page_is_followed_by_one_request_answered_204(
    api: BigcommerceApi, sandbox: Sandbox, limit: int
) -> None:
    ids = [p.id for p in api.Products.iterall(limit=limit)]

    assert ids == stored_ids(sandbox)
    full_pages = TOTAL // limit
    assert page_requests(sandbox) == full_pages + 1
    assert sandbox.stats.by_status[204] == (1 if TOTAL % limit == 0 else 0)


def test_iterall_starting_at_page_3_skips_the_first_two_pages(api: BigcommerceApi, sandbox: Sandbox) -> None:
    assert [p.id for p in api.Products.iterall(page=3)] == stored_ids(sandbox)[500:]
    assert [p.id for p in api.Products.iterall(page=3, limit=50)] == stored_ids(sandbox)[100:]


def test_iterall_starting_past_the_end_yields_nothing_after_one_request(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    assert list(api.Products.iterall(page=4)) == []
    assert page_requests(sandbox) == 1


def test_iterall_with_a_filter_matching_nothing_yields_nothing_after_one_request(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    assert list(api.Products.iterall(name="No product is called this")) == []
    assert page_requests(sandbox) == 1
    assert sandbox.stats.by_status[204] == 1


def test_iterall_with_a_filter_walks_only_the_matches(api: BigcommerceApi, sandbox: Sandbox) -> None:
    visible = stored_ids(sandbox, is_visible=True)

    assert [p.id for p in api.Products.iterall(is_visible=True, limit=100)] == visible
    assert page_requests(sandbox) == math.ceil(len(visible) / 100) + (len(visible) % 100 == 0)


def test_subresource_iterall_walks_every_page_of_one_parent(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = next(row["product_id"] for row in sandbox.store.dump()["product_images"]
               if len(stored_ids(sandbox, "product_images", product_id=row["product_id"])) == 3)
    expected = stored_ids(sandbox, "product_images", product_id=pid)

    images = list(api.ProductImages.iterall(pid, limit=1))

    assert [i.id for i in images] == expected
    assert all(type(i) is ProductImages and i.product_id == pid for i in images)
    assert page_requests(sandbox, f"products/{pid}/images") == 4  # three full pages of 1, then a 204
    assert [i.id for i in api.Products.get(pid).images.iterall(limit=2)] == expected


def test_subresource_iterall_of_a_large_child_list_yields_every_state(api: BigcommerceApi, sandbox: Sandbox) -> None:
    us = next(row["id"] for row in sandbox.store.dump()["countries"] if row["country_iso2"] == "US")
    expected = stored_ids(sandbox, "country_states", country_id=us)

    states = list(api.CountryStates.iterall(us, limit=10))

    assert [s.id for s in states] == expected and len(expected) == 51
    assert page_requests(sandbox, f"countries/{us}/states") == 6
    assert [s.id for s in api.Countries.get(us).states.iterall()] == expected


def test_order_statuses_iterall_makes_exactly_one_request(api: BigcommerceApi, sandbox: Sandbox) -> None:
    statuses = list(api.OrderStatuses.iterall())

    assert [s.id for s in statuses] == stored_ids(sandbox, "order_statuses")
    assert len(statuses) == 15 and all(type(s) is OrderStatuses for s in statuses)
    assert page_requests(sandbox, "order_statuses") == 1


def test_order_statuses_all_returns_the_whole_list(api: BigcommerceApi, sandbox: Sandbox) -> None:
    assert len(api.OrderStatuses.all()) == 15


@pytest.mark.parametrize("limit", [50, 200, 250])
def test_iterall_with_concurrency_4_equals_the_sequential_walk(
    api: BigcommerceApi, sandbox: Sandbox, limit: int
) -> None:
    sequential = [p.id for p in api.Products.iterall(limit=limit)]

    concurrent = [p.id for p in api.Products.iterall(concurrency=4, limit=limit)]

    assert concurrent == sequential == stored_ids(sandbox)


def test_concurrent_iterall_keeps_filters_and_the_start_page(api: BigcommerceApi, sandbox: Sandbox) -> None:
    sequential = [p.id for p in api.Products.iterall(is_visible=True, page=2, limit=30)]

    concurrent = [p.id for p in api.Products.iterall(is_visible=True, page=2, limit=30, concurrency=4)]

    assert concurrent == sequential == stored_ids(sandbox, is_visible=True)[30:]


def test_concurrent_iterall_of_a_subresource_equals_the_sequential_walk(api: BigcommerceApi, sandbox: Sandbox) -> None:
    us = next(row["id"] for row in sandbox.store.dump()["countries"] if row["country_iso2"] == "US")

    concurrent = [s.id for s in api.CountryStates.iterall(us, limit=5, concurrency=4)]

    assert concurrent == stored_ids(sandbox, "country_states", country_id=us)


def test_concurrent_iterall_really_fetches_pages_at_the_same_time(api: BigcommerceApi, sandbox: Sandbox) -> None:
    sandbox.set_latency(30)
    try:
        ids = [p.id for p in api.Products.iterall(limit=50, concurrency=4)]
    finally:
        sandbox.set_latency(0)

    assert ids == stored_ids(sandbox)
    assert sandbox.stats.peak_in_flight >= 2
    assert page_requests(sandbox) <= TOTAL // 50 + 4


def test_a_finished_concurrent_walk_leaves_no_request_in_flight(sandbox: Sandbox) -> None:
    from bigcommerce.retry import RetryPolicy
    from bigcommerce.sandbox import FaultRule

    api = BigcommerceApi(**sandbox.oauth_kwargs(), retry=RetryPolicy.none())
    # Page 8 lies past the end (600 / 100). It is requested when page 4 is taken, about 100 ms
    # before page 7's 204 ends the walk, and then hangs: it is surely at the store when iterall returns.
    sandbox.set_latency(100)
    sandbox.faults.add(FaultRule(kind="hang", path="products", query={"page": "8", "limit": "100"}, hang_s=0.5))
    try:
        ids = [p.id for p in api.Products.iterall(limit=100, concurrency=4)]
        still_running = sandbox.stats.in_flight
    finally:
        sandbox.set_latency(0)

    assert ids == stored_ids(sandbox)
    assert still_running == 0


def test_all_past_the_end_returns_an_empty_list(api: BigcommerceApi, sandbox: Sandbox) -> None:
    assert api.Products.all(page=13) == []
    assert api.Products.all(page=3, limit=250) != []
    assert api.Products.all(page=4, limit=250) == []
    assert api.ProductImages.all(1, page=50) == []


def test_all_with_a_filter_matching_nothing_returns_an_empty_list(api: BigcommerceApi, sandbox: Sandbox) -> None:
    assert api.Products.all(name="No product is called this") == []
    with_skus = sandbox.store.dump()["product_skus"][0]["product_id"]
    assert api.ProductSkus.all(with_skus, sku="NO-SUCH-SKU") == []
    assert sandbox.stats.by_status[204] == 2


def test_an_empty_page_ends_the_walk(api: BigcommerceApi, sandbox: Sandbox) -> None:
    from bigcommerce.sandbox import FaultRule

    sandbox.faults.add(FaultRule(kind="status", status=200, body=b"[]", path="products", query={"page": "3"}))

    ids = [p.id for p in api.Products.iterall(limit=100)]

    assert ids == stored_ids(sandbox)[:200]
    assert page_requests(sandbox) == 3


def test_a_collection_that_ignores_page_is_walked_once_not_forever(api: BigcommerceApi, sandbox: Sandbox) -> None:
    from bigcommerce.sandbox import FaultRule

    same_page = b'[{"id": 1, "name": "first"}, {"id": 2, "name": "second"}]'
    sandbox.faults.add(FaultRule(kind="status", status=200, body=same_page, path="banners", times=None))

    banners = list(islice(api.Banners.iterall(limit=2), 20))  # bounded: a regression fails, not hangs
    concurrent = list(islice(api.Banners.iterall(limit=2, concurrency=4), 20))

    assert [b.id for b in banners] == [1, 2] == [b.id for b in concurrent]
    # Sequential: pages 1 and 2. Concurrent: pages 1-4 at once, page 5 when page 1
    # is taken; page 2 repeats page 1, so nothing more is requested.
    assert page_requests(sandbox, "banners") == 2 + 5


@pytest.mark.parametrize("call", ["all", "iterall"])
def test_limit_251_raises_value_error_before_any_request(api: BigcommerceApi, sandbox: Sandbox, call: str) -> None:
    with pytest.raises(ValueError, match="250"):
        list(getattr(api.Products, call)(limit=251)) if call == "iterall" else api.Products.all(limit=251)

    assert sandbox.stats.total == 0


@pytest.mark.parametrize("params", [{"page": 0}, {"limit": 0}, {"page": -1}, {"limit": "ten"}])
def test_a_page_or_limit_below_1_raises_value_error_before_any_request(
    api: BigcommerceApi, sandbox: Sandbox, params: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        api.Products.all(**params)
    with pytest.raises(ValueError):
        list(api.ProductImages.iterall(1, **params))

    assert sandbox.stats.total == 0


@pytest.mark.parametrize("concurrency", [0, 33, True])
def test_a_concurrency_out_of_range_raises_value_error_before_any_request(
    api: BigcommerceApi, sandbox: Sandbox, concurrency: Any
) -> None:
    with pytest.raises(ValueError):
        list(api.Products.iterall(concurrency=concurrency))

    assert sandbox.stats.total == 0


def test_the_stores_own_413_shows_why_the_client_checks_the_limit(api: BigcommerceApi) -> None:
    from bigcommerce.exception import ClientRequestException

    with pytest.raises(ClientRequestException) as caught:
        api.connection.get("products", limit=251)

    assert caught.value.status_code == 413
