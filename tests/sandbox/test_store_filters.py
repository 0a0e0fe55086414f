"""Paging and filters of the sandbox Store, on lists and on counts."""
from __future__ import annotations

import json
from typing import Any

import pytest

from bigcommerce.sandbox.store import Store

T0 = 1700000000


def call(store: Store, method: str, path: str, query: dict[str, str] | None = None,
         body: object = None) -> tuple[int, Any]:
    answer = store.handle(method, path, query or {}, body)
    return answer.status, (json.loads(answer.body) if answer.body else None)


def fresh_store() -> Store:
    return Store(store_hash="abc123", base_url="http://sandbox.test", clock=lambda: T0)


# ------------------------------------------------------------------ paging


@pytest.mark.parametrize("count, sizes", [(0, []), (1, [1]), (249, [249]), (250, [250]), (251, [250, 1])])
def test_pages_of_250_end_with_204_and_an_empty_body(count: int, sizes: list[int]) -> None:
    store = fresh_store()
    for n in range(count):
        store.insert("brands", {"name": f"Brand {n}"})
    seen = []
    page = 1
    while True:
        answer = store.handle("GET", "brands", {"limit": "250", "page": str(page)}, None)
        if answer.status == 204:
            assert answer.body == b""
            break
        assert answer.status == 200
        seen.append(len(json.loads(answer.body)))
        page += 1
    assert seen == sizes
    assert call(store, "GET", "brands/count")[1] == {"count": count}


def test_products_page_walk_returns_every_id_once_in_ascending_order() -> None:
    store = fresh_store()
    for n in range(251):
        store.insert("products", {"name": f"P{n}"})
    first = call(store, "GET", "products", {"limit": "250"})[1]
    second = call(store, "GET", "products", {"limit": "250", "page": "2"})[1]
    assert [p["id"] for p in first + second] == list(range(1, 252))
    assert store.handle("GET", "products", {"limit": "250", "page": "3"}, None).body == b""


def test_default_limit_is_50() -> None:
    store = fresh_store()
    for n in range(60):
        store.insert("brands", {"name": f"B{n}"})
    assert len(call(store, "GET", "brands")[1]) == 50
    assert len(call(store, "GET", "brands", {"page": "2"})[1]) == 10


def test_limit_above_250_is_413_with_the_exact_body() -> None:
    answer = fresh_store().handle("GET", "products", {"limit": "251"}, None)
    assert answer.status == 413
    assert json.loads(answer.body) == [{
        "status": 413, "message": "The specified limit exceeds the maximum allowed.",
        "details": {"max_limit": 250},
    }]


@pytest.mark.parametrize("query", [
    {"limit": "0"}, {"limit": "abc"}, {"limit": "-1"}, {"limit": "2.5"}, {"limit": ""},
    {"page": "0"}, {"page": "abc"}, {"page": "-3"},
])
def test_limit_or_page_that_is_not_a_positive_integer_is_400(query: dict[str, str]) -> None:
    status, body = call(fresh_store(), "GET", "brands", query)
    assert status == 400 and body[0]["status"] == 400


def test_a_page_past_the_end_is_204() -> None:
    store = fresh_store()
    store.insert("brands", {"name": "Only"})
    assert store.handle("GET", "brands", {"page": "2"}, None).status == 204
    assert store.handle("GET", "products", {}, None).status == 204


def test_subresource_lists_are_paged_too() -> None:
    store = fresh_store()
    store.insert("products", {"name": "P"})
    for n in range(3):
        store.insert("products/1/custom_fields", {"name": f"F{n}", "text": "x"})
    assert [f["name"] for f in call(store, "GET", "products/1/custom_fields", {"limit": "2", "page": "2"})[1]] == ["F2"]
    assert store.handle("GET", "products/1/custom_fields", {"limit": "2", "page": "3"}, None).status == 204


def test_unpaginated_collections_ignore_page_and_limit() -> None:
    store = fresh_store()
    assert len(call(store, "GET", "order_statuses", {"page": "5", "limit": "1000"})[1]) == 15
    assert call(store, "GET", "time", {"page": "9", "limit": "9999"})[0] == 200
    assert call(store, "GET", "store", {"limit": "0"})[0] == 200


# ------------------------------------------------------------------ a shop to filter


