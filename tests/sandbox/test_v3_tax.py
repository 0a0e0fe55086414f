"""The sandbox's v3 tax families over loopback (v3-resources.md §3.35): tax classes over the v2
``tax_classes`` rows (and what v2 sees of them), tax zones and rates, the tax settings."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from tests.sandbox.v3_http import data, error_of, v2, v3

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def problem_of(response: Any, status: int) -> dict[str, Any]:
    """The tax classes' problem envelope ``{errors: [{title, status, type, detail, code}], meta}``."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    body: dict[str, Any] = response.json()
    [problem] = body["errors"]
    assert problem["status"] == status and {"title", "type", "detail", "code"} <= set(problem)
    assert body["meta"] == {}
    return problem


def v2_names(sb: Sandbox) -> list[str]:
    return [row["name"] for row in v2(sb, "GET", "tax_classes").json()]


# -- tax classes (§3.35: batch only, no v3 GET, ≤ 50, unique names, DELETE id:in else 404) ----------------
def test_tax_classes_created_through_v3_are_v2_tax_classes(sb: Sandbox) -> None:
    before = v2_names(sb)
    created = data(v3(sb, "POST", "tax/classes", json=[{"name": "Books"}, {"name": "Food"}]))
    assert [list(c) for c in created] == [["id", "name", "created_at", "updated_at"]] * 2
    assert v2_names(sb) == [*before, "Books", "Food"]
    one = v2(sb, "GET", f"tax_classes/{created[0]['id']}").json()
    assert one["name"] == "Books"
    assert v3(sb, "GET", "tax/classes").status_code == 405


def test_tax_classes_are_renamed_and_deleted_through_v3_as_v2_sees(sb: Sandbox) -> None:
    [books, food] = data(v3(sb, "POST", "tax/classes", json=[{"name": "Books"}, {"name": "Food"}]))
    [renamed] = data(v3(sb, "PUT", "tax/classes", json=[{"id": books["id"], "name": "Printed"}]))
    assert renamed["id"] == books["id"] and v2(sb, "GET", f"tax_classes/{books['id']}").json()["name"] == "Printed"
    assert v3(sb, "DELETE", f"tax/classes?id:in={books['id']},{food['id']}").status_code == 204
    assert v2(sb, "GET", f"tax_classes/{books['id']}").status_code == 404
    assert "Food" not in v2_names(sb)


def test_v2_tax_classes_are_updated_through_v3(sb: Sandbox) -> None:
    first = v2(sb, "GET", "tax_classes").json()[0]
    data(v3(sb, "PUT", "tax/classes", json=[{"id": first["id"], "name": "Standard"}]))
    assert v2(sb, "GET", f"tax_classes/{first['id']}").json()["name"] == "Standard"


def test_tax_class_names_are_checked_and_unique_regardless_of_case(sb: Sandbox) -> None:
    data(v3(sb, "POST", "tax/classes", json=[{"name": "Books"}]))
    before = v2_names(sb)
    problem = problem_of(v3(sb, "POST", "tax/classes", json=[{"name": "BOOKS"}]), 409)
    assert "0.name" in problem["errors"]
    problem = problem_of(v3(sb, "POST", "tax/classes", json=[{"name": "Toys"}, {"name": "toys"}]), 422)
    assert "1.name" in problem["errors"]
    problem_of(v3(sb, "POST", "tax/classes", json=[{"name": "a<b"}]), 422)
    problem_of(v3(sb, "POST", "tax/classes", json=[{"name": "x" * 101}]), 422)
    problem_of(v3(sb, "POST", "tax/classes", json=[]), 422)
    assert v2_names(sb) == before


def test_tax_class_batches_hold_at_most_50(sb: Sandbox) -> None:
    problem_of(v3(sb, "POST", "tax/classes", json=[{"name": f"C{n}"} for n in range(51)]), 413)
    assert len(data(v3(sb, "POST", "tax/classes", json=[{"name": f"C{n}"} for n in range(50)]))) == 50
    problem_of(v3(sb, "DELETE", "tax/classes?id:in=" + ",".join(str(n) for n in range(1, 52))), 413)


