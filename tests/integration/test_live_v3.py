"""The v3 client against the sandbox's v3 view, over loopback HTTP: one store behind both versions.

The contract's calls as v3-interface.md and the README write them; what a call
sent is read from the sandbox's request statistics, what it changed from the
store itself and from the v2 view.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import BatchItemFailed, ClientRequestException, HttpException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import BatchResult, Customers, Products, ProductVariants


@pytest.fixture(scope="module")
def big_shop(fresh_module_sandbox: Callable[..., Sandbox]) -> Sandbox:
    """1,000 products (some with variants), 30 customers: walked, never written."""
    return fresh_module_sandbox(products=1000, customers=30, orders=0)


def v3_requests(sandbox: Sandbox, method: str, path: str) -> int:
    """How many v3 requests the store answered for ``path`` (relative to /v3/)."""
    return sandbox.stats.count(method, "v3/" + path)


# -- the catalog ---------------------------------------------------------------------------------------


def test_a_product_with_variants_created_through_v3_is_read_through_v2_and_v3(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    created = api.v3.Products.create(
        name="Kettle of three colours", type="physical", weight=1, price=49.99,
        variants=[{"sku": f"KETTLE-{colour}", "price": 49.99,
                   "option_values": [{"option_display_name": "Colour", "label": colour}]}
                  for colour in ("red", "green", "blue")],
    )

    v2 = api.Products.get(created.id)
    skus = api.ProductSkus.all(created.id)
    variants = created.variants()
    again = api.v3.Products.get(created.id, include=["variants"])

    assert isinstance(created, Products) and created.price == 49.99
    assert v2.name == "Kettle of three colours" and v2.price == "49.9900"
    assert sorted(s.sku for s in skus) == ["KETTLE-blue", "KETTLE-green", "KETTLE-red"]
    assert sorted(v.sku for v in variants) == sorted(s.sku for s in skus)
    assert all(isinstance(v, ProductVariants) and v.parent_ids() == (created.id,) for v in variants)
    assert sorted(v["sku"] for v in again["variants"]) == sorted(s.sku for s in skus)


def test_one_page_count_update_and_delete_as_the_readme_shows(api: BigcommerceApi, sandbox: Sandbox) -> None:
    page = api.v3.Products.all(is_visible=True, limit=250)
    assert page and all(p.is_visible for p in page) and "pagination" in page.meta
    assert api.v3.Products.count(id__in=[1, 2, 3]) == 3

    p = api.v3.Products.create(name="Kettle", type="physical", weight=1, price=49.99)
    p = p.update(price=45.0)
    assert api.Products.get(p.id).price == "45.0000"
    first_of = api.v3.ProductVariants.all(p.id)
    assert [v.product_id for v in first_of] == [p.id] * len(first_of)
    p.delete()
    with pytest.raises(ResourceNotFound):
        api.Products.get(p.id)
    with pytest.raises(ResourceNotFound):
        api.v3.Products.get(p.id)

    summary = api.v3.CatalogSummary.get()
    assert summary.variant_count >= 1


def test_walking_1000_products_eight_pages_at_a_time_requests_each_page_once(
    big_shop: Sandbox,
) -> None:
    api = BigcommerceApi(**big_shop.oauth_kwargs())
    big_shop.stats.reset()

    ids = [p.id for p in api.v3.Products.iterall(concurrency=8)]

    assert ids == sorted(ids) and len(ids) == len(set(ids)) == 1000
    # total_pages is known after page 1: every page once, none past the last.
    assert v3_requests(big_shop, "GET", "catalog/products") == math.ceil(1000 / 250)


def test_a_batch_of_95_updates_with_invalid_items_reports_exactly_those(api: BigcommerceApi, sandbox: Sandbox) -> None:
    ids = [p.id for p in api.v3.Products.all(limit=95)]
    invalid = set(ids[7::19])  # five items the store must refuse
    items = [{"id": pid, "price": -1 if pid in invalid else 12.5} for pid in ids]
    sandbox.stats.reset()

    result = api.v3.Products.update_many(items)

    assert isinstance(result, BatchResult) and not result.ok
    assert sorted(p.id for p in result.succeeded) == sorted(set(ids) - invalid)
    assert sorted(item["id"] for item, _ in result.failed) == sorted(invalid)
    assert all(isinstance(error, HttpException) for _, error in result.failed)
    assert v3_requests(sandbox, "PUT", "catalog/products") == math.ceil(95 / 10)
    assert {api.Products.get(pid).price for pid in set(ids) - invalid} == {"12.5000"}
    assert all(api.Products.get(pid).price != "-1.0000" for pid in invalid)


def test_a_bulk_delete_by_filter_and_refusing_one_without(api: BigcommerceApi, sandbox: Sandbox) -> None:
    made = [api.v3.Products.create(name=f"Doomed {n}", type="physical", weight=1, price=1, brand_id=0)
            for n in range(3)]
    by_ids = api.v3.Products.delete_many([made[0].id, made[1].id])
    assert by_ids.ok and by_ids.succeeded == [made[0].id, made[1].id]
    sandbox.stats.reset()
    with pytest.raises(ValueError, match="whole collection"):
        api.v3.Products.delete_many()
    assert sandbox.stats.total == 0
    made[2].delete()
    assert not api.v3.Products.all(id__in=[m.id for m in made])


# -- customers: cursor paging, batches, one state ---------------------------------------------------------


def test_every_customer_is_walked_by_cursor_and_one_made_in_v2_is_found_by_v3(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    v2_ids = sorted(c.id for c in api.Customers.iterall())
    v3_ids = sorted(c.id for c in api.v3.Customers.iterall(limit=7))
    assert v3_ids == v2_ids

    made = api.Customers.create(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    found = api.v3.Customers.get(made.id)
    assert isinstance(found, Customers) and found.email == "ada@example.com"


def test_customers_created_in_a_batch_are_told_apart_by_email(api: BigcommerceApi) -> None:
    people = [{"email": f"batch{n}@example.com", "first_name": "Batch", "last_name": str(n)} for n in range(12)]
    result = api.v3.Customers.create_many(people)
    assert result.ok and sorted(c.email for c in result) == sorted(p["email"] for p in people)
    gone = api.v3.Customers.delete_many([c.id for c in result])
    assert gone.ok
    assert not api.v3.Customers.all(id__in=[c.id for c in result.succeeded])


# -- errors and what the sandbox does not serve -----------------------------------------------------------


def test_a_create_missing_a_required_field_names_it(api: BigcommerceApi) -> None:
    with pytest.raises(ClientRequestException) as caught:
        api.v3.Products.create(name="No price", type="physical", weight=1)
    assert caught.value.status_code == 422
    assert any("price" in message for message in caught.value.errors)
    assert caught.value.title


def test_an_unserved_family_is_a_501_that_says_so(api: BigcommerceApi) -> None:
    with pytest.raises(HttpException) as caught:
        api.v3.SiteCertificates.all()
    assert caught.value.status_code == 501
    assert "sandbox" in str(caught.value).lower()


def test_partial_batch_failures_are_batch_item_failed_or_the_chunks_own_error(api: BigcommerceApi) -> None:
    (first,) = api.v3.Products.all(limit=1)
    result = api.v3.Products.update_many([{"id": first.id, "price": 3.5}, {"id": 999_999, "price": 1}])
    assert [p.id for p in result.succeeded] == [first.id]
    ((item, error),) = result.failed
    assert item["id"] == 999_999 and isinstance(error, (BatchItemFailed, ClientRequestException))


@pytest.fixture(scope="module")
def fresh_module_sandbox() -> Iterator[Callable[..., Sandbox]]:
    made: list[Sandbox] = []

    def make(**options: Any) -> Sandbox:
        options.setdefault("max_lifetime_s", 300)
        sb = Sandbox(**options).start()
        made.append(sb)
        return sb

    yield make
    for sb in made:
        sb.stop()
