"""The sandbox's v3 locations, inventory items and adjustments over loopback (v3-resources.md §3.15, §3.16).

Cross-version: the stock of an item over its locations is its v2 ``inventory_level``; the
default location holds what the other locations do not.
"""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]

ADDRESS = {"address1": "5th Ave", "city": "New York", "state": "NY", "zip": "10021", "email": "shop@example.com",
           "geo_coordinates": {"latitude": 40.77, "longitude": -73.96}, "country_code": "US"}


def location_body(label: str, **fields: Any) -> dict[str, Any]:
    return {"label": label, "managed_by_external_source": False, "type_id": "PHYSICAL", "time_zone": "Etc/UTC",
            "address": ADDRESS, **fields}


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def tracked_product(sb: Sandbox, level: int = 10) -> dict[str, Any]:
    return dict(data(v3(sb, "POST", "catalog/products", json=product_body(
        "Kettle", inventory_tracking="product", inventory_level=level))))


def second_location(sb: Sandbox) -> int:
    answer = v3(sb, "POST", "inventory/locations", json=[location_body("Warehouse", code="WH")])
    assert answer.status_code == 200 and set(answer.json()) == {"transaction_id"}  # bare (§2.4)
    return int(data(v3(sb, "GET", "inventory/locations", params={"location_code:in": "WH"}))[0]["id"])


def adjust(sb: Sandbox, kind: str, *items: dict[str, Any], status: int = 200) -> dict[str, Any]:
    method = "PUT" if kind == "absolute" else "POST"
    answer = v3(sb, method, f"inventory/adjustments/{kind}", json={"reason": "test", "items": list(items)})
    assert answer.status_code == status, answer.text
    return dict(answer.json())


# -- locations ------------------------------------------------------------------------------------------
def test_every_store_has_the_default_location(sb: Sandbox) -> None:
    (default,) = data(v3(sb, "GET", "inventory/locations"))
    assert (default["id"], default["code"], default["type_id"]) == (1, "BC-LOCATION-1", "PHYSICAL")
    assert list(default)[:4] == ["id", "code", "label", "description"] and default["address"]["country_code"] == "US"
    assert data(v3(sb, "GET", "inventory/locations", params={"is_default": "true"}))[0]["id"] == 1
    assert data(v3(sb, "GET", "inventory/locations", params={"is_default": "false"})) == []


def test_a_seeded_store_has_a_second_location_holding_part_of_the_stock(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=20)
    assert [loc["id"] for loc in data(v3(sb, "GET", "inventory/locations"))] == [1, 2]
    (item,) = data(v3(sb, "GET", "inventory/items", params={"product_id:in": 1}))
    at = {loc["location_id"]: loc["total_inventory_onhand"] for loc in item["locations"]}
    assert set(at) == {1, 2} and sum(at.values()) == v2(sb, "GET", "products/1").json()["inventory_level"]


def test_locations_are_created_and_updated_in_batches_answering_a_transaction(sb: Sandbox) -> None:
    location_id = second_location(sb)
    created = data(v3(sb, "GET", "inventory/locations", params={"location_id:in": location_id}))[0]
    assert created["enabled"] is True and created["operating_hours"]["monday"] == {
        "open": False, "opening": "00:00", "closing": "00:00"}
    virtual = v3(sb, "POST", "inventory/locations",
                 json=[{"label": "Online", "managed_by_external_source": False, "type_id": "VIRTUAL",
                        "time_zone": "Etc/UTC"}])
    assert virtual.status_code == 200  # a VIRTUAL location needs no address
    made = data(v3(sb, "GET", "inventory/locations", params={"type_id:in": "VIRTUAL"}))[0]
    assert made["code"] == f"BC-LOCATION-{made['id']}"
    updated = v3(sb, "PUT", "inventory/locations",
                 json=[{"id": location_id, "label": "Main warehouse", "address": {"city": "Boston"}}])
    assert set(updated.json()) == {"transaction_id"}
    shown = data(v3(sb, "GET", "inventory/locations", params={"location_id:in": location_id}))[0]
    assert (shown["label"], shown["address"]["city"], shown["address"]["zip"]) == ("Main warehouse", "Boston", "10021")


