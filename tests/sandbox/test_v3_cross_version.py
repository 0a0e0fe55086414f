"""One state behind both versions: what v3 writes v2 reads at once, and the reverse; one quota for both."""
from __future__ import annotations

from typing import Callable

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]


def test_a_product_with_three_variants_made_through_v3_is_a_v2_product_with_three_skus(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    product = data(v3(sb, "POST", "catalog/products",
                      json=product_body("Linen Shirt", sku="LS", variants=size_variants("S", "M", "L", prefix="LS"))))
    as_v2 = v2(sb, "GET", f"products/{product['id']}").json()
    assert (as_v2["name"], as_v2["price"], as_v2["sku"]) == ("Linen Shirt", "19.9900", "LS")
    skus = v2(sb, "GET", f"products/{product['id']}/skus").json()
    assert [s["sku"] for s in skus] == ["LS-S", "LS-M", "LS-L"]
    assert v2(sb, "GET", f"products/{product['id']}/skus/count").json() == {"count": 3}
    options = v2(sb, "GET", f"products/{product['id']}/options").json()
    assert [o["display_name"] for o in options] == ["Size"]
    assert {s["options"][0]["product_option_id"] for s in skus} == {options[0]["id"]}
    values = v2(sb, "GET", f"options/{options[0]['option_id']}/values").json()
    labels = {value["id"]: value["label"] for value in values}
    assert [labels[s["options"][0]["option_value_id"]] for s in skus] == ["S", "M", "L"]


def test_a_sku_added_through_v2_is_a_v3_variant(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=1)
    v2(sb, "POST", "products/1/skus", json={"sku": "ONE-1", "options": [], "price": "4.5"})
    variants = data(v3(sb, "GET", "catalog/products/1/variants"))
    assert [(v["sku"], v["price"], v["option_values"]) for v in variants] == [("ONE-1", 4.5, [])]
    assert data(v3(sb, "GET", "catalog/products/1"))["base_variant_id"] == variants[0]["id"]


def test_a_customer_created_through_v2_is_found_by_v3_id_in(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    created = v2(sb, "POST", "customers", json={"first_name": "Grace", "last_name": "Hopper",
                                                "email": "grace@example.com", "accepts_marketing": True,
                                                "store_credit": "12.50"}).json()
    found = data(v3(sb, "GET", "customers", params={"id:in": created["id"], "include": "storecredit"}))
    assert [(c["email"], c["first_name"], c["accepts_product_review_abandoned_cart_emails"]) for c in found] == [
        ("grace@example.com", "Grace", True)]
    assert found[0]["store_credit_amounts"] == [{"amount": 12.5}]
    assert found[0]["date_created"].endswith("+00:00") and created["date_created"].endswith("+0000")


def test_a_v2_price_update_is_read_by_v3_as_a_number_and_back(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=1)
    v2(sb, "PUT", "products/1", json={"price": "19.5"})
    product = data(v3(sb, "GET", "catalog/products/1"))
    assert product["price"] == 19.5 and isinstance(product["price"], float)
    v3(sb, "PUT", "catalog/products/1", json={"price": 21.25, "sale_price": 0, "inventory_tracking": "variant"})
    as_v2 = v2(sb, "GET", "products/1").json()
    assert (as_v2["price"], as_v2["calculated_price"], as_v2["inventory_tracking"]) == ("21.2500", "21.2500", "sku")
    assert data(v3(sb, "GET", "catalog/products", params={"price": 21.25}))[0]["id"] == 1


def test_fields_only_v3_has_stay_out_of_v2_bodies(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=1)
    v3(sb, "PUT", "catalog/products/1", json={"gtin": "00012345678905", "mpn": "MPN-1"})
    as_v2 = v2(sb, "GET", "products/1").json()
    assert "gtin" not in as_v2 and "_v3" not in as_v2 and "mpn" not in as_v2
    assert data(v3(sb, "GET", "catalog/products", params={"mpn": "MPN-1"}))[0]["gtin"] == "00012345678905"


def test_deletes_through_one_version_are_gone_in_the_other(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=4, customers=2)
    assert v3(sb, "DELETE", "catalog/products/1").status_code == 204
    assert v2(sb, "GET", "products/1").status_code == 404
    assert v2(sb, "DELETE", "products/2").status_code == 204
    assert v3(sb, "GET", "catalog/products/2").status_code == 404
    assert v2(sb, "DELETE", "customers/1").status_code == 204
    assert data(v3(sb, "GET", "customers", params={"id:in": "1,2"}))[0]["id"] == 2
    assert v3(sb, "DELETE", "customers", params={"id:in": "2"}).status_code == 204
    assert v2(sb, "GET", "customers/2").status_code == 404
    variants = data(v3(sb, "GET", "catalog/products/3/variants"))
    assert variants, "every third seeded product has variants"
    assert v2(sb, "DELETE", f"products/3/skus/{variants[0]['id']}").status_code == 204
    assert v3(sb, "GET", f"catalog/products/3/variants/{variants[0]['id']}").status_code == 404


def test_a_v3_address_is_a_v2_customer_address(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(customers=1)
    data(v3(sb, "POST", "customers/addresses", json=[{
        "customer_id": 1, "first_name": "Ada", "last_name": "L", "address1": "1 Main St", "address2": "Unit 4",
        "city": "Austin", "state_or_province": "Texas", "postal_code": "78701", "country_code": "US"}]))
    addresses = v2(sb, "GET", "customers/1/addresses").json()
    assert [(a["street_1"], a["street_2"], a["zip"], a["country"], a["country_iso2"]) for a in addresses
            if a["street_1"] == "1 Main St"] == [("1 Main St", "Unit 4", "78701", "United States", "US")]


def test_deleting_a_product_drops_its_metafields(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=2)
    v3(sb, "POST", "catalog/products/1/metafields",
       json={"namespace": "n", "key": "k", "value": "v", "permission_set": "read"})
    v2(sb, "DELETE", "products/1")
    assert data(v3(sb, "GET", "catalog/products/metafields")) == []


def test_dump_and_load_keep_metafields_and_v3_only_fields() -> None:
    store = Store(store_hash="abc")
    store.seed(products=10)
    store.handle_v3("PUT", "catalog/products/1", {}, {"gtin": "0042"})
    store.handle_v3("POST", "catalog/products/2/metafields", {},
                    {"namespace": "n", "key": "k", "value": "v", "permission_set": "write"})
    dumped = store.dump()
    assert dumped["metafields"] and dumped["products"][0]["_v3"] == {"gtin": "0042"}
    copy = Store(store_hash="abc")
    copy.load(dumped)
    for path in ("catalog/products/metafields", "catalog/products/1", "catalog/variants"):
        assert copy.handle_v3("GET", path, {}, None).body == store.handle_v3("GET", path, {}, None).body
    assert copy.dump() == dumped


def test_v2_and_v3_requests_share_one_rate_limit_window(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox(products=2, quota=4, window_ms=30_000)
    answers = [v2(sb, "GET", "products/1"), v3(sb, "GET", "catalog/products/1"),
               v3(sb, "GET", "customers"), v2(sb, "GET", "products")]
    assert [r.status_code for r in answers] == [200, 200, 200, 200]
    assert [r.headers["X-Rate-Limit-Requests-Left"] for r in answers] == ["3", "2", "1", "0"]
    refused_v3 = v3(sb, "GET", "catalog/products")
    assert refused_v3.status_code == 429 and refused_v3.json()["status"] == 429 and "title" in refused_v3.json()
    assert int(refused_v3.headers["X-Retry-After"]) >= 1
    refused_v2 = v2(sb, "GET", "products")
    assert refused_v2.status_code == 429 and refused_v2.json()[0]["status"] == 429
