"""The sandbox's v3 variants, metafields, summary and customers over loopback: batches, cursors, limits."""
from __future__ import annotations

from typing import Any, Callable

from bigcommerce.sandbox import Sandbox
from tests.sandbox.v3_http import ERROR_KEYS, data, error_of, product_body, size_variants, v3

MakeSandbox = Callable[..., Sandbox]


# -- variants ------------------------------------------------------------------------------
def test_product_variants_crud(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    product = data(v3(sb, "POST", "catalog/products", json=product_body("Tee", variants=size_variants("S", "M"))))
    path = f"catalog/products/{product['id']}/variants"
    variants = data(v3(sb, "GET", path))
    assert [(v["sku"], v["option_values"][0]["label"], v["option_values"][0]["option_display_name"])
            for v in variants] == [("V-S", "S", "Size"), ("V-M", "M", "Size")]
    option = variants[0]["option_values"][0]
    created = data(v3(sb, "POST", path, json={"sku": "V-L", "price": 25,
                                               "option_values": [{"option_display_name": "Size", "label": "L"}]}))
    assert created["price"] == 25 and created["calculated_price"] == 25 and created["sku_id"] == created["id"]
    same_option = data(v3(sb, "GET", f"{path}/{created['id']}"))["option_values"][0]
    assert same_option["option_id"] == option["option_id"]
    assert "sku" in error_of(v3(sb, "POST", path, json={"sku": "V-L", "option_values": []}), 409)["errors"]
    assert "option_values" in error_of(v3(sb, "POST", path, json={"sku": "V-X"}), 422)["errors"]
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"inventory_level": 9}))["inventory_level"] == 9
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    error_of(v3(sb, "GET", f"{path}/{created['id']}"), 404)
    other = data(v3(sb, "POST", "catalog/products", json=product_body("Cap")))
    error_of(v3(sb, "GET", f"catalog/products/{other['id']}/variants/{variants[0]['id']}"), 404)


def test_the_variants_collection_filters_and_upserts_in_batches_of_50(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    first = data(v3(sb, "POST", "catalog/products", json=product_body("Tee", variants=size_variants("S", "M"))))
    second = data(v3(sb, "POST", "catalog/products", json=product_body("Cap", variants=size_variants("L", prefix="C"))))
    listed = data(v3(sb, "GET", "catalog/variants", params={"product_id:in": second["id"]}))
    assert [v["sku"] for v in listed] == ["C-L"]
    assert [v["sku"] for v in data(v3(sb, "GET", "catalog/variants", params={"sku": "V-M"}))] == ["V-M"]
    ids = [v["id"] for v in data(v3(sb, "GET", "catalog/variants"))]
    fifty = [{"id": ids[n % 3], "inventory_level": n} for n in range(50)]
    assert v3(sb, "PUT", "catalog/variants", json=fifty).status_code == 200
    too_many = v3(sb, "PUT", "catalog/variants", json=[*fifty, fifty[0]])
    assert too_many.status_code == 413 and "50" in too_many.json()["title"]
    option = listed[0]["option_values"][0]
    upserted = data(v3(sb, "PUT", "catalog/variants", json=[
        {"id": ids[0], "price": 3},
        {"product_id": second["id"], "sku": "C-XL", "option_values": [{"id": option["id"],
                                                                       "option_id": option["option_id"]}]},
    ]))
    assert [v["sku"] for v in upserted] == ["V-S", "C-XL"] and upserted[0]["price"] == 3
    assert len(data(v3(sb, "GET", f"catalog/products/{first['id']}/variants"))) == 2


def test_a_variants_batch_with_a_bad_item_saves_nothing_and_lists_batch_errors(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    product = data(v3(sb, "POST", "catalog/products", json=product_body("Tee", variants=size_variants("S"))))
    variant = data(v3(sb, "GET", f"catalog/products/{product['id']}/variants"))[0]
    response = v3(sb, "PUT", "catalog/variants", json=[{"id": variant["id"], "price": 4},
                                                       {"id": variant["id"], "price": "four"}, {"sku": "no-product"}])
    assert response.status_code == 422
    errors = response.json()["batch_errors"]
    assert [sorted(e["errors"]) for e in errors] == [["1.price"], ["2.option_values", "2.product_id"]]
    assert all(ERROR_KEYS <= set(e) for e in errors)
    assert data(v3(sb, "GET", f"catalog/products/{product['id']}/variants"))[0]["price"] is None


# -- metafields ------------------------------------------------------------------------------
def metafield(resource_id: int | None = None, key: str = "shelf", **fields: Any) -> dict[str, Any]:
    body = {"namespace": "warehouse", "key": key, "value": "A1", "permission_set": "read", **fields}
    if resource_id is not None:
        body["resource_id"] = resource_id
    return body


def test_product_metafields_crud_and_the_unique_namespace_and_key(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=2)
    path = "catalog/products/1/metafields"
    created = data(v3(sb, "POST", path, json=metafield()))
    assert (created["resource_type"], created["resource_id"], created["key"]) == ("product", 1, "shelf")
    assert "key" in error_of(v3(sb, "POST", path, json=metafield()), 409)["errors"]
    assert set(error_of(v3(sb, "POST", path, json={"key": "k"}), 422)["errors"]) == {"namespace", "value",
                                                                                      "permission_set"}
    assert "permission_set" in error_of(v3(sb, "POST", path, json=metafield(key="k", permission_set="all")),
                                        422)["errors"]
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"value": "B2"}))["value"] == "B2"
    error_of(v3(sb, "GET", f"catalog/products/2/metafields/{created['id']}"), 404)
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    assert data(v3(sb, "GET", path)) == []


