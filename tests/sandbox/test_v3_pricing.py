"""The sandbox's v3 price lists, price records and assignments over loopback (v3-resources.md §3.17)."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox(customers=2)


def variants(sb: Sandbox, *labels: str, prefix: str = "V") -> list[dict[str, Any]]:
    """A new product's variants (v2 SKU rows), one per Size label."""
    product = data(v3(sb, "POST", "catalog/products",
                      json=product_body(f"Tee {prefix}", variants=size_variants(*labels, prefix=prefix))))
    return list(data(v3(sb, "GET", f"catalog/products/{product['id']}/variants")))


def price_list(sb: Sandbox, name: str = "Wholesale", **fields: Any) -> dict[str, Any]:
    return dict(data(v3(sb, "POST", "pricelists", json={"name": name, **fields})))


# -- price lists ---------------------------------------------------------------------------------------
def test_a_price_list_is_created_read_updated_and_deleted(sb: Sandbox) -> None:
    created = price_list(sb, active=False)
    assert list(created) == ["id", "name", "date_created", "date_modified", "active"]  # the spec's order
    assert created["active"] is False and created["date_created"].startswith("20")
    assert data(v3(sb, "GET", f"pricelists/{created['id']}"))["name"] == "Wholesale"
    updated = data(v3(sb, "PUT", f"pricelists/{created['id']}", json={"name": "B2B", "active": True}))
    assert (updated["name"], updated["active"]) == ("B2B", True)
    assert v3(sb, "DELETE", f"pricelists/{created['id']}").status_code == 204
    error_of(v3(sb, "GET", f"pricelists/{created['id']}"), 404)


def test_a_price_list_needs_a_unique_name(sb: Sandbox) -> None:
    price_list(sb)
    assert "name" in error_of(v3(sb, "POST", "pricelists", json={"active": True}), 422)["errors"]
    assert "name" in error_of(v3(sb, "POST", "pricelists", json={"name": "wholesale"}), 409)["errors"]


def test_price_lists_print_both_paging_blocks_unless_the_request_picks_one(sb: Sandbox) -> None:
    for name in ("A", "B", "C"):
        price_list(sb, name)
    both = v3(sb, "GET", "pricelists", params={"limit": 2}).json()["meta"]
    assert set(both) == {"pagination", "cursor_pagination"} and "links" not in both["pagination"]  # §2.5
    assert both["pagination"]["total"] == 3
    after = both["cursor_pagination"]["end_cursor"]
    by_cursor = v3(sb, "GET", "pricelists", params={"limit": 2, "after": after}).json()
    assert [p["name"] for p in by_cursor["data"]] == ["C"] and set(by_cursor["meta"]) == {"cursor_pagination"}
    assert set(v3(sb, "GET", "pricelists", params={"page": 2, "limit": 2}).json()["meta"]) == {"pagination"}
    assert "page" in error_of(v3(sb, "GET", "pricelists", params={"page": 1, "after": after}), 422)["errors"]
    assert [p["name"] for p in data(v3(sb, "GET", "pricelists", params={"name:like": "B"}))] == ["B"]


def test_delete_pricelists_deletes_those_a_filter_names_and_all_without_one(sb: Sandbox) -> None:
    ids = [price_list(sb, name)["id"] for name in ("A", "B", "C")]
    assert v3(sb, "DELETE", "pricelists", params={"id:in": f"{ids[0]},{ids[1]}"}).status_code == 204
    assert [p["id"] for p in data(v3(sb, "GET", "pricelists"))] == [ids[2]]
    assert v3(sb, "DELETE", "pricelists").status_code == 204  # "Delete All Price Lists" (§3.17)
    assert data(v3(sb, "GET", "pricelists")) == []


