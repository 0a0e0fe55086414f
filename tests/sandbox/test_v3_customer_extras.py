"""The sandbox's v3 customer extras over loopback (v3-resources.md §3.8, §3.9): customer attributes and
attribute values, customers' ``include=attributes``, customer metafields and settings, subscribers."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from tests.sandbox.v3_http import data, error_of, v2, v3

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox(customers=12)


def make_attributes(sb: Sandbox, *pairs: tuple[str, str]) -> list[dict[str, Any]]:
    response = v3(sb, "POST", "customers/attributes", json=[{"name": name, "type": kind} for name, kind in pairs])
    created: list[dict[str, Any]] = data(response)
    return created


def upsert(sb: Sandbox, *items: dict[str, Any]) -> Any:
    return v3(sb, "PUT", "customers/attribute-values", json=list(items))


# -- attributes (§3.8: POST/PUT arrays, DELETE needs id:in, ≤ 50 per store, type fixed) --------------
def test_attributes_are_created_in_a_batch_and_listed_with_their_fields(sb: Sandbox) -> None:
    created = make_attributes(sb, ("Age", "number"), ("Joined", "date"))
    assert [list(a) for a in created] == [["id", "name", "type", "date_created", "date_modified"]] * 2
    assert [(a["name"], a["type"]) for a in created] == [("Age", "number"), ("Joined", "date")]
    listed = data(v3(sb, "GET", "customers/attributes"))
    assert [a["id"] for a in listed] == [a["id"] for a in created]
    assert [a["name"] for a in data(v3(sb, "GET", "customers/attributes?type=date"))] == ["Joined"]
    assert [a["name"] for a in data(v3(sb, "GET", "customers/attributes?name:like=Ag"))] == ["Age"]


def test_an_attribute_needs_a_name_and_a_known_type(sb: Sandbox) -> None:
    body = error_of(v3(sb, "POST", "customers/attributes", json=[{"name": "Age"}]), 422)
    assert "0.type" in body["errors"]
    body = error_of(v3(sb, "POST", "customers/attributes", json=[{"name": "Age", "type": "boolean"}]), 422)
    assert "0.type" in body["errors"]
    assert data(v3(sb, "GET", "customers/attributes")) == []


def test_a_store_holds_at_most_50_attributes(sb: Sandbox) -> None:
    make_attributes(sb, *[(f"A{n}", "string") for n in range(50)])
    error_of(v3(sb, "POST", "customers/attributes", json=[{"name": "One more", "type": "string"}]), 422)
    assert len(data(v3(sb, "GET", "customers/attributes?limit=100"))) == 50


def test_an_attribute_is_renamed_but_its_type_never_changes(sb: Sandbox) -> None:
    [attribute] = make_attributes(sb, ("Age", "number"))
    [renamed] = data(v3(sb, "PUT", "customers/attributes", json=[{"id": attribute["id"], "name": "Years"}]))
    assert (renamed["name"], renamed["type"]) == ("Years", "number")
    body = error_of(v3(sb, "PUT", "customers/attributes",
                       json=[{"id": attribute["id"], "name": "Years", "type": "string"}]), 422)
    assert "0.type" in body["errors"]
    error_of(v3(sb, "PUT", "customers/attributes", json=[{"id": 999, "name": "X"}]), 422)


def test_deleting_attributes_needs_id_in_and_drops_their_values(sb: Sandbox) -> None:
    [age, town] = make_attributes(sb, ("Age", "number"), ("Town", "string"))
    data(upsert(sb, {"attribute_id": age["id"], "customer_id": 1, "value": "40"},
                {"attribute_id": town["id"], "customer_id": 1, "value": "Oslo"}))
    error_of(v3(sb, "DELETE", "customers/attributes"), 422)
    assert v3(sb, "DELETE", f"customers/attributes?id:in={age['id']}").status_code == 204
    assert [a["id"] for a in data(v3(sb, "GET", "customers/attributes"))] == [town["id"]]
    assert [v["attribute_id"] for v in data(v3(sb, "GET", "customers/attribute-values"))] == [town["id"]]


# -- attribute values (§3.8: PUT upsert of an array, ≤ 10 customers, DELETE needs id:in) ---------------
def test_attribute_values_are_upserted_per_attribute_and_customer(sb: Sandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    [first] = data(upsert(sb, {"attribute_id": age["id"], "customer_id": 2, "value": "41"}))
    assert list(first) == ["attribute_id", "attribute_value", "customer_id", "date_created", "date_modified", "id"]
    assert (first["attribute_value"], first["customer_id"]) == ("41", 2)
    [again] = data(upsert(sb, {"attribute_id": age["id"], "customer_id": 2, "value": "42"}))
    assert (again["id"], again["attribute_value"]) == (first["id"], "42")
    listed = data(v3(sb, "GET", "customers/attribute-values?customer_id:in=2"))
    assert [(v["id"], v["attribute_value"]) for v in listed] == [(first["id"], "42")]
    assert data(v3(sb, "GET", "customers/attribute-values?name=Age"))[0]["id"] == first["id"]
    assert data(v3(sb, "GET", "customers/attribute-values?name=Town")) == []


@pytest.mark.parametrize(("kind", "good", "bad"), [("number", "12.5", "twelve"), ("date", "2024-05-01", "May 1st?"),
                                                   ("string", "anything", None)])
def test_a_value_is_checked_against_its_attribute_type(sb: Sandbox, kind: str, good: str, bad: str | None) -> None:
    [attribute] = make_attributes(sb, ("Field", kind))
    data(upsert(sb, {"attribute_id": attribute["id"], "customer_id": 1, "value": good}))
    if bad is not None:
        body = error_of(upsert(sb, {"attribute_id": attribute["id"], "customer_id": 3, "value": bad}), 422)
        assert "0.value" in body["errors"]


def test_a_value_names_an_existing_attribute_and_customer_and_nothing_is_written_on_error(sb: Sandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    body = error_of(upsert(sb, {"attribute_id": age["id"], "customer_id": 1, "value": "3"},
                           {"attribute_id": 999, "customer_id": 9999, "value": "3"},
                           {"attribute_id": age["id"], "customer_id": 1}), 422)
    assert {"1.attribute_id", "1.customer_id", "2.value"} <= set(body["errors"])
    assert data(v3(sb, "GET", "customers/attribute-values")) == []


def test_values_for_more_than_10_customers_are_413(sb: Sandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    items = [{"attribute_id": age["id"], "customer_id": n, "value": "1"} for n in range(1, 12)]
    assert upsert(sb, *items).status_code == 413
    assert len(data(upsert(sb, *items[:10]))) == 10


def test_deleting_values_needs_id_in(sb: Sandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    values = data(upsert(sb, *[{"attribute_id": age["id"], "customer_id": n, "value": "1"} for n in (1, 2)]))
    error_of(v3(sb, "DELETE", "customers/attribute-values"), 422)
    assert v3(sb, "DELETE", f"customers/attribute-values?id:in={values[0]['id']}").status_code == 204
    assert [v["customer_id"] for v in data(v3(sb, "GET", "customers/attribute-values"))] == [2]


# -- customers show their values (§3.8 include=attributes; attribute_count) ------------------------------
def test_a_customer_shows_its_attribute_values_and_counts_them(sb: Sandbox) -> None:
    [age, town] = make_attributes(sb, ("Age", "number"), ("Town", "string"))
    data(upsert(sb, {"attribute_id": age["id"], "customer_id": 4, "value": "30"},
                {"attribute_id": town["id"], "customer_id": 4, "value": "Rome"}))
    [customer] = data(v3(sb, "GET", "customers?id:in=4&include=attributes"))
    assert customer["attribute_count"] == 2
    assert [(a["attribute_id"], a["attribute_value"]) for a in customer["attributes"]] == [
        (age["id"], "30"), (town["id"], "Rome")]
    [plain] = data(v3(sb, "GET", "customers?id:in=5"))
    assert plain["attribute_count"] == 0 and "attributes" not in plain


def test_a_customer_is_created_with_existing_attributes_and_deleting_it_drops_them(sb: Sandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    body = [{"email": "x@example.com", "first_name": "X", "last_name": "Y",
             "attributes": [{"attribute_id": age["id"], "attribute_value": "7"}]}]
    [customer] = data(v3(sb, "POST", "customers", json=body))
    [shown] = data(v3(sb, "GET", f"customers?id:in={customer['id']}&include=attributes"))
    assert [a["attribute_value"] for a in shown["attributes"]] == ["7"]
    missing = [{"email": "z@example.com", "first_name": "Z", "last_name": "Y",
                "attributes": [{"attribute_id": 999, "attribute_value": "7"}]}]
    assert v3(sb, "POST", "customers", json=missing).status_code in (409, 422)
    wrong_type = [{"email": "w@example.com", "first_name": "W", "last_name": "Y",
                   "attributes": [{"attribute_id": age["id"], "attribute_value": "seven"}]}]
    body = error_of(v3(sb, "POST", "customers", json=wrong_type), 422)
    assert any(key.endswith("attribute_value") for key in body["errors"])
    assert data(v3(sb, "GET", "customers?email:in=w@example.com")) == []
    assert v3(sb, "DELETE", f"customers?id:in={customer['id']}").status_code == 204
    assert data(v3(sb, "GET", "customers/attribute-values")) == []


def test_a_customer_deleted_through_v2_loses_its_attribute_values(sb: Sandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    data(upsert(sb, *[{"attribute_id": age["id"], "customer_id": n, "value": "1"} for n in (6, 7)]))
    assert v2(sb, "DELETE", "customers/6").status_code == 204
    assert [v["customer_id"] for v in data(v3(sb, "GET", "customers/attribute-values"))] == [7]


def test_attributes_and_values_survive_dump_and_load(sb: Sandbox, make_real_sandbox: MakeSandbox) -> None:
    [age] = make_attributes(sb, ("Age", "number"))
    data(upsert(sb, {"attribute_id": age["id"], "customer_id": 1, "value": "5"}))
    other = make_real_sandbox()
    other.store.load(sb.store.dump())
    assert data(v3(other, "GET", "customers/attributes")) == data(v3(sb, "GET", "customers/attributes"))
    assert data(v3(other, "GET", "customers/attribute-values")) == data(v3(sb, "GET", "customers/attribute-values"))


# -- subscribers (§3.9: one per POST, email required and unique 409, DELETE by filter or all, 204) --------
def subscribe(sb: Sandbox, email: str, **fields: Any) -> dict[str, Any]:
    created: dict[str, Any] = data(v3(sb, "POST", "customers/subscribers", json={"email": email, **fields}))
    return created


def test_a_subscriber_is_created_read_updated_and_deleted(sb: Sandbox) -> None:
    created = subscribe(sb, "ann@example.com", first_name="Ann", source="storefront",
                        consents=["marketing_newsletter"])
    assert list(created)[:7] == ["id", "email", "first_name", "last_name", "source", "order_id", "channel_id"]
    assert (created["first_name"], created["source"], created["consents"], created["channel_id"]) == (
        "Ann", "storefront", ["marketing_newsletter"], 1)
    path = f"customers/subscribers/{created['id']}"
    assert data(v3(sb, "GET", path)) == created
    updated = data(v3(sb, "PUT", path, json={"last_name": "Lee", "order_id": 3}))
    assert (updated["last_name"], updated["order_id"], updated["email"]) == ("Lee", 3, "ann@example.com")
    assert v3(sb, "DELETE", path).status_code == 204
    error_of(v3(sb, "GET", path), 404)
    error_of(v3(sb, "PUT", path, json={"last_name": "X"}), 404)


def test_a_subscriber_needs_an_email_that_no_other_has(sb: Sandbox) -> None:
    body = error_of(v3(sb, "POST", "customers/subscribers", json={"first_name": "Ann"}), 422)
    assert "email" in body["errors"]
    first = subscribe(sb, "ann@example.com")
    error_of(v3(sb, "POST", "customers/subscribers", json={"email": "ann@example.com"}), 409)
    other = subscribe(sb, "bob@example.com")
    error_of(v3(sb, "PUT", f"customers/subscribers/{other['id']}", json={"email": "ann@example.com"}), 409)
    assert [s["id"] for s in data(v3(sb, "GET", "customers/subscribers"))] == [first["id"], other["id"]]


def test_subscribers_are_filtered_and_paged(sb: Sandbox) -> None:
    for n in range(5):
        subscribe(sb, f"s{n}@example.com", source="order" if n % 2 else "custom", order_id=n + 1)
    response = v3(sb, "GET", "customers/subscribers?limit=2&page=2")
    assert [s["email"] for s in data(response)] == ["s2@example.com", "s3@example.com"]
    assert response.json()["meta"]["pagination"]["total"] == 5
    assert [s["email"] for s in data(v3(sb, "GET", "customers/subscribers?source=order"))] == [
        "s1@example.com", "s3@example.com"]
    assert [s["order_id"] for s in data(v3(sb, "GET", "customers/subscribers?order_id=5"))] == [5]
    listed = data(v3(sb, "GET", "customers/subscribers?email=s4@example.com"))
    assert [s["email"] for s in data(v3(sb, "GET", f"customers/subscribers?id={listed[0]['id']}"))] == [
        "s4@example.com"]


def test_a_filtered_delete_removes_the_matches_and_an_unfiltered_one_removes_all(sb: Sandbox) -> None:
    for n in range(4):
        subscribe(sb, f"s{n}@example.com", source="order" if n % 2 else "custom")
    assert v3(sb, "DELETE", "customers/subscribers?source=order").status_code == 204
    assert [s["source"] for s in data(v3(sb, "GET", "customers/subscribers"))] == ["custom", "custom"]
    assert v3(sb, "DELETE", "customers/subscribers").status_code == 204
    assert data(v3(sb, "GET", "customers/subscribers")) == []


def test_subscribers_survive_dump_and_load(sb: Sandbox, make_real_sandbox: MakeSandbox) -> None:
    subscribe(sb, "ann@example.com", consents=["abandoned_cart"])
    other = make_real_sandbox()
    other.store.load(sb.store.dump())
    assert data(v3(other, "GET", "customers/subscribers")) == data(v3(sb, "GET", "customers/subscribers"))
    error_of(v3(other, "POST", "customers/subscribers", json={"email": "ann@example.com"}), 409)


# -- customer metafields (§3.8: {customerId} paths, batch customers/metafields) ----------------------------
METAFIELD = {"namespace": "crm", "key": "tier", "value": "gold", "permission_set": "app_only"}


def test_customer_metafields_are_created_read_and_deleted_per_customer(sb: Sandbox) -> None:
    created = data(v3(sb, "POST", "customers/3/metafields", json=METAFIELD))
    assert (created["resource_type"], created["resource_id"], created["value"]) == ("customer", 3, "gold")
    path = f"customers/3/metafields/{created['id']}"
    assert data(v3(sb, "GET", path))["key"] == "tier"
    error_of(v3(sb, "GET", f"customers/4/metafields/{created['id']}"), 404)
    error_of(v3(sb, "POST", "customers/3/metafields", json=METAFIELD), 409)
    error_of(v3(sb, "POST", "customers/999/metafields", json=METAFIELD), 404)
    assert data(v3(sb, "PUT", path, json={"value": "silver"}))["value"] == "silver"
    assert [m["id"] for m in data(v3(sb, "GET", "customers/3/metafields"))] == [created["id"]]
    assert v3(sb, "DELETE", path).status_code == 204
    assert data(v3(sb, "GET", "customers/3/metafields")) == []


def test_customer_metafields_in_batches_and_with_their_customer(sb: Sandbox) -> None:
    response = v3(sb, "POST", "customers/metafields", json=[{**METAFIELD, "resource_id": 1},
                                                            {**METAFIELD, "resource_id": 2}])
    assert response.status_code == 200 and response.json()["meta"] == {"total": 2, "success": 2, "failed": 0}
    first, second = response.json()["data"]
    listed = data(v3(sb, "GET", "customers/metafields"))
    assert [m["resource_id"] for m in listed] == [1, 2]
    assert v3(sb, "DELETE", "customers?id:in=1").status_code == 204
    assert [m["id"] for m in data(v3(sb, "GET", "customers/metafields"))] == [second["id"]]
    deleted = v3(sb, "DELETE", "customers/metafields", json=[second["id"]])
    assert deleted.status_code == 200 and deleted.json()["data"] == [second["id"]]
    assert first["id"] not in [m["id"] for m in data(v3(sb, "GET", "customers/metafields"))]


# -- customer settings (§3.8: the store's and a channel's singletons; null inherits) ---------------------
def test_the_store_customer_settings_start_at_zero_values_and_keep_what_is_written(sb: Sandbox) -> None:
    settings = data(v3(sb, "GET", "customers/settings"))
    assert settings == {"privacy_settings": {"ask_shopper_for_tracking_consent": False, "policy_url": "",
                                             "ask_shopper_for_tracking_consent_on_checkout": False},
                        "customer_group_settings": {"guest_customer_group_id": 0, "default_customer_group_id": 0}}
    updated = data(v3(sb, "PUT", "customers/settings", json={
        "privacy_settings": {"ask_shopper_for_tracking_consent": True, "policy_url": "https://example.com/p"}}))
    assert updated["privacy_settings"]["policy_url"] == "https://example.com/p"
    assert updated["privacy_settings"]["ask_shopper_for_tracking_consent_on_checkout"] is False
    assert data(v3(sb, "GET", "customers/settings")) == updated
    body = error_of(v3(sb, "PUT", "customers/settings",
                       json={"customer_group_settings": {"default_customer_group_id": 999}}), 422)
    assert "customer_group_settings.default_customer_group_id" in body["errors"]
    error_of(v3(sb, "PUT", "customers/settings", json={"privacy_settings": {"policy_url": None}}), 422)


def test_a_channel_overrides_the_store_settings_and_null_inherits_again(sb: Sandbox) -> None:
    channel = data(v3(sb, "GET", "customers/settings/channels/1"))
    assert channel["privacy_settings"]["ask_shopper_for_tracking_consent"] is None
    assert channel["allow_global_logins"] is True
    data(v3(sb, "PUT", "customers/settings/channels/1", json={
        "privacy_settings": {"ask_shopper_for_tracking_consent": True}, "allow_global_logins": False}))
    shown = data(v3(sb, "GET", "customers/settings/channels/1"))
    assert (shown["privacy_settings"]["ask_shopper_for_tracking_consent"], shown["allow_global_logins"]) == (
        True, False)
    assert data(v3(sb, "GET", "customers/settings"))["privacy_settings"]["ask_shopper_for_tracking_consent"] is False
    cleared = data(v3(sb, "PUT", "customers/settings/channels/1",
                      json={"privacy_settings": {"ask_shopper_for_tracking_consent": None}}))
    assert cleared["privacy_settings"]["ask_shopper_for_tracking_consent"] is None
    error_of(v3(sb, "GET", "customers/settings/channels/999"), 404)
    error_of(v3(sb, "PUT", "customers/settings/channels/abc", json={}), 404)


def test_customer_settings_survive_dump_and_load(sb: Sandbox, make_real_sandbox: MakeSandbox) -> None:
    data(v3(sb, "PUT", "customers/settings", json={"privacy_settings": {"policy_url": "https://example.com"}}))
    data(v3(sb, "PUT", "customers/settings/channels/1", json={"allow_global_logins": False}))
    other = make_real_sandbox()
    other.store.load(sb.store.dump())
    for path in ("customers/settings", "customers/settings/channels/1"):
        assert data(v3(other, "GET", path)) == data(v3(sb, "GET", path))


# -- form field values (§3.8: the rows' form_fields, offset and cursor pages, PUT upsert) ------------------
def test_form_field_values_written_through_v3_are_the_v2_customers_form_fields(sb: Sandbox) -> None:
    response = v3(sb, "PUT", "customers/form-field-values", json=[
        {"customer_id": 2, "name": "Sales Rep", "value": "Moneypenny"},
        {"customer_id": 2, "name": "Toppings", "value": ["ham", "olives"]}])
    assert data(response) == [{"name": "Sales Rep", "value": "Moneypenny", "customer_id": 2},
                              {"name": "Toppings", "value": ["ham", "olives"], "customer_id": 2}]
    data(v3(sb, "PUT", "customers/form-field-values", json=[{"customer_id": 2, "name": "Sales Rep", "value": "Q"}]))
    shown = {f["name"]: f["value"] for f in v2(sb, "GET", "customers/2").json()["form_fields"]}
    assert shown == {"Sales Rep": "Q", "Toppings": ["ham", "olives"]}
    listed = data(v3(sb, "GET", "customers/form-field-values?customer_id=2"))
    assert sorted((f["name"], f["customer_id"]) for f in listed) == [("Sales Rep", 2), ("Toppings", 2)]
    assert [f["value"] for f in data(v3(sb, "GET", "customers/form-field-values?field_name=Sales Rep"))] == ["Q"]


def test_v2_form_fields_of_customers_and_addresses_are_v3_form_field_values(sb: Sandbox) -> None:
    v2(sb, "PUT", "customers/3", json={"form_fields": [{"name": "Colour", "value": "blue"}]})
    address = v2(sb, "GET", "customers/3/addresses").json()[0]
    data(v3(sb, "PUT", "customers/form-field-values", json=[{"address_id": address["id"], "name": "Gate",
                                                             "value": 12}]))
    everything = data(v3(sb, "GET", "customers/form-field-values"))
    assert {"name": "Colour", "value": "blue", "customer_id": 3} in everything
    assert everything[-1] == {"name": "Gate", "value": 12, "address_id": address["id"]}
    assert data(v3(sb, "GET", f"customers/form-field-values?address_id={address['id']}")) == [everything[-1]]
    shown = v2(sb, "GET", f"customers/3/addresses/{address['id']}").json()["form_fields"]
    assert shown == [{"name": "Gate", "value": 12}]


def test_form_field_values_are_paged_by_offset_and_cursor(sb: Sandbox) -> None:
    data(v3(sb, "PUT", "customers/form-field-values",
            json=[{"customer_id": n, "name": "F", "value": str(n)} for n in range(1, 6)]))
    first = v3(sb, "GET", "customers/form-field-values?limit=2")
    assert [f["value"] for f in data(first)] == ["1", "2"]
    meta = first.json()["meta"]
    assert meta["pagination"]["total"] == 5 and "cursor_pagination" in meta
    after = meta["cursor_pagination"]["end_cursor"]
    assert [f["value"] for f in data(v3(sb, "GET", f"customers/form-field-values?limit=2&after={after}"))] == [
        "3", "4"]
    assert [f["value"] for f in data(v3(sb, "GET", "customers/form-field-values?limit=2&page=3"))] == ["5"]


def test_a_form_field_value_names_one_existing_owner_and_nothing_is_written_on_error(sb: Sandbox) -> None:
    body = error_of(v3(sb, "PUT", "customers/form-field-values", json=[
        {"customer_id": 1, "name": "Ok", "value": "x"}, {"customer_id": 9999, "name": "A", "value": "x"},
        {"customer_id": 1, "address_id": 1, "name": "B", "value": "x"}, {"customer_id": 1, "name": "C"}]), 422)
    assert {"1.customer_id", "2.customer_id", "3.value"} <= set(body["errors"])
    assert data(v3(sb, "GET", "customers/form-field-values?customer_id=1")) == []