@pytest.fixture(scope="module")
def shop() -> Store:
    store = fresh_store()
    for name in ("Acme", "Globex"):
        store.insert("brands", {"name": name})
    store.insert("categories", {"name": "Kitchen", "is_visible": True})
    store.insert("categories", {"name": "Home", "is_visible": False})
    store.insert("categories", {"name": "Kettles", "parent_id": 1})
    products = [
        {"name": "Brushed Steel Kettle", "sku": "KET-1", "description": "<p>Boils water fast</p>",
         "price": "49.00", "is_visible": True, "is_featured": False, "categories": [1], "brand_id": 1,
         "inventory_level": 5, "condition": "New", "availability": "available",
         "date_created": "Wed, 01 Jan 2020 00:00:00 +0000", "date_modified": "Mon, 01 Jun 2020 00:00:00 +0000"},
        {"name": "Oak Shelf", "sku": "SHF-2", "description": "Solid oak", "price": "120", "is_visible": False,
         "is_featured": True, "categories": [2, 3], "brand_id": 2, "inventory_level": 50, "condition": "Used",
         "availability": "preorder", "date_created": "Fri, 01 Jan 2021 00:00:00 +0000",
         "date_modified": "Mon, 01 Feb 2021 00:00:00 +0000"},
        {"name": "Copper Kettle Deluxe", "sku": "KET-3", "description": "Shiny", "price": 89.5, "is_visible": True,
         "is_featured": True, "categories": [1, 3], "brand_id": 1, "inventory_level": 0,
         "condition": "Refurbished", "availability": "disabled", "date_created": "Sat, 01 Jan 2022 00:00:00 +0000",
         "date_modified": "Tue, 01 Mar 2022 00:00:00 +0000"},
    ]
    for product in products:
        store.insert("products", product)
    for sku, level, upc in (("A-1", 0, ""), ("A-2", 10, ""), ("A-3", 50, "123")):
        store.insert("products/1/skus", {"sku": sku, "options": [], "inventory_level": level,
                                         "inventory_warning_level": 5, "upc": upc})
    customers = [
        ("Jane", "Doe", "jane@example.com", "Acme", "111", 1, "2020-01-01T00:00:00Z"),
        ("John", "Smith", "john@example.com", "", "222", 2, "2021-01-01T00:00:00Z"),
        ("Jane", "Smith", "JANE.S@example.com", "Acme", "333", 1, "2022-01-01T00:00:00Z"),
    ]
    for first, last, email, company, phone, group, created in customers:
        store.insert("customers", {"first_name": first, "last_name": last, "email": email, "company": company,
                                   "phone": phone, "customer_group_id": group, "date_created": created,
                                   "date_modified": created})
    orders = [(1, 11, "a@example.com", "10", "2020-01-01"), (2, 10, "b@example.com", "100", "2021-01-01"),
              (1, 11, "a@example.com", "55.5", "2022-01-01"), (0, 1, "c@example.com", "20", "2023-01-01")]
    for customer, status, email, price, created in orders:
        store.insert("orders", {
            "customer_id": customer, "status_id": status, "billing_address": {"email": email},
            "products": [{"name": "Thing", "quantity": 1, "price_ex_tax": price, "price_inc_tax": price}],
            "date_created": created, "date_modified": created,
        })
    assert store.handle("DELETE", "orders/3", {}, None).status == 204
    store.insert("orders/1/messages", {"subject": "a", "is_flagged": True, "status": "read"})
    store.insert("orders/1/messages", {"subject": "b", "is_flagged": False, "status": "unread"})
    store.insert("options", {"name": "Colors", "display_name": "Color", "type": "CS"})
    store.insert("options", {"name": "Sizes", "display_name": "Size", "type": "RB"})
    store.insert("option_sets", {"name": "Shirts"})
    store.insert("option_sets", {"name": "Mugs"})
    store.insert("customer_groups", {"name": "Retail", "is_default": True})
    store.insert("customer_groups", {"name": "Wholesale"})
    for code, name, kind in (("SAVE5", "Five off", "per_total_discount"), ("FREESHIP", "Free ship", "free_shipping"),
                             ("TENPCT", "Ten percent", "percentage_discount")):
        store.insert("coupons", {"code": code, "name": name, "type": kind, "amount": "5", "applies_to": {}})
    for to_email, order_id in (("a@example.com", 1), ("b@example.com", 2)):
        store.insert("gift_certificates", {"to_name": to_email[0].upper(), "to_email": to_email, "from_name": "Shop",
                                           "from_email": "shop@example.com", "amount": "10", "order_id": order_id})
    store.insert("blog/posts", {"title": "Hello", "body": "x", "tags": ["News"], "is_published": True,
                                "published_date": "2021-05-01T10:00:00Z"})
    store.insert("blog/posts", {"title": "Draft", "body": "y", "tags": ["Tips", "news"], "is_published": False,
                                "published_date": "2022-05-01T10:00:00Z"})
    store.insert("banners", {"name": "A", "content": "a"})
    store.insert("banners", {"name": "B", "content": "b"})
    return store