def test_metafield_lists_page_by_cursor_and_links_next_is_a_query_string(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    everything = [m["id"] for m in data(v3(sb, "GET", "catalog/products/metafields", params={"limit": 250}))]
    assert len(everything) >= 5
    seen, link, pages = [], "catalog/products/metafields?limit=2", 0
    while link:
        body = v3(sb, "GET", link).json()
        pages += 1
        assert "pagination" in body["meta"] and body["meta"]["cursor_pagination"]["per_page"] == 2
        seen += [m["id"] for m in body["data"]]
        nxt = body["meta"]["cursor_pagination"]["links"].get("next")
        if nxt:
            assert nxt.startswith("?limit=2&after=")
        link = f"catalog/products/metafields{nxt}" if nxt else ""
    assert seen == everything and pages == -(-len(everything) // 2)
    before = v3(sb, "GET", "catalog/products/metafields", params={"limit": 2, "before": body["meta"][
        "cursor_pagination"]["start_cursor"]}).json()
    assert [m["id"] for m in before["data"]] == everything[-2 - len(body["data"]):-len(body["data"])]
    error_of(v3(sb, "GET", "catalog/products/metafields", params={"after": "not-a-cursor"}), 422)


def test_batch_metafields_answer_counts_and_a_partial_422_with_the_saved(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=2)
    ok = v3(sb, "POST", "catalog/products/metafields", json=[metafield(1), metafield(2)])
    body = ok.json()
    assert ok.status_code == 200 and body["errors"] == [] and body["meta"] == {"total": 2, "success": 2, "failed": 0}
    ids = [m["id"] for m in body["data"]]
    partial = v3(sb, "POST", "catalog/products/metafields",
                 json=[metafield(1, key="bin"), metafield(1), metafield(99), {"resource_id": 2}])
    body = partial.json()
    assert partial.status_code == 422 and [m["key"] for m in body["data"]] == ["bin"]
    assert body["meta"] == {"total": 4, "success": 1, "failed": 3}
    assert [sorted(e["errors"]) for e in body["errors"]] == [
        ["1.key", "1.namespace"], ["2.resource_id"], ["3.key", "3.namespace", "3.permission_set", "3.value"]]
    updated = v3(sb, "PUT", "catalog/products/metafields", json=[{"id": ids[0], "value": "Z9"}, {"value": "x"}])
    assert updated.status_code == 422 and updated.json()["data"][0]["value"] == "Z9"
    deleted = v3(sb, "DELETE", "catalog/products/metafields", json=ids)
    assert deleted.status_code == 200 and deleted.json()["data"] == ids
    missing = v3(sb, "DELETE", "catalog/products/metafields", json=[ids[0]])
    assert missing.status_code == 422 and missing.json()["meta"] == {"total": 1, "success": 0, "failed": 1}
    assert "detail" in error_of(v3(sb, "DELETE", "catalog/products/metafields"), 400)


# -- summary ---------------------------------------------------------------------------------
def test_the_catalog_summary_is_computed_from_the_rows(seeded_sandbox: Sandbox) -> None:
    summary = data(v3(seeded_sandbox, "GET", "catalog/summary"))
    variants = data(v3(seeded_sandbox, "GET", "catalog/variants", params={"limit": 250}))
    assert summary["variant_count"] == len(variants) > 0
    assert summary["highest_variant_price"] == max(v["calculated_price"] for v in variants)
    assert summary["primary_category_name"] and summary["inventory_count"] > 0


# -- customers -------------------------------------------------------------------------------
def test_customers_page_by_cursor_as_the_spec_describes(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    first = v3(sb, "GET", "customers", params={"limit": 5}).json()
    assert set(first["meta"]) == {"pagination", "cursor_pagination"}
    seen = [c["id"] for c in first["data"]]
    link = first["meta"]["cursor_pagination"]["links"]["next"]
    while link:
        body = v3(sb, "GET", f"customers{link}").json()
        assert set(body["meta"]) == {"cursor_pagination"}
        seen += [c["id"] for c in body["data"]]
        link = body["meta"]["cursor_pagination"]["links"].get("next")
    assert seen == list(range(1, 13))
    second_page = v3(sb, "GET", "customers", params={"limit": 5, "page": 2}).json()
    assert set(second_page["meta"]) == {"pagination"}


def test_customer_filters_sort_and_include_addresses(seeded_sandbox: Sandbox) -> None:
    sb = seeded_sandbox
    everyone = data(v3(sb, "GET", "customers", params={"include": "addresses"}))
    assert all(c["addresses"] and c["addresses"][0]["customer_id"] == c["id"] for c in everyone)
    assert "addresses" not in data(v3(sb, "GET", "customers"))[0]
    assert [c["id"] for c in data(v3(sb, "GET", "customers", params={"id:in": "2,4"}))] == [2, 4]
    email = everyone[5]["email"]
    assert [c["id"] for c in data(v3(sb, "GET", "customers", params={"email:in": email}))] == [6]
    last = everyone[0]["last_name"]
    assert all(last.lower() in f"{c['first_name']} {c['last_name']}".lower()
               for c in data(v3(sb, "GET", "customers", params={"name:like": last.lower()})))
    names = [c["last_name"] for c in data(v3(sb, "GET", "customers", params={"sort": "last_name:desc"}))]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert data(v3(sb, "GET", "customers", params={"date_created:min": "2999-01-01"})) == []


def test_customers_are_written_in_batches_of_at_most_10(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    people = [{"email": f"p{n}@example.com", "first_name": "P", "last_name": str(n)} for n in range(11)]
    too_many = v3(sb, "POST", "customers", json=people)
    assert too_many.status_code == 413 and too_many.content == b""
    created = data(v3(sb, "POST", "customers", json=people[:10]))
    assert [c["email"] for c in created] == [p["email"] for p in people[:10]]
    assert created[0]["date_created"].endswith("+00:00")
    refused = error_of(v3(sb, "POST", "customers", json=[people[10], {"email": "x@example.com"}]), 422)
    assert set(refused["errors"]) == {"1.first_name", "1.last_name"}
    assert data(v3(sb, "GET", "customers", params={"email:in": people[10]["email"]})) == []  # nothing saved
    assert "0.email" in error_of(v3(sb, "POST", "customers", json=[people[0]]), 409)["errors"]
    updated = data(v3(sb, "PUT", "customers", json=[{"id": created[0]["id"], "company": "Acme"}]))
    assert updated[0]["company"] == "Acme"
    assert "0.id" in error_of(v3(sb, "PUT", "customers", json=[{"company": "Acme"}]), 422)["errors"]


def test_customer_delete_without_id_in_is_a_204_that_deletes_nothing(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(customers=3)
    response = v3(sb, "DELETE", "customers")
    assert response.status_code == 204 and response.content == b""
    assert len(data(v3(sb, "GET", "customers"))) == 3
    assert v3(sb, "DELETE", "customers", params={"id:in": "1,3"}).status_code == 204
    assert [c["id"] for c in data(v3(sb, "GET", "customers"))] == [2]


def test_customer_addresses_leave_out_an_identical_address(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(customers=1)
    address = {"customer_id": 1, "first_name": "Ada", "last_name": "L", "address1": "1 Main St", "city": "Austin",
               "state_or_province": "Texas", "postal_code": "78701", "country_code": "US"}
    created = data(v3(sb, "POST", "customers/addresses", json=[address]))
    assert created[0]["country"] == "United States" and created[0]["address1"] == "1 Main St"
    assert data(v3(sb, "POST", "customers/addresses", json=[address])) == []
    listed = data(v3(sb, "GET", "customers/addresses", params={"customer_id:in": 1}))
    assert sum(1 for a in listed if a["address1"] == "1 Main St") == 1
    assert "0.customer_id" in error_of(v3(sb, "POST", "customers/addresses", json=[{**address, "customer_id": 99}]),
                                       422)["errors"]
    error_of(v3(sb, "DELETE", "customers/addresses"), 422)
    assert v3(sb, "DELETE", "customers/addresses", params={"id:in": created[0]["id"]}).status_code == 204