def test_tax_class_updates_and_deletes_name_existing_classes(sb: Sandbox) -> None:
    problem_of(v3(sb, "PUT", "tax/classes", json=[{"id": 999, "name": "Nope"}]), 400)
    problem_of(v3(sb, "PUT", "tax/classes", json=[{"name": "No id"}]), 422)
    problem_of(v3(sb, "DELETE", "tax/classes"), 404)
    problem_of(v3(sb, "DELETE", "tax/classes?id:in=abc"), 422)
    problem_of(v3(sb, "DELETE", "tax/classes?id:in=999"), 400)


# -- zones and rates (§3.35: POST/PUT arrays, DELETE with id:in, deleting a zone deletes its rates) --------
ZONE = {"name": "Australia", "price_display_settings": {"show_inclusive": True},
        "shopper_target_settings": {"locations": [{"country_code": "AU", "subdivision_codes": ["NSW"],
                                                   "postal_codes": []}], "customer_groups": []}}


def make_zone(sb: Sandbox, **fields: Any) -> dict[str, Any]:
    [zone] = data(v3(sb, "POST", "tax/zones", json=[{**ZONE, **fields}]))
    return dict(zone)


def test_a_zone_is_created_listed_and_updated(sb: Sandbox) -> None:
    zone = make_zone(sb)
    assert list(zone) == ["id", "name", "enabled", "price_display_settings", "shopper_target_settings"]
    assert zone["enabled"] is True and zone["shopper_target_settings"]["locations"][0]["country_code"] == "AU"
    other = make_zone(sb, name="Argentina")
    assert [z["id"] for z in data(v3(sb, "GET", f"tax/zones?id:in={other['id']}"))] == [other["id"]]
    [updated] = data(v3(sb, "PUT", "tax/zones", json=[{"id": zone["id"], "enabled": False}]))
    assert (updated["enabled"], updated["name"]) == (False, "Australia")
    error_of(v3(sb, "POST", "tax/zones", json=[{"enabled": True}]), 422)
    error_of(v3(sb, "PUT", "tax/zones", json=[{"id": 999, "name": "X"}]), 422)


def test_a_rate_names_its_zone_and_goes_with_it(sb: Sandbox) -> None:
    zone, other = make_zone(sb), make_zone(sb, name="Other")
    rate_body = {"name": "GST", "tax_zone_id": zone["id"], "class_rates": [{"rate": 10, "tax_class_id": 0}]}
    [rate] = data(v3(sb, "POST", "tax/rates", json=[rate_body]))
    assert list(rate) == ["id", "tax_zone_id", "name", "enabled", "priority", "class_rates"]
    assert (rate["priority"], rate["enabled"], rate["class_rates"]) == (1, True, [{"rate": 10, "tax_class_id": 0}])
    data(v3(sb, "POST", "tax/rates", json=[{**rate_body, "name": "Other", "tax_zone_id": other["id"]}]))
    body = error_of(v3(sb, "POST", "tax/rates", json=[{**rate_body, "tax_zone_id": 999}]), 422)
    assert "0.tax_zone_id" in body["errors"]
    error_of(v3(sb, "POST", "tax/rates", json=[{"name": "No zone"}]), 422)
    [changed] = data(v3(sb, "PUT", "tax/rates", json=[{"id": rate["id"], "priority": 2}]))
    assert (changed["priority"], changed["name"]) == (2, "GST")
    listed = data(v3(sb, "GET", f"tax/rates?tax_zone_id:in={zone['id']}"))
    assert [r["id"] for r in listed] == [rate["id"]]
    error_of(v3(sb, "DELETE", "tax/zones"), 422)
    assert v3(sb, "DELETE", f"tax/zones?id:in={zone['id']}").status_code == 204
    assert [r["name"] for r in data(v3(sb, "GET", "tax/rates"))] == ["Other"]


def test_rates_are_deleted_by_id(sb: Sandbox) -> None:
    zone = make_zone(sb)
    body = [{"name": n, "tax_zone_id": zone["id"], "class_rates": [{"rate": 5, "tax_class_id": 0}]} for n in "AB"]
    first, second = data(v3(sb, "POST", "tax/rates", json=body))
    error_of(v3(sb, "DELETE", "tax/rates"), 422)
    assert v3(sb, "DELETE", f"tax/rates?id:in={first['id']}").status_code == 204
    assert [r["id"] for r in data(v3(sb, "GET", "tax/rates"))] == [second["id"]]


