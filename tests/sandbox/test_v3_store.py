"""The v3 view answered directly through ``Store.handle_v3`` (no HTTP): routing, dates, seeds, limits."""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.cli import describe
from bigcommerce.sandbox.store import Store
from bigcommerce.sandbox.v3.routes import ROUTES
from bigcommerce.sandbox.v3.templates import TEMPLATES

T0 = 1715679240  # 2024-05-14T09:34:00Z
MakeSandbox = Callable[..., Sandbox]


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def call(store: Store, method: str, path: str, query: dict[str, str] | None = None,
         body: object = None) -> tuple[int, Any]:
    answer = store.handle_v3(method, path, query or {}, body)
    return answer.status, json.loads(answer.body) if answer.body else None


def ok(store: Store, method: str, path: str, query: dict[str, str] | None = None, body: object = None) -> Any:
    status, parsed = call(store, method, path, query, body)
    assert status == 200, (status, parsed)
    return parsed["data"]


@pytest.fixture
def store() -> Store:
    return Store(store_hash="abc123", clock=FakeClock())


def product(store: Store, name: str, **fields: Any) -> dict[str, Any]:
    return ok(store, "POST", "catalog/products", body={"name": name, "type": "physical", "weight": 1, "price": 5,
                                                        **fields})


def test_every_spec_template_is_routed_served_or_501() -> None:
    store = Store()
    served = {route.template: route.ops for route in ROUTES}
    for template, methods in TEMPLATES:
        path = "/".join("1" if part.startswith("{") else part for part in template.split("/"))
        method = methods.split()[0]
        status, body = call(store, method, path, body=[] if method in ("POST", "PUT") else None)
        if method in served.get(template, ()):
            assert status != 501, template
        else:
            assert status == 501 and body["title"] == f"The sandbox does not serve {method} /v3/{path}", template


def test_dates_are_iso_8601_out_and_iso_accepted_in(store: Store) -> None:
    created = product(store, "Lamp", preorder_release_date="2024-06-01T10:00:00Z")
    assert created["date_created"] == "2024-05-14T09:34:00+00:00"
    assert created["preorder_release_date"] == "2024-06-01T10:00:00+00:00"
    updated = ok(store, "PUT", f"catalog/products/{created['id']}",
                 body={"preorder_release_date": "2024-06-02T12:00:00+02:00"})
    assert updated["preorder_release_date"] == "2024-06-02T10:00:00+00:00"
    assert "preorder_release_date" in call(store, "PUT", f"catalog/products/{created['id']}",
                                           body={"preorder_release_date": "soon"})[1]["errors"]


def test_bare_dates_in_min_max_filters(store: Store) -> None:
    product(store, "Lamp")
    assert len(ok(store, "GET", "catalog/products", {"date_modified:max": "2024-05-15"})) == 1
    assert ok(store, "GET", "catalog/products", {"date_modified:max": "2024-05-14"}) == []
    assert len(ok(store, "GET", "catalog/products", {"date_modified": "2024-05-14"})) == 1
    # A bare date_modified:min gets the request's time of day (products spec): 09:34 today is not after 09:34.
    assert len(ok(store, "GET", "catalog/products", {"date_modified:min": "2024-05-14"})) == 1
    assert ok(store, "GET", "catalog/products", {"date_modified:min": "2024-05-15"}) == []


def test_seeded_products_get_variants_with_option_values_and_metafields() -> None:
    store = Store()
    store.seed(products=30)
    variants = ok(store, "GET", "catalog/variants", {"limit": "250"})
    per_product: dict[int, int] = {}
    for variant in variants:
        per_product[variant["product_id"]] = per_product.get(variant["product_id"], 0) + 1
        assert variant["option_values"] and variant["option_values"][0]["label"]
    assert all(pid % 3 == 0 or pid % 7 == 0 for pid in per_product)
    assert all(2 <= count <= 4 for pid, count in per_product.items() if pid % 7)
    assert {pid for pid in range(3, 31, 3) if pid % 7} <= set(per_product)
    products = ok(store, "GET", "catalog/products", {"id:in": "3", "include": "variants"})
    assert products[0]["inventory_tracking"] == "variant" and products[0]["base_variant_id"] is None
    metafields = ok(store, "GET", "catalog/products/metafields", {"limit": "250"})
    assert {m["resource_id"] for m in metafields} == set(range(5, 31, 5))