# -- records -------------------------------------------------------------------------------------------
def test_records_are_upserted_by_variant_and_currency_and_listed_with_includes(sb: Sandbox) -> None:
    small, medium = variants(sb, "S", "M")
    plist = price_list(sb)["id"]
    path = f"pricelists/{plist}/records"
    answer = v3(sb, "PUT", path, json=[{"variant_id": small["id"], "currency": "usd", "price": 10},
                                       {"sku": medium["sku"], "currency": "EUR", "price": 9, "sale_price": 7.5}])
    assert answer.status_code == 200 and answer.json() == {"data": {}, "meta": {}}
    records = data(v3(sb, "GET", path))
    assert [(r["variant_id"], r["currency"], r["calculated_price"]) for r in records] == [
        (small["id"], "usd", 10), (medium["id"], "eur", 7.5)]
    assert records[0]["product_id"] == small["product_id"] and "sku" not in records[0]
    again = v3(sb, "PUT", path, json=[{"variant_id": small["id"], "currency": "usd", "price": 12}])
    assert again.status_code == 200
    listed = data(v3(sb, "GET", path, params={"include": "sku,bulk_pricing_tiers", "currency": "usd"}))
    assert [(r["price"], r["sku"], r["bulk_pricing_tiers"]) for r in listed] == [(12, small["sku"], [])]
    assert len(data(v3(sb, "GET", path, params={"price:min": 10}))) == 1
    assert [r["currency"] for r in data(v3(sb, "GET", path, params={"sku:in": medium["sku"]}))] == ["eur"]


def test_a_record_batch_with_an_invalid_item_saves_nothing_and_lists_batch_errors(sb: Sandbox) -> None:
    (small,) = variants(sb, "S")
    path = f"pricelists/{price_list(sb)['id']}/records"
    body = v3(sb, "PUT", path, json=[{"variant_id": small["id"], "currency": "usd", "price": 10},
                                     {"variant_id": 999999, "currency": "usd", "price": 1},
                                     {"variant_id": small["id"], "currency": "xyz", "price": 1},
                                     {"variant_id": small["id"], "currency": "gbp", "price": -1}])
    assert body.status_code == 422
    errors = body.json()["batch_errors"]  # §2.8
    assert [sorted(e["field_errors"]) for e in errors] == [["variant_id"], ["currency"], ["price"]]
    assert errors[0]["data"] == {"price_list_id": int(path.split("/")[1]), "variant_id": 999999, "sku": None,
                                 "currency": "usd"}
    assert data(v3(sb, "GET", path)) == []


def test_record_batches_are_capped_at_1000_for_put_and_100_for_post(sb: Sandbox) -> None:
    (small,) = variants(sb, "S")
    path = f"pricelists/{price_list(sb)['id']}/records"
    item = {"variant_id": small["id"], "currency": "usd", "price": 1}
    assert v3(sb, "PUT", path, json=[item] * 1001).status_code == 413  # §2.7
    assert v3(sb, "POST", path, json=[item] * 101).status_code == 413
    assert v3(sb, "POST", path, json=[item]).status_code == 200
    refused = v3(sb, "POST", path, json=[item])  # a POST fails when the record exists
    assert refused.status_code == 422 and "currency" in refused.json()["batch_errors"][0]["field_errors"]
    assert "variant_id" in v3(sb, "PUT", path, json=[item, item]).json()["batch_errors"][0]["field_errors"]


def test_one_record_is_read_set_and_deleted_by_variant_and_currency_code(sb: Sandbox) -> None:
    small, medium = variants(sb, "S", "M")
    plist = price_list(sb)["id"]
    one = f"pricelists/{plist}/records/{small['id']}/usd"
    error_of(v3(sb, "GET", one), 404)
    tiers = [{"quantity_min": 5, "quantity_max": 10, "type": "percent", "amount": 1}]
    record = data(v3(sb, "PUT", one, json={"price": 12.99, "sale_price": 10.99, "bulk_pricing_tiers": tiers}))
    assert (record["calculated_price"], record["currency"], record["bulk_pricing_tiers"]) == (10.99, "usd", tiers)
    assert data(v3(sb, "GET", f"pricelists/{plist}/records/{small['id']}/USD"))["price"] == 12.99
    data(v3(sb, "PUT", f"pricelists/{plist}/records/{small['id']}/eur", json={"price": 11}))
    data(v3(sb, "PUT", f"pricelists/{plist}/records/{medium['id']}/eur", json={"price": 11}))
    by_variant = data(v3(sb, "GET", f"pricelists/{plist}/records/{small['id']}"))
    assert sorted(r["currency"] for r in by_variant) == ["eur", "usd"]
    assert "bulk_pricing_tiers.0" in error_of(v3(sb, "PUT", one, json={"bulk_pricing_tiers": [{"type": "x"}]}),
                                              422)["errors"]
    error_of(v3(sb, "PUT", f"pricelists/{plist}/records/999999/usd", json={"price": 1}), 404)
    error_of(v3(sb, "GET", f"pricelists/999/records/{small['id']}/usd"), 404)
    assert v3(sb, "DELETE", one).status_code == 204
    error_of(v3(sb, "GET", one), 404)


