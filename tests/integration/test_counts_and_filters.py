"""Counts agree with the objects a walk yields, with and without filters, store-wide and per parent.

Every filter is checked three ways: the objects ``iterall`` yields satisfy it,
``count`` with the same filter equals how many were yielded, and both equal
what the store itself holds (read directly, not over HTTP). A filter that
matched everything or nothing would prove nothing, so each must split the data.
"""
from __future__ import annotations

import datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import CountryStates
from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.catalog import BY_NAME

UTC = datetime.timezone.utc


@pytest.fixture(scope="module")
def stored(shop: Sandbox) -> dict[str, list[dict[str, Any]]]:
    """The store's rows, defaults filled in; this module only reads, so one dump serves it all."""
    data = shop.store.dump()
    filled: dict[str, list[dict[str, Any]]] = {}
    for name, table in data.items():
        if isinstance(table, list) and name in BY_NAME:
            defaults = {k: v for k, v in BY_NAME[name].fields.items() if v is not None}
            filled[name] = [{**defaults, **row} for row in table]
    return filled


def when(text: str) -> datetime.datetime:
    return parsedate_to_datetime(text)


def check_filter(
    api: BigcommerceApi, resource: str, filters: dict[str, Any], expected: list[int], total: int
) -> list[Any]:
    """iterall and count with ``filters`` both agree with ``expected`` ids, a real subset."""
    wrapper = getattr(api, resource)
    found = list(wrapper.iterall(**filters))

    assert [item.id for item in found] == expected
    assert wrapper.count(**filters) == len(found)
    assert 0 < len(found) < total, f"{filters} should split the {total} {resource}"
    return found


# -- products -------------------------------------------------------------------------------------


def test_products_count_equals_the_number_iterall_yields(api: BigcommerceApi, stored: dict) -> None:
    assert api.Products.count() == sum(1 for _ in api.Products.iterall()) == len(stored["products"]) == 600


@pytest.mark.parametrize("visible", [True, False])
def test_products_filtered_by_is_visible_agree_with_their_count(
    api: BigcommerceApi, stored: dict, visible: bool
) -> None:
    products = stored["products"]
    expected = [p["id"] for p in products if p["is_visible"] is visible]

    found = check_filter(api, "Products", {"is_visible": visible}, expected, len(products))

    assert all(p.is_visible is visible for p in found)


def test_products_visible_and_hidden_add_up_to_all(api: BigcommerceApi) -> None:
    assert api.Products.count(is_visible=True) + api.Products.count(is_visible=False) == api.Products.count()


def test_products_filtered_by_a_price_range_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    products = stored["products"]
    expected = [p["id"] for p in products if 20 <= float(p["price"]) <= 50]

    found = check_filter(api, "Products", {"min_price": 20, "max_price": "50.00"}, expected, len(products))

    assert all(20 <= float(p.price) <= 50 for p in found)


def test_products_filtered_by_brand_id_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    brand = stored["brands"][3]["id"]
    expected = [p["id"] for p in stored["products"] if p["brand_id"] == brand]

    found = check_filter(api, "Products", {"brand_id": brand}, expected, len(stored["products"]))

    assert all(p.brand_id == brand for p in found)


def test_products_filtered_by_category_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    category = stored["products"][0]["categories"][0]
    expected = [p["id"] for p in stored["products"] if category in p["categories"]]

    found = check_filter(api, "Products", {"category": category}, expected, len(stored["products"]))

    assert all(category in p.categories for p in found)


def test_products_filtered_by_keyword_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    expected = [p["id"] for p in stored["products"]
                if any("kettle" in str(p[f]).lower() for f in ("name", "description", "sku"))]

    found = check_filter(api, "Products", {"keyword_filter": "Kettle"}, expected, len(stored["products"]))

    assert all("kettle" in (p.name + p.description + p.sku).lower() for p in found)


def test_products_filtered_by_an_id_range_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    found = check_filter(api, "Products", {"min_id": 101, "max_id": 355}, list(range(101, 356)),
                         len(stored["products"]))

    assert found[0].id == 101 and found[-1].id == 355


def test_products_filtered_by_a_date_created_range_of_datetimes_agree_with_their_count(
    api: BigcommerceApi, stored: dict
) -> None:
    start = datetime.datetime(2023, 1, 1, 1, 0, tzinfo=UTC)
    end = datetime.datetime(2023, 1, 1, 4, 0, tzinfo=UTC)
    expected = [p["id"] for p in stored["products"] if start <= when(p["date_created"]) <= end]

    found = check_filter(api, "Products", {"min_date_created": start, "max_date_created": end}, expected,
                         len(stored["products"]))

    assert all(start <= when(p.date_created) <= end for p in found)


def test_products_filtered_by_a_date_modified_range_of_rfc_2822_strings_agree_with_their_count(
    api: BigcommerceApi, stored: dict
) -> None:
    dates = sorted(when(p["date_modified"]) for p in stored["products"])
    start, end = dates[100], dates[400]
    expected = [p["id"] for p in stored["products"] if start <= when(p["date_modified"]) <= end]

    check_filter(api, "Products", {"min_date_modified": format_datetime(start),
                                   "max_date_modified": format_datetime(end)}, expected, len(stored["products"]))