# -- settings (§3.35: a singleton) ---------------------------------------------------------------------
def test_tax_settings_start_at_the_spec_defaults_and_keep_what_is_written(sb: Sandbox) -> None:
    settings = data(v3(sb, "GET", "tax/settings"))
    assert (settings["fallback_strategy"], settings["rounding_strategy"], settings["tax_entered_with_prices"]) == (
        "FIXED", "RATE_ROUNDING", False)
    assert settings["price_display_settings"]["invoice_price_display_strategy"] == "ZONE"
    updated = data(v3(sb, "PUT", "tax/settings", json={
        "tax_entered_with_prices": True, "price_display_settings": {"invoice_price_display_strategy": "INCLUSIVE"}}))
    assert updated["tax_entered_with_prices"] is True
    assert updated["price_display_settings"] == {"control_panel_price_display_strategy": "ZONE",
                                                 "invoice_price_display_strategy": "INCLUSIVE"}
    assert data(v3(sb, "GET", "tax/settings")) == updated
    body = error_of(v3(sb, "PUT", "tax/settings", json={"fallback_strategy": "GUESS", "store_tax_zone_id": "x"}),
                    422)
    assert {"fallback_strategy", "store_tax_zone_id"} <= set(body["errors"])
    assert data(v3(sb, "GET", "tax/settings")) == updated


def test_zones_rates_and_settings_survive_dump_and_load(sb: Sandbox, make_real_sandbox: MakeSandbox) -> None:
    zone = make_zone(sb)
    data(v3(sb, "POST", "tax/rates", json=[{"name": "GST", "tax_zone_id": zone["id"],
                                             "class_rates": [{"rate": 10, "tax_class_id": 0}]}]))
    data(v3(sb, "PUT", "tax/settings", json={"rounding_strategy": "NO_ROUNDING"}))
    other = make_real_sandbox()
    other.store.load(sb.store.dump())
    for path in ("tax/zones", "tax/rates", "tax/settings"):
        assert data(v3(other, "GET", path)) == data(v3(sb, "GET", path))


# -- tax properties (§3.35: arrays, DELETE id:in required, 409 while in use) and product tax properties ----
PROPERTY = {"code": "A-1", "display_name": "Food", "type": "PRODUCT"}


def test_tax_properties_are_created_updated_listed_and_deleted(sb: Sandbox) -> None:
    [made] = data(v3(sb, "POST", "tax/properties", json=[{**PROPERTY, "description": "Groceries"}]))
    assert list(made) == ["id", "code", "display_name", "description", "created_at", "updated_at", "type"]
    data(v3(sb, "POST", "tax/properties", json=[{"code": "C-1", "display_name": "Exempt", "type": "CUSTOMER"}]))
    error_of(v3(sb, "POST", "tax/properties", json=[PROPERTY]), 409)
    body = error_of(v3(sb, "POST", "tax/properties", json=[{"code": "B-1", "type": "PRODUCT"}]), 422)
    assert "0.display_name" in body["errors"]
    [changed] = data(v3(sb, "PUT", "tax/properties", json=[{"id": made["id"], "display_name": "Foods"}]))
    assert (changed["display_name"], changed["code"]) == ("Foods", "A-1")
    assert [p["code"] for p in data(v3(sb, "GET", "tax/properties?type:in=CUSTOMER"))] == ["C-1"]
    error_of(v3(sb, "DELETE", "tax/properties"), 400)
    assert v3(sb, "DELETE", f"tax/properties?id:in={made['id']}").status_code == 204
    assert [p["code"] for p in data(v3(sb, "GET", "tax/properties"))] == ["C-1"]