def ids(rows: list[dict[str, Any]] | None, key: str = "id") -> list[Any]:
    return [row[key] for row in rows or []]


CASES: list[tuple[str, str | None, dict[str, str], str, list[Any]]] = [
    # products
    ("products", "products/count", {"min_id": "2"}, "id", [2, 3]),
    ("products", "products/count", {"max_id": "2"}, "id", [1, 2]),
    ("products", "products/count", {"name": "oak shelf"}, "id", [2]),
    ("products", "products/count", {"name": "Oak"}, "id", []),
    ("products", "products/count", {"keyword_filter": "kettle"}, "id", [1, 3]),
    ("products", "products/count", {"keyword_filter": "ket-3"}, "id", [3]),
    ("products", "products/count", {"keyword_filter": "boils"}, "id", [1]),
    ("products", "products/count", {"description": "OAK"}, "id", [2]),
    ("products", "products/count", {"sku": "KET-1"}, "id", [1]),
    ("products", "products/count", {"is_visible": "true"}, "id", [1, 3]),
    ("products", "products/count", {"is_visible": "0"}, "id", [2]),
    ("products", "products/count", {"is_featured": "1"}, "id", [2, 3]),
    ("products", "products/count", {"category": "3"}, "id", [2, 3]),
    ("products", "products/count", {"category": "1,2"}, "id", [1, 2, 3]),
    ("products", "products/count", {"brand_id": "1"}, "id", [1, 3]),
    ("products", "products/count", {"min_price": "50"}, "id", [2, 3]),
    ("products", "products/count", {"max_price": "89.5"}, "id", [1, 3]),
    ("products", "products/count", {"min_price": "50", "max_price": "100"}, "id", [3]),
    ("products", "products/count", {"min_inventory_level": "5"}, "id", [1, 2]),
    ("products", "products/count", {"max_inventory_level": "5"}, "id", [1, 3]),
    ("products", "products/count", {"min_date_created": "Fri, 01 Jan 2021 00:00:00 +0000"}, "id", [2, 3]),
    ("products", "products/count", {"min_date_created": "2020-12-31T20:00:00-04:00"}, "id", [2, 3]),
    ("products", "products/count", {"max_date_created": "2021-01-01T00:00:00Z"}, "id", [1, 2]),
    ("products", "products/count", {"max_date_created": "Thu, 31 Dec 2020 19:00:00 -0500"}, "id", [1, 2]),
    ("products", "products/count", {"min_date_created": "2021-06-01"}, "id", [3]),
    ("products", "products/count", {"min_date_modified": "2021-02-01T00:00:00.000+00:00"}, "id", [2, 3]),
    ("products", "products/count", {"max_date_modified": "Mon, 01 Jun 2020 00:00:00 +0000"}, "id", [1]),
    ("products", "products/count", {"condition": "Used"}, "id", [2]),
    ("products", "products/count", {"availability": "preorder"}, "id", [2]),
    ("products", "products/count", {"colour": "red"}, "id", [1, 2, 3]),  # unknown filters are ignored
    # product skus, per product and store-wide counts
    ("products/1/skus", "products/1/skus/count", {"sku": "A-2"}, "sku", ["A-2"]),
    ("products/1/skus", "products/skus/count", {"min_id": "2"}, "sku", ["A-2", "A-3"]),
    ("products/1/skus", "products/skus/count", {"max_id": "1"}, "sku", ["A-1"]),
    ("products/1/skus", "products/1/skus/count", {"min_inventory_level": "10"}, "sku", ["A-2", "A-3"]),
    ("products/1/skus", "products/1/skus/count", {"max_inventory_level": "10"}, "sku", ["A-1", "A-2"]),
    ("products/1/skus", "products/1/skus/count", {"is_low_inventory": "true"}, "sku", ["A-1"]),
    ("products/1/skus", "products/1/skus/count", {"upc": "123"}, "sku", ["A-3"]),
    # customers
    ("customers", "customers/count", {"first_name": "jane"}, "id", [1, 3]),
    ("customers", "customers/count", {"last_name": "Smith"}, "id", [2, 3]),
    ("customers", "customers/count", {"email": "jane.s@example.com"}, "id", [3]),
    ("customers", "customers/count", {"company": "acme"}, "id", [1, 3]),
    ("customers", "customers/count", {"phone": "222"}, "id", [2]),
    ("customers", "customers/count", {"customer_group_id": "1"}, "id", [1, 3]),
    ("customers", "customers/count", {"min_id": "2"}, "id", [2, 3]),
    ("customers", "customers/count", {"max_id": "1"}, "id", [1]),
    ("customers", "customers/count", {"min_date_created": "2021-01-01"}, "id", [2, 3]),
    ("customers", "customers/count", {"max_date_created": "Fri, 01 Jan 2021 00:00:00 +0000"}, "id", [1, 2]),
    ("customers", "customers/count", {"min_date_modified": "2022-01-01T00:00:00Z"}, "id", [3]),
    ("customers", "customers/count", {"max_date_modified": "2020-06-01"}, "id", [1]),
    # orders (order 3 is archived)
    ("orders", "orders/count", {}, "id", [1, 2, 4]),
    ("orders", "orders/count", {"customer_id": "1"}, "id", [1]),
    ("orders", "orders/count", {"status_id": "11"}, "id", [1]),
    ("orders", "orders/count", {"status_id": "10,1"}, "id", [2, 4]),
    ("orders", "orders/count", {"email": "A@example.com"}, "id", [1]),
    ("orders", "orders/count", {"min_total": "20"}, "id", [2, 4]),
    ("orders", "orders/count", {"max_total": "20"}, "id", [1, 4]),
    ("orders", "orders/count", {"min_id": "2"}, "id", [2, 4]),
    ("orders", "orders/count", {"max_id": "2"}, "id", [1, 2]),
    ("orders", "orders/count", {"min_date_created": "2021-01-01"}, "id", [2, 4]),
    ("orders", "orders/count", {"max_date_created": "2021-01-01T00:00:00Z"}, "id", [1, 2]),
    ("orders", "orders/count", {"min_date_modified": "Sat, 01 Jan 2022 00:00:00 +0000"}, "id", [4]),
    ("orders", "orders/count", {"max_date_modified": "2020-01-02"}, "id", [1]),
    ("orders", "orders/count", {"is_deleted": "true"}, "id", [3]),
    ("orders", "orders/count", {"is_deleted": "false"}, "id", [1, 2, 4]),
    ("orders", "orders/count", {"is_deleted": "true", "customer_id": "1"}, "id", [3]),
    ("orders", "orders/count", {"sort": "id:desc"}, "id", [4, 2, 1]),
    ("orders", "orders/count", {"sort": "customer_id:asc"}, "id", [4, 1, 2]),
    ("orders", "orders/count", {"sort": "date_created:desc", "min_id": "2"}, "id", [4, 2]),
    ("orders", "orders/count", {"sort": "status_id"}, "id", [4, 2, 1]),
    ("orders/1/messages", None, {"is_flagged": "true"}, "subject", ["a"]),
    ("orders/1/messages", None, {"status": "unread"}, "subject", ["b"]),
    # catalog lookups
    ("brands", "brands/count", {"name": "GLOBEX"}, "id", [2]),
    ("brands", "brands/count", {"min_id": "2"}, "id", [2]),
    ("categories", "categories/count", {"name": "Kitchen"}, "id", [1]),
    ("categories", "categories/count", {"parent_id": "1"}, "id", [3]),
    ("categories", "categories/count", {"parent_id": "0"}, "id", [1, 2]),
    ("categories", "categories/count", {"is_visible": "false"}, "id", [2]),
    ("categories", "categories/count", {"max_id": "2"}, "id", [1, 2]),
    ("options", "options/count", {"name": "Sizes"}, "id", [2]),
    ("options", "options/count", {"display_name": "Color"}, "id", [1]),
    ("options", "options/count", {"type": "RB"}, "id", [2]),
    ("option_sets", "option_sets/count", {"name": "Mugs"}, "id", [2]),
    ("customer_groups", "customer_groups/count", {"name": "Wholesale"}, "id", [2]),
    ("customer_groups", "customer_groups/count", {"is_default": "true"}, "id", [1]),
    # marketing and content
    ("coupons", "coupons/count", {"code": "FREESHIP"}, "id", [2]),
    ("coupons", "coupons/count", {"name": "Ten percent"}, "id", [3]),
    ("coupons", "coupons/count", {"type": "per_total_discount"}, "id", [1]),
    ("coupons", "coupons/count", {"min_id": "2"}, "id", [2, 3]),
    ("coupons", "coupons/count", {"max_id": "2"}, "id", [1, 2]),
    ("coupons", "coupons/count", {"id": "3"}, "id", [3]),
    ("coupons", "coupons/count", {"exclude_type": "free_shipping"}, "id", [1, 3]),
    ("gift_certificates", None, {"to_email": "b@example.com"}, "id", [2]),
    ("gift_certificates", None, {"order_id": "1"}, "id", [1]),
    ("gift_certificates", None, {"to_name": "A"}, "id", [1]),
    ("gift_certificates", None, {"from_email": "shop@example.com", "min_id": "2"}, "id", [2]),
    ("banners", "banners/count", {"max_id": "1"}, "id", [1]),
    ("blog/posts", "blog/posts/count", {"is_published": "true"}, "id", [1]),
    ("blog/posts", "blog/posts/count", {"tag": "news"}, "id", [2, 1]),
    ("blog/posts", "blog/posts/count", {"url": "/blog/draft/"}, "id", [2]),
    ("shipping/methods", None, {"id": "2"}, "id", [2]),
    ("shipping/methods", None, {"min_id": "2"}, "id", [2, 3]),
    # geography
    ("countries", "countries/count", {"country": "canada"}, "country_iso2", ["CA"]),
    ("countries", "countries/count", {"country_iso2": "DE"}, "country", ["Germany"]),
    ("countries", "countries/count", {"country_iso3": "USA"}, "country", ["United States"]),
    ("countries/8/states", "countries/8/states/count", {"state": "texas"}, "state_abbreviation", ["TX"]),
    ("countries/8/states", "countries/8/states/count", {"state_abbreviation": "NY"}, "state", ["New York"]),
    ("countries/states", "countries/states/count", {"state_abbreviation": "WA"}, "state",
     ["Western Australia", "Washington"]),
]