def test_delete_records_takes_optional_filters_and_without_them_empties_the_list(sb: Sandbox) -> None:
    small, medium = variants(sb, "S", "M")
    path = f"pricelists/{price_list(sb)['id']}/records"
    v3(sb, "PUT", path, json=[{"variant_id": v["id"], "currency": c, "price": 1}
                              for v in (small, medium) for c in ("usd", "eur")])
    assert v3(sb, "DELETE", path, params={"currency": "eur", "variant_id:in": small["id"]}).status_code == 204
    assert len(data(v3(sb, "GET", path))) == 3
    assert v3(sb, "DELETE", path).status_code == 204
    assert data(v3(sb, "GET", path)) == []


def test_the_store_wide_records_batch_names_each_records_price_list(sb: Sandbox) -> None:
    (small,) = variants(sb, "S")
    first, second = price_list(sb, "A")["id"], price_list(sb, "B")["id"]
    items = [{"price_list_id": plist, "variant_id": small["id"], "currency": "usd", "price": 3}
             for plist in (first, second)]
    assert v3(sb, "POST", "pricelists/records", json=items).json() == {"data": {}, "meta": {}}
    assert all(len(data(v3(sb, "GET", f"pricelists/{plist}/records"))) == 1 for plist in (first, second))
    refused = v3(sb, "PUT", "pricelists/records", json=[{**items[0], "price_list_id": 999}])
    assert refused.status_code == 422 and "price_list_id" in refused.json()["field_errors"]


def test_deleting_a_variant_or_its_price_list_drops_the_records(sb: Sandbox) -> None:
    small, medium = variants(sb, "S", "M")
    plist = price_list(sb)["id"]
    path = f"pricelists/{plist}/records"
    v3(sb, "PUT", path, json=[{"variant_id": v["id"], "currency": "usd", "price": 1} for v in (small, medium)])
    assert v2(sb, "DELETE", f"products/{small['product_id']}/skus/{small['id']}").status_code == 204
    assert [r["variant_id"] for r in data(v3(sb, "GET", path))] == [medium["id"]]
    v3(sb, "DELETE", f"pricelists/{plist}")
    error_of(v3(sb, "GET", path), 404)


# -- assignments ------------------------------------------------------------------------------------------
def test_assignments_are_created_in_batches_of_25_listed_and_deleted_by_filter(sb: Sandbox) -> None:
    plist = price_list(sb)["id"]
    created = v3(sb, "POST", "pricelists/assignments",
                 json=[{"price_list_id": plist, "customer_group_id": 1, "channel_id": 1},
                       {"price_list_id": plist, "channel_id": 2}])
    assert created.status_code == 200 and created.content == b""  # 200 without a body (§2.13)
    listed = data(v3(sb, "GET", "pricelists/assignments", params={"price_list_id": plist}))
    assert [(a["customer_group_id"], a["channel_id"]) for a in listed] == [(1, 1), (None, 2)]
    assert v3(sb, "POST", "pricelists/assignments", json=[{"price_list_id": plist, "channel_id": 3}] * 26
              ).status_code == 413
    again = error_of(v3(sb, "POST", "pricelists/assignments",
                        json=[{"price_list_id": plist, "channel_id": 4}, {"price_list_id": 999, "channel_id": 5},
                              {"price_list_id": plist, "customer_group_id": 1, "channel_id": 1}]), 422)
    assert sorted(again["errors"]) == ["1.price_list_id", "2.customer_group_id"]
    assert again["meta"] == {"saved_records": 0}
    assert len(data(v3(sb, "GET", "pricelists/assignments"))) == 2
    error_of(v3(sb, "DELETE", "pricelists/assignments"), 422)  # a filter is required (§2.7)
    assert v3(sb, "DELETE", "pricelists/assignments", params={"channel_id": 2}).status_code == 204
    assert [a["channel_id"] for a in data(v3(sb, "GET", "pricelists/assignments"))] == [1]


