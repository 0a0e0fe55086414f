"""The v3 client's price-list, location and inventory classes against the sandbox, over loopback.

What a call sent is read from the sandbox's request statistics, what it changed from the v3
and v2 views of the same store.
"""
from __future__ import annotations

from itertools import count
from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import BatchResult

NAMES = count(1)
USED_PRODUCTS: set[int] = set()  # products whose stock a test of this module has moved
CURRENCIES = ("usd", "eur", "gbp")


def unique(prefix: str) -> str:
    return f"{prefix} {next(NAMES)}"


def variant_ids(sandbox: Sandbox, how_many: int) -> list[int]:
    ids = sorted(sandbox.store.tables["product_skus"].rows)[:how_many]
    assert len(ids) == how_many
    return ids


def simple_product(sandbox: Sandbox) -> dict[str, Any]:
    """A seeded product tracked by product, not yet moved about by another test of this module."""
    for product in sandbox.store.tables["products"].ordered().values():
        if product.get("inventory_tracking") == "simple" and product["id"] not in USED_PRODUCTS:
            USED_PRODUCTS.add(product["id"])
            return product
    raise AssertionError("no product tracked by product")


# -- price lists ----------------------------------------------------------------------------------------
def test_a_price_list_is_created_read_updated_walked_and_deleted(api: BigcommerceApi, sandbox: Sandbox) -> None:
    names = [unique("List") for _ in range(3)]
    created = [api.v3.PriceLists.create(name=name, active=False) for name in names]
    assert [p.name for p in created] == names and all(p.active is False for p in created)
    again = api.v3.PriceLists.get(created[0].id)
    assert again.name == names[0]
    renamed = again.update(name=unique("Renamed"), active=True)
    assert renamed.active is True and api.v3.PriceLists.get(created[0].id).name == renamed.name
    walked = [p.id for p in api.v3.PriceLists.iterall(limit=1)]  # cursor paging, one list a page
    assert {p.id for p in created} <= set(walked) and walked == sorted(walked)
    assert sandbox.stats.count("GET", "v3/pricelists") >= len(walked)
    created[0].delete()
    api.v3.PriceLists.delete_many([created[1].id, created[2].id])
    remaining = {p.id for p in api.v3.PriceLists.iterall()}
    assert not remaining & {p.id for p in created}
    with pytest.raises(ResourceNotFound):
        api.v3.PriceLists.get(created[0].id)
    taken = api.v3.PriceLists.create(name=unique("Taken")).name
    with pytest.raises(ClientRequestException) as conflict:
        api.v3.PriceLists.create(name=taken)
    assert conflict.value.status_code == 409  # a unique name (§3.17)