def test_a_location_batch_with_a_bad_item_saves_nothing(sb: Sandbox) -> None:
    body = error_of(v3(sb, "POST", "inventory/locations", json=[
        location_body("Good"), {"label": "No address", "managed_by_external_source": False,
                                "type_id": "PHYSICAL", "time_zone": "Etc/UTC"},
        location_body("Bad place", address={**ADDRESS, "geo_coordinates": {"latitude": 91, "longitude": 0}}),
        {"type_id": "ROOF"}]), 422)
    assert {"1.address", "2.address.geo_coordinates.latitude", "3.label", "3.time_zone", "3.type_id"} <= set(
        body["errors"])
    assert len(data(v3(sb, "GET", "inventory/locations"))) == 1
    assert "1.id" in error_of(v3(sb, "PUT", "inventory/locations", json=[{"id": 1, "label": "X"}, {"id": 99}]),
                              422)["errors"]
    assert data(v3(sb, "GET", "inventory/locations"))[0]["label"] == "Default location"
    second_location(sb)
    assert "0.code" in error_of(v3(sb, "POST", "inventory/locations", json=[location_body("Again", code="WH")]),
                                422)["errors"]


def test_deleting_locations_needs_location_id_in_spares_the_default_and_answers_a_transaction(sb: Sandbox) -> None:
    location_id = second_location(sb)
    error_of(v3(sb, "DELETE", "inventory/locations"), 422)
    error_of(v3(sb, "DELETE", "inventory/locations", params={"location_id:in": 999}), 404)
    assert "shipping origin" in error_of(v3(sb, "DELETE", "inventory/locations", params={"location_id:in": 1}),
                                         422)["title"]
    answer = v3(sb, "DELETE", "inventory/locations", params={"location_id:in": location_id})
    assert answer.status_code == 200 and set(answer.json()) == {"transaction_id"}  # not 204 (§2.13)
    assert [loc["id"] for loc in data(v3(sb, "GET", "inventory/locations"))] == [1]


# -- adjustments and the v2 level ------------------------------------------------------------------------
def test_an_absolute_adjustment_at_the_default_location_is_the_v2_inventory_level(sb: Sandbox) -> None:
    product = tracked_product(sb)
    adjust(sb, "absolute", {"location_id": 1, "product_id": product["id"], "quantity": 30})
    assert v2(sb, "GET", f"products/{product['id']}").json()["inventory_level"] == 30
    assert data(v3(sb, "GET", f"catalog/products/{product['id']}"))["inventory_level"] == 30
    adjust(sb, "relative", {"location_id": 1, "product_id": product["id"], "quantity": -4})
    assert v2(sb, "GET", f"products/{product['id']}").json()["inventory_level"] == 26


def test_the_v2_level_is_the_total_over_locations(sb: Sandbox) -> None:
    product = tracked_product(sb, level=10)
    warehouse = second_location(sb)
    adjust(sb, "absolute", {"location_id": warehouse, "product_id": product["id"], "quantity": 5})
    assert v2(sb, "GET", f"products/{product['id']}").json()["inventory_level"] == 15
    (item,) = data(v3(sb, "GET", "inventory/items", params={"product_id:in": product["id"]}))
    assert {loc["location_id"]: loc["total_inventory_onhand"] for loc in item["locations"]} == {1: 10, warehouse: 5}
    assert item["identity"] == {"sku": "", "variant_id": None, "product_id": product["id"], "sku_id": None}
    # A v2 write of the level lands at the default location.
    v2(sb, "PUT", f"products/{product['id']}", json={"inventory_level": 20})
    at_default = data(v3(sb, "GET", "inventory/locations/1/items", params={"product_id:in": product["id"]}))
    assert at_default[0]["total_inventory_onhand"] == 15
    # Deleting a location deletes its stock (§3.16).
    v3(sb, "DELETE", "inventory/locations", params={"location_id:in": warehouse})
    assert v2(sb, "GET", f"products/{product['id']}").json()["inventory_level"] == 15