def test_a_product_takes_at_most_250_metafields(store: Store) -> None:
    created = product(store, "Lamp")
    path = f"catalog/products/{created['id']}/metafields"
    batch = [{"resource_id": created["id"], "namespace": "n", "key": f"k{n}", "value": "v", "permission_set": "read"}
             for n in range(251)]
    status, body = call(store, "POST", "catalog/products/metafields", body=batch)
    assert status == 422 and body["meta"] == {"total": 251, "success": 250, "failed": 1}
    assert len(ok(store, "GET", path, {"limit": "250"})) == 250


def test_a_cursor_whose_row_was_deleted_still_finds_its_place(store: Store) -> None:
    for n in range(6):
        call(store, "POST", "customers", body=[{"email": f"c{n}@example.com", "first_name": "C", "last_name": str(n)}])
    _, first = call(store, "GET", "customers", {"limit": "2"})
    end = first["meta"]["cursor_pagination"]["end_cursor"]
    assert call(store, "DELETE", "customers", {"id:in": "2"})[0] == 204
    after = ok(store, "GET", "customers", {"limit": "2", "after": end})
    assert [c["id"] for c in after] == [3, 4]


def test_a_product_name_repeated_in_one_batch_conflicts(store: Store) -> None:
    first, second = product(store, "A"), product(store, "B")
    status, body = call(store, "PUT", "catalog/products", body=[{"id": first["id"], "name": "C"},
                                                              {"id": second["id"], "name": "C"}])
    assert status == 207 and body["errors"]["errors"] == {"1.name": "The name is already in use."}


def test_nested_variant_errors_name_their_place_and_save_nothing(store: Store) -> None:
    status, body = call(store, "POST", "catalog/products", body={
        "name": "Tee", "type": "physical", "weight": 1, "price": 5,
        "variants": [{"sku": "T-1", "option_values": []}, {"sku": "T-1", "option_values": []}]})
    assert status == 409 and body["errors"] == {"variants.1.sku": "The sku repeats another item's."}
    assert ok(store, "GET", "catalog/products") == []


def test_the_summary_of_an_empty_store(store: Store) -> None:
    summary = ok(store, "GET", "catalog/summary")
    assert summary["variant_count"] == 0 and summary["primary_category_id"] == 0
    assert summary["oldest_variant_date"] is None


def test_writes_through_v3_refresh_cached_v2_lists_and_back(store: Store) -> None:
    created = product(store, "Lamp")
    assert json.loads(store.handle("GET", "products", {}, None).body)[0]["price"] == "5.0000"
    assert ok(store, "GET", "catalog/products")[0]["price"] == 5
    ok(store, "PUT", f"catalog/products/{created['id']}", body={"price": 6})
    assert json.loads(store.handle("GET", "products", {}, None).body)[0]["price"] == "6.0000"
    store.handle("PUT", f"products/{created['id']}", {}, {"price": "7"})
    assert ok(store, "GET", "catalog/products")[0]["price"] == 7


def test_the_banner_gives_the_v3_base(make_sandbox: MakeSandbox) -> None:
    sb = make_sandbox()
    banner = describe(sb)
    assert sb.v3_api_url in banner and sb.api_url in banner


def test_cached_pages_with_includes_follow_writes_through_v2(store: Store) -> None:
    created = product(store, "Tee", variants=[{"sku": "T-S", "option_values": [
        {"option_display_name": "Size", "label": "S"}]}])
    query = {"include": "variants,primary_image"}
    first = ok(store, "GET", "catalog/products", query)[0]
    assert [v["sku"] for v in first["variants"]] == ["T-S"] and first["primary_image"] is None
    assert ok(store, "GET", "catalog/products", query) == [first]
    store.handle("POST", f"products/{created['id']}/skus", {}, {"sku": "T-M", "options": []})
    store.handle("POST", f"products/{created['id']}/images", {}, {"image_file": "t/tee.jpg"})
    again = ok(store, "GET", "catalog/products", query)[0]
    assert [v["sku"] for v in again["variants"]] == ["T-S", "T-M"]
    assert again["primary_image"]["image_file"] == "t/tee.jpg" and again["primary_image"]["url_zoom"].startswith(
        "https://cdn11.bigcommerce.com/s-abc123/products/")