def test_records_are_created_100_and_upserted_1000_a_request_and_a_strict_chunk_reports_its_items(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    plist = api.v3.PriceLists.create(name=unique("Wholesale"))
    variants = variant_ids(sandbox, 84)
    items: list[dict[str, Any]] = [{"variant_id": v, "currency": c, "price": 10 + n % 7}
                                   for n, (v, c) in enumerate((v, c) for v in variants for c in CURRENCIES)][:250]
    good = [dict(item) for item in items]
    items[120] = {"variant_id": 999_999, "currency": "usd", "price": 1}  # no such variant
    items[130] = {**items[130], "currency": "xyz"}  # not a store currency
    path = f"v3/pricelists/{plist.id}/records"

    result = api.v3.PriceListRecords.create_many(items, plist.id)

    assert isinstance(result, BatchResult) and not result.ok
    # POST takes 100 a request (§2.7): three POSTs; the second chunk is strict and saves nothing.
    assert sandbox.stats.count("POST", path) == 3
    assert len(result.succeeded) == 150 and len(result.failed) == 100
    failed_items = [item for item, _ in result.failed]
    assert items[120] in failed_items and items[130] in failed_items
    assert all(getattr(error, "status_code", None) == 422 for _, error in result.failed)
    stored = list(api.v3.PriceListRecords.iterall(plist.id))
    assert len(stored) == 150 and stored[0].variant_id == items[0]["variant_id"]
    saved_keys = {(r.variant_id, r.currency) for r in stored}
    assert saved_keys == {(i["variant_id"], i["currency"]) for i in items[:100] + items[200:]}

    upserted = api.v3.PriceListRecords.update_many([{**item, "price": 8} for item in good], plist.id)

    # PUT takes 1000 a request: the 250 go in one, and the 100 the POSTs left out are created.
    assert sandbox.stats.count("PUT", path) == 1 and upserted.ok and len(upserted.succeeded) == 250
    assert {r.price for r in api.v3.PriceListRecords.iterall(plist.id)} == {8}


def test_one_record_is_read_updated_and_deleted_by_its_composite_key(api: BigcommerceApi, sandbox: Sandbox) -> None:
    plist = api.v3.PriceLists.create(name=unique("Retail"))
    first, second = variant_ids(sandbox, 2)
    created = api.v3.PriceListRecords.create_many(
        [{"variant_id": first, "currency": "usd", "price": 12.5, "sale_price": 10},
         {"variant_id": first, "currency": "eur", "price": 11},
         {"variant_id": second, "currency": "usd", "price": 9}], plist.id)
    assert created.ok and sandbox.stats.count("POST", f"v3/pricelists/{plist.id}/records") == 1
    record = api.v3.PriceListRecords.get(plist.id, first, "usd")
    assert (record.price, record.calculated_price, record.product_id) == (
        12.5, 10, sandbox.store.tables["product_skus"].rows[first]["product_id"])
    updated = record.update(price=14, sale_price=None)
    assert updated.calculated_price == 14
    assert sorted(r.currency for r in api.v3.PriceListVariantRecords.all(plist.id, first)) == ["eur", "usd"]
    assert [r.sku for r in plist.records(include="sku", currency="usd", variant_id__in=[second])] == [
        sandbox.store.tables["product_skus"].rows[second]["sku"]]
    api.v3.PriceListRecords.get(plist.id, first, "eur").delete()
    api.v3.PriceListRecords.delete_many([second], plist.id)
    assert [(r.variant_id, r.currency) for r in plist.records()] == [(first, "usd")]
    with pytest.raises(ResourceNotFound):
        api.v3.PriceListRecords.get(plist.id, first, "eur")


def test_the_store_wide_records_upsert_names_each_price_list(api: BigcommerceApi, sandbox: Sandbox) -> None:
    lists = [api.v3.PriceLists.create(name=unique("Region")) for _ in range(2)]
    (variant,) = variant_ids(sandbox, 1)
    result = api.v3.PriceListRecords.update_many(
        [{"price_list_id": p.id, "variant_id": variant, "currency": "gbp", "price": 5} for p in lists])
    assert result.ok and sandbox.stats.count("PUT", "v3/pricelists/records") == 1
    assert all([r.price for r in api.v3.PriceListRecords.all(p.id)] == [5] for p in lists)


def test_assignments_are_created_listed_upserted_and_deleted(api: BigcommerceApi, sandbox: Sandbox) -> None:
    plist = api.v3.PriceLists.create(name=unique("B2B"))
    other = api.v3.PriceLists.create(name=unique("B2C"))
    group_id = min(sandbox.store.tables["customer_groups"].rows)
    channel = 100 + next(NAMES)
    created = api.v3.PriceListAssignments.create_many(
        [{"price_list_id": plist.id, "customer_group_id": group_id, "channel_id": channel},
         {"price_list_id": plist.id, "channel_id": channel + 1}])
    assert created.ok and len(created.succeeded) == 2
    listed = api.v3.PriceListAssignments.all(price_list_id=plist.id)
    assert sorted(a.channel_id for a in listed) == [channel, channel + 1]
    moved = api.v3.PriceListAssignment.update(other.id, customer_group_id=group_id, channel_id=channel)
    assert moved.price_list_id == other.id and moved.id in {a.id for a in listed}
    again = api.v3.PriceListAssignments.get(moved.id)
    assert again.price_list_id == other.id
    again.delete()
    api.v3.PriceListAssignments.delete_many(price_list_id=plist.id)
    assert list(api.v3.PriceListAssignments.all(price_list_id__in=[plist.id, other.id])) == []
    refused = api.v3.PriceListAssignments.create_many([{"price_list_id": 999_999, "channel_id": 1}])
    assert len(refused.failed) == 1


# -- locations and inventory ------------------------------------------------------------------------------
LOCATION = {"managed_by_external_source": False, "type_id": "PHYSICAL", "time_zone": "Etc/UTC",
            "address": {"address1": "5th Ave", "city": "New York", "state": "NY", "zip": "10021",
                        "email": "shop@example.com", "geo_coordinates": {"latitude": 40.7, "longitude": -73.9},
                        "country_code": "US"}}


def test_locations_are_listed_created_updated_and_deleted_in_batches(api: BigcommerceApi, sandbox: Sandbox) -> None:
    default = api.v3.Locations.get(1)
    assert (default.code, default.label) == ("BC-LOCATION-1", "Default location")
    before = api.v3.Locations.count()
    code = f"POP-{next(NAMES)}"
    made = api.v3.Locations.create_many([{**LOCATION, "label": "Pop-up", "code": code}])
    assert made.ok and api.v3.Locations.count() == before + 1
    (popup,) = api.v3.Locations.all(location_code__in=[code])
    assert api.v3.Locations.update_many([{"id": popup.id, "label": "Pop-up shop"}]).ok
    assert api.v3.Locations.get(popup.id).label == "Pop-up shop"
    api.v3.Locations.get(popup.id).delete()
    assert api.v3.Locations.count() == before
    with pytest.raises(ResourceNotFound):
        api.v3.Locations.get(popup.id)
    with pytest.raises(ClientRequestException):
        default.delete()  # the shipping origin (§3.16)


def test_an_adjustment_through_v3_is_the_v2_inventory_level(api: BigcommerceApi, sandbox: Sandbox) -> None:
    product = simple_product(sandbox)
    product_id = product["id"]
    answer = api.v3.InventoryAdjustments.absolute(
        [{"location_id": 1, "product_id": product_id, "quantity": 40}], reason="count")
    assert isinstance(answer["transaction_id"], str)
    (item,) = api.v3.InventoryItems.all(product_id__in=[product_id])
    held = {loc["location_id"]: loc["total_inventory_onhand"] for loc in item.locations}
    assert held[1] == 40
    assert api.Products.get(product_id).inventory_level == sum(held.values())
    assert api.v3.Products.get(product_id).inventory_level == sum(held.values())
    api.v3.InventoryAdjustments.relative([{"location_id": 1, "product_id": product_id, "quantity": -5}])
    assert api.Products.get(product_id).inventory_level == sum(held.values()) - 5
    api.v3.InventoryLocationItems.update(1, settings=[{"identity": {"product_id": product_id}, "warning_level": 6}])
    assert api.Products.get(product_id).inventory_warning_level == 6
    (at_default,) = api.v3.InventoryLocationItems.all(1, product_id__in=[product_id])
    assert at_default.total_inventory_onhand == 35 and at_default.settings["warning_level"] == 6


def test_variant_stock_at_a_second_location_adds_to_the_v2_sku_level(api: BigcommerceApi, sandbox: Sandbox) -> None:
    code = f"WH-{next(NAMES)}"
    api.v3.Locations.create_many([{**LOCATION, "label": "Overflow", "code": code}])
    (warehouse,) = api.v3.Locations.all(location_code__in=[code])
    sku = next(row for row in sandbox.store.tables["product_skus"].ordered().values()
               if sandbox.store.tables["products"].rows[row["product_id"]].get("inventory_tracking") == "sku")
    before = api.ProductSkus.get(sku["product_id"], sku["id"]).inventory_level
    api.v3.InventoryAdjustments.absolute([{"location_id": warehouse.id, "variant_id": sku["id"], "quantity": 9}])
    assert api.ProductSkus.get(sku["product_id"], sku["id"]).inventory_level == before + 9
    assert api.v3.ProductVariants.get(sku["product_id"], sku["id"]).inventory_level == before + 9
    listed = api.v3.InventoryLocationItems.all(warehouse.id)
    assert [(i.identity["variant_id"], i.total_inventory_onhand) for i in listed] == [(sku["id"], 9)]
    warehouse.delete()  # its stock goes with it
    assert api.ProductSkus.get(sku["product_id"], sku["id"]).inventory_level == before


def test_a_locations_metafields_through_the_client(api: BigcommerceApi) -> None:
    made = api.v3.LocationMetafields.create(1, namespace="ops", key=unique("dock"), value="B", permission_set="read")
    assert made["resource_id"] == 1 and made["resource_type"] == "location"
    assert made["key"] in [m["key"] for m in api.v3.LocationMetafields.all(1)]
    made.delete()
    assert made["key"] not in [m["key"] for m in api.v3.LocationMetafields.all(1)]