def test_variant_stock_is_adjusted_by_variant_id_or_sku_and_seen_in_v2_skus(sb: Sandbox) -> None:
    product = data(v3(sb, "POST", "catalog/products", json=product_body(
        "Tee", inventory_tracking="variant", variants=size_variants("S", "M"))))
    small, medium = data(v3(sb, "GET", f"catalog/products/{product['id']}/variants"))
    adjust(sb, "absolute", {"location_id": 1, "variant_id": small["id"], "quantity": 7},
           {"location_id": 1, "sku": medium["sku"], "quantity": 3})
    skus = {s["sku"]: s["inventory_level"] for s in v2(sb, "GET", f"products/{product['id']}/skus").json()}
    assert skus == {small["sku"]: 7, medium["sku"]: 3}
    assert data(v3(sb, "GET", f"catalog/products/{product['id']}/variants/{small['id']}"))["inventory_level"] == 7
    refused = adjust(sb, "absolute", {"location_id": 1, "product_id": product["id"], "quantity": 1}, status=422)
    assert "tracked by variant" in refused["title"] and set(refused["errors"]) == {"items.0"}


def test_adjustments_are_atomic_and_checked(sb: Sandbox) -> None:
    product = tracked_product(sb, level=10)
    warehouse = second_location(sb)
    first = adjust(sb, "relative", {"location_id": warehouse, "product_id": product["id"], "quantity": 1}, status=422)
    assert "requires absolute adjustment before relative" in first["title"]  # the spec's example
    refused = adjust(sb, "absolute", {"location_id": 1, "product_id": product["id"], "quantity": 50},
                     {"location_id": 99, "product_id": product["id"], "quantity": 1},
                     {"location_id": 1, "product_id": 999999, "quantity": 1},
                     {"location_id": 1, "product_id": product["id"], "quantity": -1}, status=422)
    assert set(refused["errors"]) == {"items.1", "items.2", "items.3"} and refused["title"].startswith("[")
    adjust(sb, "relative", {"location_id": 1, "product_id": product["id"], "quantity": -11}, status=422)
    assert v2(sb, "GET", f"products/{product['id']}").json()["inventory_level"] == 10  # nothing applied
    untracked = data(v3(sb, "POST", "catalog/products", json=product_body("Cap")))
    adjust(sb, "absolute", {"location_id": 1, "product_id": untracked["id"], "quantity": 1}, status=422)
    too_many = {"items": [{"location_id": 1, "product_id": product["id"], "quantity": 1}] * 2001}
    assert v3(sb, "PUT", "inventory/adjustments/absolute", json=too_many).status_code == 413  # §2.7
    error_of(v3(sb, "PUT", "inventory/adjustments/absolute", json={"reason": "no items"}), 422)


# -- items and settings -----------------------------------------------------------------------------------
def test_location_items_list_settings_and_available_to_sell(sb: Sandbox) -> None:
    product = tracked_product(sb, level=10)
    warehouse = second_location(sb)
    assert data(v3(sb, "GET", f"inventory/locations/{warehouse}/items")) == []
    answer = v3(sb, "PUT", f"inventory/locations/{warehouse}/items", json={"settings": [
        {"identity": {"product_id": product["id"]}, "safety_stock": 2, "warning_level": 3,
         "bin_picking_number": "A-1"}]})
    assert set(answer.json()) == {"transaction_id"}
    adjust(sb, "relative", {"location_id": warehouse, "product_id": product["id"], "quantity": 6})
    (item,) = data(v3(sb, "GET", f"inventory/locations/{warehouse}/items"))
    assert (item["total_inventory_onhand"], item["available_to_sell"]) == (6, 4)
    assert item["settings"] == {"safety_stock": 2, "is_in_stock": True, "warning_level": 3, "bin_picking_number": "A-1"}
    v3(sb, "PUT", "inventory/locations/1/items", json={"settings": [
        {"identity": {"product_id": product["id"]}, "warning_level": 4, "is_in_stock": False}]})
    assert v2(sb, "GET", f"products/{product['id']}").json()["inventory_warning_level"] == 4
    (default,) = data(v3(sb, "GET", "inventory/locations/1/items", params={"product_id:in": product["id"]}))
    assert (default["total_inventory_onhand"], default["available_to_sell"]) == (10, 0)
    missing = error_of(v3(sb, "PUT", "inventory/locations/1/items", json={"settings": [
        {"identity": {"product_id": product["id"]}}]}), 422)
    assert "setting.0.settings" in missing["errors"]  # the spec's example
    error_of(v3(sb, "GET", "inventory/locations/99/items"), 404)