def test_an_assignment_put_upserts_the_group_and_channel_pair(sb: Sandbox) -> None:
    first, second = price_list(sb, "A")["id"], price_list(sb, "B")["id"]
    made = data(v3(sb, "PUT", f"pricelists/{first}/assignments", json={"customer_group_id": 1, "channel_id": 1}))
    assert list(made) == ["id", "price_list_id", "customer_group_id", "channel_id"] and made["price_list_id"] == first
    moved = data(v3(sb, "PUT", f"pricelists/{second}/assignments", json={"customer_group_id": 1, "channel_id": 1}))
    assert (moved["id"], moved["price_list_id"]) == (made["id"], second)
    assert len(data(v3(sb, "GET", "pricelists/assignments"))) == 1
    missing = v3(sb, "PUT", f"pricelists/{first}/assignments", json={"customer_group_id": 999, "channel_id": 1})
    assert missing.status_code == 404 and missing.content == b""
    assert "channel_id" in error_of(v3(sb, "PUT", f"pricelists/{first}/assignments",
                                       json={"customer_group_id": 1}), 422)["errors"]


# -- the store ---------------------------------------------------------------------------------------------
def test_price_lists_records_and_assignments_survive_dump_and_load() -> None:
    store = Store()
    store.seed(products=12, customers=2)  # with the seeded Wholesale list (id 1)
    variant_id = next(iter(store.tables["product_skus"].rows))
    plist = store.handle_v3("POST", "pricelists", {}, {"name": "Trade"})
    assert plist.status == 200 and plist.body.startswith(b'{"data":{"id":2,')
    tiers = [{"quantity_min": 2, "quantity_max": 9, "type": "fixed", "amount": 3}]
    store.handle_v3("PUT", f"pricelists/2/records/{variant_id}/usd", {}, {"price": 5, "bulk_pricing_tiers": tiers})
    store.handle_v3("PUT", "pricelists/2/assignments", {}, {"customer_group_id": 1, "channel_id": 1})
    dumped = store.dump()
    restored = Store()
    restored.load(dumped)
    for path in ("pricelists", "pricelists/1/records", "pricelists/2/records", "pricelists/assignments"):
        query = {"include": "bulk_pricing_tiers"}
        assert restored.handle_v3("GET", path, query, None).body == store.handle_v3("GET", path, query, None).body
    assert restored.handle_v3("POST", "pricelists", {}, {"name": "Next"}).body.startswith(b'{"data":{"id":3,')


def test_deleting_a_customer_group_through_v2_drops_its_assignments(sb: Sandbox) -> None:
    plist = price_list(sb)["id"]
    group = v2(sb, "POST", "customer_groups", json={"name": "Trade"}).json()
    data(v3(sb, "PUT", f"pricelists/{plist}/assignments", json={"customer_group_id": group["id"], "channel_id": 1}))
    assert len(data(v3(sb, "GET", "pricelists/assignments", params={"customer_group_id": group["id"]}))) == 1
    assert v2(sb, "DELETE", f"customer_groups/{group['id']}").status_code == 204
    assert data(v3(sb, "GET", "pricelists/assignments")) == []


def test_a_seeded_store_has_a_wholesale_price_list_assigned_to_the_wholesale_group() -> None:
    from bigcommerce.sandbox import Sandbox

    with Sandbox(products=40, customers=5, orders=0, max_lifetime_s=60) as sb:
        records = data(v3(sb, "GET", "pricelists/1/records?limit=250"))
        variants = {v["id"]: v for v in data(v3(sb, "GET", "catalog/variants?limit=250"))}
        prices = {p["id"]: p["price"] for p in data(v3(sb, "GET", "catalog/products?limit=250"))}
        (assignment,) = data(v3(sb, "GET", "pricelists/assignments"))
        groups = {g["id"]: g["name"] for g in v2(sb, "GET", "customer_groups").json()}
    assert len(records) == 25 and {r["currency"] for r in records} == {"usd"}
    for record in records:
        variant = variants[record["variant_id"]]
        base = variant["price"] if variant["price"] is not None else prices[variant["product_id"]]
        assert record["price"] == record["calculated_price"] == round(base * 0.9, 4)  # 10% off what v3 lists
    assert groups[assignment["customer_group_id"]] == "Wholesale" and assignment["channel_id"] == 1