@pytest.mark.parametrize("path, count_path, query, key, expected", CASES)
def test_filters_select_the_same_rows_on_lists_and_counts(
    shop: Store, path: str, count_path: str | None, query: dict[str, str], key: str, expected: list[Any],
) -> None:
    answer = shop.handle("GET", path, {**query, "limit": "250"}, None)
    if expected:
        assert answer.status == 200
        assert ids(json.loads(answer.body), key) == expected
    else:
        assert (answer.status, answer.body) == (204, b"")
    if count_path is not None:
        count_query = {k: v for k, v in query.items() if k != "sort"}
        body = json.loads(shop.handle("GET", count_path, count_query, None).body)
        assert body["count"] == len(expected)


@pytest.mark.parametrize("path, query", [
    ("products", {"min_id": "abc"}), ("products/count", {"max_id": "1.5"}), ("products", {"is_visible": "maybe"}),
    ("products", {"min_price": "cheap"}), ("products", {"min_date_created": "yesterday"}),
    ("products", {"category": "kitchen"}), ("customers", {"customer_group_id": "x"}),
    ("customers/count", {"min_date_modified": "2021-13-45"}), ("orders", {"status_id": "eleven"}),
    ("orders/count", {"min_total": "lots"}), ("orders", {"sort": "price:desc"}), ("orders", {"sort": "id:sideways"}),
    ("orders", {"is_deleted": "perhaps"}), ("products/1/skus", {"is_low_inventory": "2"}),
    ("coupons", {"min_id": "one"}), ("blog/posts", {"is_published": "yes"}),
])
def test_an_invalid_value_for_a_typed_filter_is_400(shop: Store, path: str, query: dict[str, str]) -> None:
    status, body = call(shop, "GET", path, query)
    assert status == 400
    assert body[0]["status"] == 400 and "invalid" in body[0]["message"]


def test_order_count_statuses_follow_the_filters(shop: Store) -> None:
    body = call(shop, "GET", "orders/count", {"customer_id": "2"})[1]
    counts = {status["id"]: status["count"] for status in body["statuses"]}
    assert body["count"] == 1 and counts[10] == 1 and sum(counts.values()) == 1


def test_delete_all_honours_the_sku_filters() -> None:
    store = fresh_store()
    store.insert("products", {"name": "P"})
    for sku in ("A", "B", "C"):
        store.insert("products/1/skus", {"sku": sku, "options": []})
    assert store.handle("DELETE", "products/1/skus", {"sku": "B"}, None).status == 204
    assert ids(call(store, "GET", "products/1/skus")[1], "sku") == ["A", "C"]