def test_inventory_items_page_by_offset_and_filter_by_location(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=20)
    first = v3(sb, "GET", "inventory/items", params={"limit": 5}).json()
    assert len(first["data"]) == 5 and first["meta"]["pagination"]["total"] > 5
    assert v3(sb, "GET", "inventory/items", params={"limit": 1001}).status_code == 422  # 1000 a page (§3.15)
    only_two = data(v3(sb, "GET", "inventory/items", params={"location_id:in": 2}))
    assert only_two and all([loc["location_id"] for loc in item["locations"]] == [2] for item in only_two)
    coded = data(v3(sb, "GET", "inventory/items", params={"location_code:in": "BC-LOCATION-1", "limit": 3}))
    assert all(item["locations"][0]["location_name"] == "Default location" for item in coded)


def test_locations_and_their_stock_survive_dump_and_load() -> None:
    store = Store()
    store.seed(products=15)
    store.handle_v3("POST", "inventory/locations", {}, [location_body("Pop-up", code="POP")])
    product_id = next(p["id"] for p in store.tables["products"].ordered().values()
                      if p.get("inventory_tracking") == "simple")
    body = {"items": [{"location_id": 3, "product_id": product_id, "quantity": 4}]}
    assert store.handle_v3("PUT", "inventory/adjustments/absolute", {}, body).status == 200
    restored = Store()
    restored.load(store.dump())
    for path in ("inventory/locations", "inventory/items"):
        assert restored.handle_v3("GET", path, {}, None).body == store.handle_v3("GET", path, {}, None).body
    assert restored.handle(
        "GET", f"products/{product_id}", {}, None).body == store.handle("GET", f"products/{product_id}", {}, None).body


def test_a_v3_catalog_write_of_a_variant_level_lands_at_the_default_location(sb: Sandbox) -> None:
    product = data(v3(sb, "POST", "catalog/products", json=product_body(
        "Tee", inventory_tracking="variant", variants=size_variants("S"))))
    (small,) = data(v3(sb, "GET", f"catalog/products/{product['id']}/variants"))
    warehouse = second_location(sb)
    adjust(sb, "absolute", {"location_id": warehouse, "variant_id": small["id"], "quantity": 4})
    data(v3(sb, "PUT", f"catalog/products/{product['id']}/variants/{small['id']}", json={"inventory_level": 10}))
    (item,) = data(v3(sb, "GET", "inventory/items", params={"variant_id:in": small["id"]}))
    assert item["identity"]["sku_id"] == small["id"]
    assert {loc["location_id"]: loc["total_inventory_onhand"] for loc in item["locations"]} == {1: 6, warehouse: 4}
    skus = v2(sb, "GET", f"products/{product['id']}/skus").json()
    assert [s["inventory_level"] for s in skus] == [10]


def test_a_locations_metafields_and_the_batch_collection(make_real_sandbox: Any) -> None:
    sb = make_real_sandbox()
    field = data(v3(sb, "POST", "inventory/locations/1/metafields",
                    json={"namespace": "ops", "key": "dock", "value": "B", "permission_set": "read"}))
    assert field["resource_type"] == "location" and field["resource_id"] == 1
    saved = v3(sb, "POST", "inventory/locations/metafields",
               json=[{"resource_id": 1, "namespace": "ops", "key": "hours", "value": "9-5", "permission_set": "read"}])
    assert saved.status_code == 200 and saved.json()["meta"]["success"] == 1
    assert sorted(m["key"] for m in data(v3(sb, "GET", "inventory/locations/1/metafields"))) == ["dock", "hours"]
    error_of(v3(sb, "GET", "inventory/locations/999/metafields"), 404)