def test_product_filters_combine_and_still_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    brand = stored["brands"][0]["id"]
    expected = [p["id"] for p in stored["products"]
                if p["brand_id"] == brand and p["is_visible"] and float(p["price"]) >= 30]

    check_filter(api, "Products", {"brand_id": brand, "is_visible": True, "min_price": 30}, expected,
                 len(stored["products"]))


# -- customers -------------------------------------------------------------------------------------


def test_customers_count_equals_the_number_iterall_yields(api: BigcommerceApi, stored: dict) -> None:
    assert api.Customers.count() == sum(1 for _ in api.Customers.iterall()) == len(stored["customers"]) == 40


@pytest.mark.parametrize("field", ["first_name", "last_name", "email", "customer_group_id"])
def test_customers_filtered_by_one_field_agree_with_their_count(api: BigcommerceApi, stored: dict, field: str) -> None:
    customers = stored["customers"]
    value = next(c[field] for c in customers if c[field])
    expected = [c["id"] for c in customers if c[field] == value]

    found = check_filter(api, "Customers", {field: value}, expected, len(customers))

    assert all(getattr(c, field) == value for c in found)


def test_customers_filtered_by_first_and_last_name_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    customer = stored["customers"][7]
    expected = [c["id"] for c in stored["customers"]
                if (c["first_name"], c["last_name"]) == (customer["first_name"], customer["last_name"])]

    check_filter(api, "Customers", {"first_name": customer["first_name"], "last_name": customer["last_name"]},
                 expected, len(stored["customers"]))


# -- orders -----------------------------------------------------------------------------------------

def test_orders_count_equals_the_number_iterall_yields(api: BigcommerceApi, stored: dict) -> None:
    assert api.Orders.count() == sum(1 for _ in api.Orders.iterall()) == len(stored["orders"]) == 60


def test_orders_filtered_by_customer_id_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    orders = stored["orders"]
    customer = max({o["customer_id"] for o in orders} - {0},
                   key=lambda cid: sum(o["customer_id"] == cid for o in orders))
    expected = [o["id"] for o in orders if o["customer_id"] == customer]

    found = check_filter(api, "Orders", {"customer_id": customer}, expected, len(orders))

    assert all(o.customer_id == customer for o in found)


def test_orders_filtered_by_status_id_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    expected = [o["id"] for o in stored["orders"] if o["status_id"] == 10]

    found = check_filter(api, "Orders", {"status_id": 10}, expected, len(stored["orders"]))

    assert all(o.status_id == 10 and o.status == "Completed" for o in found)


def test_orders_filtered_by_a_total_range_agree_with_their_count(api: BigcommerceApi, stored: dict) -> None:
    expected = [o["id"] for o in stored["orders"] if 50 <= float(o["total_inc_tax"]) <= 200]

    found = check_filter(api, "Orders", {"min_total": 50, "max_total": 200}, expected, len(stored["orders"]))

    assert all(50 <= float(o.total_inc_tax) <= 200 for o in found)


@pytest.mark.parametrize("field", ["date_created", "date_modified"])
def test_orders_filtered_by_a_date_range_agree_with_their_count(api: BigcommerceApi, stored: dict, field: str) -> None:
    dates = sorted(when(o[field]) for o in stored["orders"])
    start, end = dates[10], dates[45]
    expected = [o["id"] for o in stored["orders"] if start <= when(o[field]) <= end]

    found = check_filter(api, "Orders", {f"min_{field}": start, f"max_{field}": end}, expected,
                         len(stored["orders"]))

    assert all(start <= when(o[field]) <= end for o in found)


def test_orders_count_by_status_agrees_with_status_filtered_counts(api: BigcommerceApi) -> None:
    body = api.Orders.count_by_status()

    for status in body["statuses"]:
        assert api.Orders.count(status_id=status["id"]) == status["count"]
    assert body["count"] == api.Orders.count()


def test_orders_count_by_status_takes_filters(api: BigcommerceApi, stored: dict) -> None:
    customer = next(o["customer_id"] for o in stored["orders"] if o["customer_id"])

    body = api.Orders.count_by_status(customer_id=customer)

    assert body["count"] == len([o for o in stored["orders"] if o["customer_id"] == customer])


# -- subresources: store-wide and per parent ----------------------------------------------------------

STORE_WIDE = [
    ("ProductImages", "product_images"),
    ("ProductSkus", "product_skus"),
    ("ProductCustomFields", "product_custom_fields"),
    ("ProductDiscountRules", "product_discount_rules"),
    ("ProductConfigurableFields", "product_configurable_fields"),
    ("ProductVideos", "product_videos"),
    ("ProductRules", "product_rules"),
    ("OrderProducts", "order_products"),
    ("OrderShipments", "order_shipments"),
    ("CountryStates", "country_states"),
]