def test_product_tax_properties_are_additive_name_defined_codes_and_block_deletes(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=3)
    [food] = data(v3(sb, "POST", "tax/properties", json=[PROPERTY]))
    data(v3(sb, "POST", "tax/properties", json=[{"code": "B-2", "display_name": "Size", "type": "PRODUCT"}]))
    put = v3(sb, "PUT", "tax/products/properties", json=[{"product_id": 1, "tax_properties": {"A-1": "26"}}])
    assert data(put) == [{"product_id": 1, "tax_properties": {"A-1": "26"}}]
    data(v3(sb, "PUT", "tax/products/properties", json=[{"product_id": 1, "tax_properties": {"B-2": "L"}}]))
    assert data(v3(sb, "GET", "tax/products/properties?product_id:in=1,2")) == [
        {"product_id": 1, "tax_properties": {"A-1": "26", "B-2": "L"}}]
    error_of(v3(sb, "GET", "tax/products/properties"), 400)
    body = error_of(v3(sb, "PUT", "tax/products/properties",
                       json=[{"product_id": 999, "tax_properties": {"Z-9": "1"}}]), 422)
    assert {"0.product_id", "0.tax_properties"} <= set(body["errors"])
    error_of(v3(sb, "DELETE", f"tax/properties?id:in={food['id']}"), 409)
    error_of(v3(sb, "DELETE", "tax/products/properties"), 400)
    assert v3(sb, "DELETE", "tax/products/properties?product_id:in=1").status_code == 204
    assert data(v3(sb, "GET", "tax/products/properties?product_id:in=1")) == []
    assert v3(sb, "DELETE", f"tax/properties?id:in={food['id']}").status_code == 204


def test_a_deleted_product_loses_its_tax_properties(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=2)
    data(v3(sb, "POST", "tax/properties", json=[PROPERTY]))
    data(v3(sb, "PUT", "tax/products/properties", json=[{"product_id": 2, "tax_properties": {"A-1": "5"}}]))
    assert v2(sb, "DELETE", "products/2").status_code == 204
    assert data(v3(sb, "GET", "tax/products/properties?product_id:in=2")) == []


def test_tax_properties_survive_dump_and_load(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=1, customers=1)
    data(v3(sb, "POST", "tax/properties", json=[PROPERTY, {"code": "C-1", "display_name": "X", "type": "CUSTOMER"}]))
    data(v3(sb, "PUT", "tax/products/properties", json=[{"product_id": 1, "tax_properties": {"A-1": "5"}}]))
    data(v3(sb, "PUT", "tax/customers", json=[{"customer_id": 1, "tax_properties": {"C-1": "6"}}]))
    other = make_real_sandbox()
    other.store.load(sb.store.dump())
    assert data(v3(other, "GET", "tax/customers")) == [{"customer_id": 1, "tax_properties": {"C-1": "6"}}]
    for path in ("tax/properties", "tax/products/properties?product_id:in=1"):
        assert data(v3(other, "GET", path)) == data(v3(sb, "GET", path))


# -- tax customers (§3.35: GET customer_id:in, PUT additive upsert keyed by customer_id, DELETE → 204) ------
def test_tax_customers_are_additive_and_go_with_their_customer(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(customers=3)
    [exempt] = data(v3(sb, "POST", "tax/properties", json=[{"code": "C-1", "display_name": "Exempt",
                                                             "type": "CUSTOMER"}]))
    data(v3(sb, "POST", "tax/properties", json=[{"code": "C-2", "display_name": "Region", "type": "CUSTOMER"}]))
    assert data(v3(sb, "PUT", "tax/customers", json=[{"customer_id": 1, "tax_properties": {"C-1": "yes"}},
                                                     {"customer_id": 2, "tax_properties": {"C-2": "north"}}])) == [
        {"customer_id": 1, "tax_properties": {"C-1": "yes"}}, {"customer_id": 2, "tax_properties": {"C-2": "north"}}]
    data(v3(sb, "PUT", "tax/customers", json=[{"customer_id": 1, "tax_properties": {"C-2": "south"}}]))
    assert data(v3(sb, "GET", "tax/customers?customer_id:in=1")) == [
        {"customer_id": 1, "tax_properties": {"C-1": "yes", "C-2": "south"}}]
    assert [c["customer_id"] for c in data(v3(sb, "GET", "tax/customers"))] == [1, 2]
    error_of(v3(sb, "PUT", "tax/customers", json=[{"customer_id": 99, "tax_properties": {"C-9": "x"}}]), 422)
    error_of(v3(sb, "DELETE", f"tax/properties?id:in={exempt['id']}"), 409)
    assert v2(sb, "DELETE", "customers/2").status_code == 204
    assert [c["customer_id"] for c in data(v3(sb, "GET", "tax/customers"))] == [1]
    error_of(v3(sb, "DELETE", "tax/customers"), 400)
    assert v3(sb, "DELETE", "tax/customers?customer_id:in=1").status_code == 204
    assert data(v3(sb, "GET", "tax/customers")) == []
