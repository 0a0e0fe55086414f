"""The sandbox's v3 HTTP surface, checked over loopback against v3-resources.md and the v3 specs."""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest
import requests

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.v3.templates import TEMPLATES
from tests.sandbox.v3_http import ERROR_KEYS, data, error_of, product_body, v3

MakeSandbox = Callable[..., Sandbox]


# -- routing, auth, unserved paths ----------------------------------------------------
def test_v3_base_is_the_store_path_with_v3(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    assert sb.v3_api_url == f"{sb.base_url}/stores/{sb.store_hash}/v3"
    assert sb.v3_base_url == sb.v3_api_url + "/"


def test_the_template_list_holds_every_spec_path_and_operation() -> None:
    assert len(TEMPLATES) == 245
    assert sum(len(methods.split()) for _, methods in TEMPLATES) == 538
    assert len({path for path, _ in TEMPLATES}) == 245


def test_v3_needs_the_oauth_token_and_refuses_in_v3_words(seeded_sandbox: Sandbox) -> None:
    response = requests.get(f"{seeded_sandbox.v3_api_url}/catalog/products", timeout=5)
    body = error_of(response, 401)
    assert "X-Auth-Token" in body["title"]


def test_a_wrong_store_hash_is_a_v3_404(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    response = requests.get(f"{sb.base_url}/stores/nope/v3/catalog/products",
                            headers={"X-Auth-Token": sb.access_token}, timeout=5)
    error_of(response, 404)


@pytest.mark.parametrize("method, path", [("GET", "settings/catalog"), ("PUT", "checkouts/settings"),
                                          ("GET", "infrastructure/projects"),
                                          ("POST", "catalog/products/1/modifiers/1/values/1/image")])
def test_an_unserved_v3_operation_is_a_501_naming_method_and_path(seeded_sandbox: Sandbox, method: str,
                                                                  path: str) -> None:
    body = error_of(v3(seeded_sandbox, method, path, json=[] if method != "GET" else None), 501)
    assert body["title"] == f"The sandbox does not serve {method} /v3/{path}"
    assert body["detail"]


def test_a_method_the_spec_does_not_declare_is_405_and_an_unknown_path_404(seeded_sandbox: Sandbox) -> None:
    assert "POST" in error_of(v3(seeded_sandbox, "POST", "catalog/summary", json={}), 405)["title"]
    error_of(v3(seeded_sandbox, "GET", "catalog/gadgets"), 404)
    error_of(v3(seeded_sandbox, "GET", "catalog/products/abc"), 404)
    error_of(v3(seeded_sandbox, "GET", "catalog/products/99999"), 404)


# -- offset paging ----------------------------------------------------------------------
def test_a_product_page_has_the_envelope_and_offset_meta(seeded_sandbox: Sandbox) -> None:
    body = v3(seeded_sandbox, "GET", "catalog/products", params={"limit": 5, "page": 2}).json()
    assert [p["id"] for p in body["data"]] == [6, 7, 8, 9, 10]
    assert body["meta"]["pagination"] == {
        "total": 30, "count": 5, "per_page": 5, "current_page": 2, "total_pages": 6,
        "links": {"previous": "?page=1&limit=5", "current": "?page=2&limit=5", "next": "?page=3&limit=5"},
    }


def test_first_and_last_pages_leave_out_the_links_that_do_not_apply(seeded_sandbox: Sandbox) -> None:
    first = v3(seeded_sandbox, "GET", "catalog/products", params={"limit": 10}).json()["meta"]["pagination"]
    last = v3(seeded_sandbox, "GET", "catalog/products", params={"limit": 10, "page": 3}).json()["meta"]["pagination"]
    assert "previous" not in first["links"] and first["links"]["next"] == "?page=2&limit=10"
    assert "next" not in last["links"] and last["count"] == 10


def test_limit_defaults_to_50_allows_250_and_refuses_251(seeded_sandbox: Sandbox) -> None:
    assert v3(seeded_sandbox, "GET", "catalog/products").json()["meta"]["pagination"]["per_page"] == 50
    assert v3(seeded_sandbox, "GET", "catalog/products", params={"limit": 250}).status_code == 200
    assert "limit" in error_of(v3(seeded_sandbox, "GET", "catalog/products", params={"limit": 251}), 422)["errors"]


def test_links_keep_the_filters_and_following_next_walks_every_match(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    seen, link = [], "catalog/products?id:min=5&limit=7"
    while link:
        body = v3(sb, "GET", link).json()
        seen += [p["id"] for p in body["data"]]
        nxt = body["meta"]["pagination"]["links"].get("next")
        link = f"catalog/products{nxt}" if nxt else ""
    assert seen == list(range(5, 31))
    assert body["meta"]["pagination"]["links"]["current"].startswith("?id:min=5&")


# -- filters, sort, include -------------------------------------------------------------
@pytest.mark.parametrize("params, expected", [
    ({"id": 4}, [4]),
    ({"id:in": "3,5,7"}, [3, 5, 7]),
    ({"id:not_in": ",".join(str(n) for n in range(1, 28))}, [28, 29, 30]),
    ({"id:min": 28}, [28, 29, 30]),
    ({"id:max": 2}, [1, 2]),
    ({"id:greater": 28}, [29, 30]),
    ({"id:less": 3}, [1, 2]),
])
def test_id_filters(seeded_sandbox: Sandbox, params: dict[str, Any], expected: list[int]) -> None:
    assert [p["id"] for p in data(v3(seeded_sandbox, "GET", "catalog/products", params=params))] == expected


def test_value_filters_match_the_v3_fields(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    everything = data(v3(sb, "GET", "catalog/products", params={"limit": 250}))
    third = everything[2]

    def ids(**params: Any) -> list[int]:
        return [p["id"] for p in data(v3(sb, "GET", "catalog/products", params={"limit": 250, **params}))]

    assert ids(name=third["name"]) == [3]
    assert ids(sku=third["sku"]) == [3]
    assert ids(**{"sku:in": f"{third['sku']},{everything[4]['sku']}"}) == [3, 5]
    assert ids(price=third["price"]) == [p["id"] for p in everything if p["price"] == third["price"]]
    assert ids(brand_id=third["brand_id"]) == [p["id"] for p in everything if p["brand_id"] == third["brand_id"]]
    assert ids(is_visible="false") == [p["id"] for p in everything if not p["is_visible"]]
    category = third["categories"][0]
    assert ids(**{"categories:in": f"{category},99999"}) == [p["id"] for p in everything
                                                             if category in p["categories"]]
    assert ids(keyword=third["name"].split()[-2]) and set(ids(keyword="kettle")) <= {p["id"] for p in everything}
    assert ids(**{"date_modified:min": "2999-01-01"}) == []
    assert len(ids(**{"date_modified:max": "2999-01-01T00:00:00Z"})) == 30
    assert len(ids(**{"date_modified:min": "2000-01-01T00:00:00+00:00"})) == 30


def test_an_unreadable_filter_value_or_sort_is_a_422_naming_it(seeded_sandbox: Sandbox) -> None:
    assert "id:min" in error_of(v3(seeded_sandbox, "GET", "catalog/products", params={"id:min": "x"}), 422)["errors"]
    assert "sort" in error_of(v3(seeded_sandbox, "GET", "catalog/products", params={"sort": "colour"}), 422)["errors"]


def test_sort_and_direction_order_the_whole_list(seeded_sandbox: Sandbox) -> None:
    products = data(v3(seeded_sandbox, "GET", "catalog/products", params={"sort": "price", "direction": "desc",
                                                                          "limit": 250}))
    prices = [p["price"] for p in products]
    assert prices == sorted(prices, reverse=True) and len(prices) == 30


def test_include_embeds_subresources_and_include_fields_keeps_id(seeded_sandbox: Sandbox) -> None:
    product = data(v3(seeded_sandbox, "GET", "catalog/products/3",
                      params={"include": "variants,images,custom_fields,primary_image"}))
    assert [v["product_id"] for v in product["variants"]] == [3] * len(product["variants"]) and product["variants"]
    assert product["images"] and product["primary_image"]["is_thumbnail"] is True
    assert [(f["name"], sorted(f)) for f in product["custom_fields"]] == [
        ("Material", ["id", "name", "value"]), ("Warranty", ["id", "name", "value"])]
    narrowed = data(v3(seeded_sandbox, "GET", "catalog/products", params={"include_fields": "name,price",
                                                                          "limit": 2}))
    assert [sorted(p) for p in narrowed] == [["id", "name", "price"]] * 2
    without = data(v3(seeded_sandbox, "GET", "catalog/products/1", params={"exclude_fields": "id,description"}))
    assert "id" in without and "description" not in without and "name" in without


def test_a_product_reads_in_v3_forms(seeded_sandbox: Sandbox) -> None:
    product = data(v3(seeded_sandbox, "GET", "catalog/products/1"))
    assert isinstance(product["price"], (int, float)) and isinstance(product["weight"], (int, float))
    assert product["date_created"].endswith("+00:00") and "T" in product["date_created"]
    assert set(product["custom_url"]) == {"url", "is_customized"}
    assert product["inventory_tracking"] in ("none", "product", "variant")
    assert product["related_products"] == [-1] and isinstance(product["meta_keywords"], list)
    assert v3(seeded_sandbox, "GET", "catalog/products/1").json()["meta"] == {}


# -- product writes -------------------------------------------------------------------------
def test_create_names_each_missing_field_and_refuses_a_price_string(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    body = error_of(v3(sb, "POST", "catalog/products", json={"name": "Lamp"}), 422)
    assert set(body["errors"]) == {"type", "weight", "price"}
    assert "price" in error_of(v3(sb, "POST", "catalog/products", json=product_body("Lamp", price="9.99")),
                               422)["errors"]
    assert "name" in error_of(v3(sb, "POST", "catalog/products", json=product_body("x" * 251)), 422)["errors"]
    negative = error_of(v3(sb, "POST", "catalog/products", json=product_body("Lamp", price=-1)), 422)
    assert negative["errors"] == {"price": "The field 'price' must be at least 0."}


def test_create_answers_200_with_the_product_and_409_on_a_duplicate_name(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    created = v3(sb, "POST", "catalog/products", json=product_body("Desk Lamp", sku="DL-1"))
    product = data(created)
    assert created.json()["meta"] == {} and product["price"] == 19.99 and product["sku"] == "DL-1"
    assert product["custom_url"] == {"url": "/desk-lamp/", "is_customized": False}
    conflict = error_of(v3(sb, "POST", "catalog/products", json=product_body("Desk Lamp")), 409)
    assert "name" in conflict["errors"]
    assert "categories" in error_of(v3(sb, "POST", "catalog/products",
                                       json=product_body("Other Lamp", categories=[424242])), 409)["errors"]


def test_put_one_product_and_delete_it(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=3)
    updated = data(v3(sb, "PUT", "catalog/products/2", json={"price": 5, "gtin": "0123", "is_visible": True}))
    assert (updated["price"], updated["gtin"], updated["is_visible"]) == (5, "0123", True)
    deleted = v3(sb, "DELETE", "catalog/products/2")
    assert deleted.status_code == 204 and deleted.content == b"" and "Content-Type" not in deleted.headers
    error_of(v3(sb, "GET", "catalog/products/2"), 404)


def test_batch_update_takes_10_items_and_413s_at_11(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=12)
    ten = [{"id": n, "price": 10 + n} for n in range(1, 11)]
    assert [p["price"] for p in data(v3(sb, "PUT", "catalog/products", json=ten))] == [10 + n for n in range(1, 11)]
    too_many = v3(sb, "PUT", "catalog/products", json=[*ten, {"id": 11, "price": 1}])
    assert too_many.status_code == 413
    assert too_many.json() == {"status": 413, "type": "/api-docs/getting-started/api-status-codes", "errors": {},
                               "title": "The request payload is too large. The maximum items allowed in the array "
                                        "is 10."}
    assert data(v3(sb, "GET", "catalog/products/11"))["price"] != 1


def test_a_partly_invalid_batch_saves_the_valid_items_and_answers_207(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=3)
    response = v3(sb, "PUT", "catalog/products", json=[{"id": 1, "price": 7}, {"id": 2, "price": "seven"},
                                                       {"price": 1}, {"id": 404, "price": 1}])
    assert response.status_code == 207
    body = response.json()
    assert [p["id"] for p in body["data"]] == [1] and body["data"][0]["price"] == 7
    assert body["errors"]["status"] == 422 and ERROR_KEYS <= set(body["errors"])
    assert set(body["errors"]["errors"]) == {"1.price", "2.id", "3.id"}
    assert "pagination" in body["meta"]
    assert data(v3(sb, "GET", "catalog/products/2"))["price"] != "seven"
    nothing = error_of(v3(sb, "PUT", "catalog/products", json=[{"id": 2, "weight": "heavy"}]), 422)
    assert nothing["errors"] == {"0.weight": "The field 'weight' must be a number."}


def test_bulk_delete_demands_a_filter_and_at_most_250_ids(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=5)
    assert "filter" in error_of(v3(sb, "DELETE", "catalog/products"), 422)["errors"]
    ids = ",".join(str(n) for n in range(1, 252))
    assert "id:in" in error_of(v3(sb, "DELETE", "catalog/products", params={"id:in": ids}), 422)["errors"]
    assert v3(sb, "DELETE", "catalog/products", params={"id:in": "1,2"}).status_code == 204
    assert [p["id"] for p in data(v3(sb, "GET", "catalog/products"))] == [3, 4, 5]


# -- the HTTP layer's rules apply to v3 too ------------------------------------------------------
def test_v3_bodies_must_be_json(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    response = requests.post(f"{sb.v3_api_url}/catalog/products", data=b"{nope",
                             headers={"X-Auth-Token": sb.access_token, "Content-Type": "application/json"}, timeout=5)
    error_of(response, 400)
    response = requests.post(f"{sb.v3_api_url}/catalog/products", data=json.dumps(product_body("A")),
                             headers={"X-Auth-Token": sb.access_token, "Content-Type": "text/plain"}, timeout=5)
    error_of(response, 415)


def test_v3_requests_are_counted_and_faulted_under_their_v3_path(make_real_sandbox: MakeSandbox) -> None:
    from bigcommerce.sandbox import FaultRule

    sb = make_real_sandbox(products=2)
    rule = sb.faults.add(FaultRule(status=503, path="v3/catalog"))
    faulted = v3(sb, "GET", "catalog/products")
    assert error_of(faulted, 503) and rule.fired == 1
    assert v3(sb, "GET", "catalog/products").status_code == 200
    assert sb.stats.count("GET", "v3/catalog/products") == 2
    assert all(name in faulted.headers for name in ("X-Rate-Limit-Requests-Left", "X-Rate-Limit-Requests-Quota"))