@pytest.mark.parametrize(("resource", "table"), STORE_WIDE)
def test_a_subresources_store_wide_count_equals_the_sum_over_its_parents(
    api: BigcommerceApi, stored: dict, resource: str, table: str
) -> None:
    parent_key = BY_NAME[table].parent_key
    parents = sorted({row[parent_key] for row in stored[table]})

    store_wide = getattr(api, resource).count()

    assert store_wide == len(stored[table])
    if parents:
        sample = parents[:3]
        per_parent = [getattr(api, resource).count(pid) for pid in sample]
        assert per_parent == [sum(row[parent_key] == pid for row in stored[table]) for pid in sample]


PER_PARENT = [
    ("ProductImages", "product_images", "images"),
    ("ProductSkus", "product_skus", "skus"),
    ("ProductCustomFields", "product_custom_fields", "custom_fields"),
    ("ProductDiscountRules", "product_discount_rules", "discount_rules"),
    ("ProductConfigurableFields", "product_configurable_fields", "configurable_fields"),
    ("ProductVideos", "product_videos", "videos"),
    ("OrderProducts", "order_products", "products"),
    ("OrderShipments", "order_shipments", "shipments"),
    ("OrderShippingAddresses", "order_shipping_addresses", "shipping_addresses"),
    ("CustomerAddresses", "customer_addresses", "addresses"),
    ("CountryStates", "country_states", "states"),
]


@pytest.mark.parametrize(("resource", "table", "helper"), PER_PARENT)
def test_a_per_parent_count_equals_the_number_its_iterall_yields(
    api: BigcommerceApi, stored: dict, resource: str, table: str, helper: str
) -> None:
    parent_key = BY_NAME[table].parent_key
    parent_table = BY_NAME[table].parent
    parent_id = max({row[parent_key] for row in stored[table]},
                    key=lambda pid: sum(row[parent_key] == pid for row in stored[table]))
    wrapper = getattr(api, resource)
    parent_resource = {"products": "Products", "orders": "Orders", "customers": "Customers",
                       "countries": "Countries"}[parent_table]

    walked = list(wrapper.iterall(parent_id))

    assert wrapper.count(parent_id) == len(walked) == sum(row[parent_key] == parent_id for row in stored[table])
    assert getattr(getattr(api, parent_resource).get(parent_id), helper).count() == len(walked)


def test_a_parent_without_children_counts_zero(api: BigcommerceApi, stored: dict) -> None:
    lonely = next(p["id"] for p in stored["products"]
                  if not any(s["product_id"] == p["id"] for s in stored["product_skus"]))

    assert api.ProductSkus.count(lonely) == 0
    assert list(api.ProductSkus.iterall(lonely)) == []


def test_a_subresource_count_takes_filters(api: BigcommerceApi, stored: dict) -> None:
    skus = stored["product_skus"]
    pid = skus[0]["product_id"]
    mine = [s for s in skus if s["product_id"] == pid]
    threshold = sorted(s["inventory_level"] for s in mine)[len(mine) // 2]
    expected = [s["id"] for s in mine if s["inventory_level"] >= threshold]

    found = list(api.ProductSkus.iterall(pid, min_inventory_level=threshold))

    assert [s.id for s in found] == expected
    assert api.ProductSkus.count(pid, min_inventory_level=threshold) == len(expected)


def test_states_count_covers_the_states_of_every_country(api: BigcommerceApi, stored: dict) -> None:
    assert api.States.count() == sum(1 for _ in api.States.iterall()) == len(stored["country_states"])
    assert api.CountryStates.count() == api.States.count()


def test_country_states_without_a_country_walk_every_state(api: BigcommerceApi, stored: dict) -> None:
    every = list(api.CountryStates.iterall(limit=50, concurrency=3))

    assert [s.id for s in every] == [s.id for s in api.States.iterall()]
    assert len(every) == len(stored["country_states"])
    assert all(isinstance(s, CountryStates) and s.parent_id() == s.country_id for s in every)


@pytest.mark.parametrize(("resource", "table"), [
    ("Brands", "brands"), ("Categories", "categories"), ("Options", "options"), ("OptionSets", "option_sets"),
    ("Coupons", "coupons"), ("CustomerGroups", "customer_groups"), ("Countries", "countries"),
])
def test_a_top_level_count_equals_the_number_iterall_yields(
    api: BigcommerceApi, stored: dict, resource: str, table: str
) -> None:
    wrapper = getattr(api, resource)

    assert wrapper.count() == sum(1 for _ in wrapper.iterall()) == len(stored[table]) > 0


@pytest.mark.parametrize(("resource", "filters", "test"), [
    ("Categories", {"parent_id": 0}, lambda row: row["parent_id"] == 0),
    ("Countries", {"country_iso2": "DE"}, lambda row: row["country_iso2"] == "DE"),
    ("Options", {"type": "CS"}, lambda row: row["type"] == "CS"),
])
def test_top_level_filters_agree_with_counts(
    api: BigcommerceApi, stored: dict, resource: str, filters: dict[str, Any], test: Callable[[dict], bool]
) -> None:
    table = {"Categories": "categories", "Countries": "countries", "Options": "options"}[resource]
    expected = [row["id"] for row in stored[table] if test(row)]

    check_filter(api, resource, filters, expected, len(stored[table]))
