"""The sandbox's v3 orders over loopback (v3-resources.md §3.12): transactions, refund quotes and refunds
with their arithmetic, capture and void, order metafields and order settings, and what v2 sees of them."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from tests.sandbox.v3_http import ERROR_KEYS, data, error_of, v2, v3

MakeSandbox = Callable[..., Sandbox]

AWAITING_FULFILLMENT, AWAITING_PAYMENT, PENDING, REFUNDED, PARTIALLY_REFUNDED = 11, 7, 1, 4, 14
BILLING = {"first_name": "Ada", "last_name": "Lovelace", "street_1": "1 Main St", "city": "Austin",
           "state": "Texas", "zip": "78701", "country": "United States", "country_iso2": "US",
           "email": "ada@example.com"}


def place_order(sb: Sandbox, *, status_id: int = AWAITING_FULFILLMENT, customer_id: int = 0,
                payment_method: str = "Credit Card", **fields: Any) -> dict[str, Any]:
    """A v2 order of 3 mugs at 10.00 + 1.00 tax and 5.00 + 0.50 tax shipping: total 38.50 (inc tax)."""
    body = {"customer_id": customer_id, "status_id": status_id, "billing_address": BILLING,
            "payment_method": payment_method, "shipping_cost_ex_tax": 5, "shipping_cost_inc_tax": 5.5,
            "products": [{"name": "Mug", "quantity": 3, "price_ex_tax": 10, "price_inc_tax": 11}], **fields}
    response = v2(sb, "POST", "orders", json=body)
    assert response.status_code == 201, response.text
    order: dict[str, Any] = response.json()
    return order


def first_line(sb: Sandbox, order_id: int) -> dict[str, Any]:
    line: dict[str, Any] = v2(sb, "GET", f"orders/{order_id}/products").json()[0]
    return line


def first_address_id(sb: Sandbox, order_id: int) -> int:
    return int(v2(sb, "GET", f"orders/{order_id}/shipping_addresses").json()[0]["id"])


def product_item(line_id: int, quantity: int = 1, **fields: Any) -> dict[str, Any]:
    return {"item_type": "PRODUCT", "item_id": line_id, "quantity": quantity, **fields}


def card_payment(amount: float) -> dict[str, Any]:
    return {"provider_id": "testgateway", "amount": amount, "offline": False}


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox(products=1, customers=2)


# -- transactions (§3.12: GET /orders/{order_id}/transactions, 204 when none) -------------------------
def test_a_paid_v2_order_shows_its_purchase_as_a_v3_transaction(sb: Sandbox) -> None:
    order = place_order(sb)
    response = v3(sb, "GET", f"orders/{order['id']}/transactions")
    [transaction] = data(response)
    assert list(transaction)[:6] == ["event", "method", "amount", "currency", "gateway", "gateway_transaction_id"]
    assert (transaction["event"], transaction["method"], transaction["gateway"]) == (
        "purchase", "credit_card", "testgateway")
    assert transaction["amount"] == 38.5 and transaction["currency"] == "USD"
    assert transaction["order_id"] == str(order["id"]) and transaction["status"] == "ok"
    assert response.json()["meta"]["pagination"]["total"] == 1


def test_an_order_without_payment_has_no_transactions_and_a_missing_order_is_404(sb: Sandbox) -> None:
    order = place_order(sb, status_id=PENDING)
    response = v3(sb, "GET", f"orders/{order['id']}/transactions")
    assert response.status_code == 204 and response.content == b""
    error_of(v3(sb, "GET", "orders/999/transactions"), 404)


def test_a_v2_status_change_to_paid_gives_the_order_a_transaction(sb: Sandbox) -> None:
    order = place_order(sb, status_id=PENDING, payment_method="Cash on Delivery")
    assert v2(sb, "PUT", f"orders/{order['id']}", json={"status_id": AWAITING_FULFILLMENT}).status_code == 200
    [transaction] = data(v3(sb, "GET", f"orders/{order['id']}/transactions"))
    assert (transaction["method"], transaction["gateway"]) == ("offline", "cod")
    assert transaction["offline"] == {"display_name": "Cash on Delivery"}


# -- capture and void (§3.12: 201 with an empty object; payment status becomes "… pending") -----------
def test_capture_of_an_authorized_payment_marks_the_v2_order_capture_pending(sb: Sandbox) -> None:
    order = place_order(sb, status_id=AWAITING_PAYMENT)
    response = v3(sb, "POST", f"orders/{order['id']}/payment_actions/capture")
    assert response.status_code == 201 and response.json() == {}
    assert v2(sb, "GET", f"orders/{order['id']}").json()["payment_status"] == "capture pending"
    events = [(t["event"], t["reference_transaction_id"]) for t in data(
        v3(sb, "GET", f"orders/{order['id']}/transactions"))]
    assert events[0] == ("authorization", None) and events[1][0] == "capture" and events[1][1] is not None
    again = error_of(v3(sb, "POST", f"orders/{order['id']}/payment_actions/capture"), 422)
    assert "payment_status" in again["errors"]
    error_of(v3(sb, "POST", f"orders/{order['id']}/payment_actions/void"), 422)


def test_void_needs_an_authorized_payment(sb: Sandbox) -> None:
    captured = place_order(sb)
    error_of(v3(sb, "POST", f"orders/{captured['id']}/payment_actions/void"), 422)
    authorized = place_order(sb, status_id=AWAITING_PAYMENT)
    assert v3(sb, "POST", f"orders/{authorized['id']}/payment_actions/void").status_code == 201
    assert v2(sb, "GET", f"orders/{authorized['id']}").json()["payment_status"] == "void pending"
    error_of(v3(sb, "POST", "orders/999/payment_actions/void"), 404)


# -- refund quotes: the arithmetic --------------------------------------------------------------------
def test_a_quote_prices_products_with_tax_and_shipping_by_its_share_of_tax(sb: Sandbox) -> None:
    order = place_order(sb, customer_id=1)
    line, address_id = first_line(sb, order["id"]), first_address_id(sb, order["id"])
    quote = data(v3(sb, "POST", f"orders/{order['id']}/payment_actions/refund_quotes", json={"items": [
        product_item(line["id"], 2), {"item_type": "SHIPPING", "item_id": address_id, "amount": 2.2}]}), 201)
    # 2 x 11.00 + 2.20 shipping; tax 2 x 1.00 + 2.20 x 0.50 / 5.50 = 2.20
    assert (quote["total_refund_amount"], quote["total_refund_tax_amount"]) == (24.2, 2.2)
    assert quote["order_level_refund_amount"] == 0 and quote["order_id"] == order["id"]
    providers = [[option["provider_id"] for option in method] for method in quote["refund_methods"]]
    assert providers == [["testgateway"], ["storecredit"], ["custom"]]
    assert all(method[0]["amount"] == 24.2 for method in quote["refund_methods"])


def test_order_level_and_adjusted_items_and_a_tax_adjustment(sb: Sandbox) -> None:
    order = place_order(sb)
    line = first_line(sb, order["id"])
    path = f"orders/{order['id']}/payment_actions/refund_quotes"
    order_level = data(v3(sb, "POST", path, json={"items": [
        {"item_type": "ORDER", "item_id": order["id"], "amount": 1, "reason": "Overcharged $1.00"}]}), 201)
    assert (order_level["total_refund_amount"], order_level["total_refund_tax_amount"],
            order_level["order_level_refund_amount"]) == (1, 0, 1)
    adjusted = data(v3(sb, "POST", path, json={"items": [
        product_item(line["id"], adjustments=[{"amount": -5.5, "description": "Service fee"}])]}), 201)
    assert (adjusted["total_refund_amount"], adjusted["total_refund_tax_amount"]) == (5.5, 0.5)
    tax_only = data(v3(sb, "POST", path, json={"tax_adjustment_amount": 1.5}), 201)
    assert (tax_only["total_refund_amount"], tax_only["total_refund_tax_amount"]) == (1.5, 1.5)


def test_a_quote_for_more_than_is_refundable_is_a_422_naming_the_item(sb: Sandbox) -> None:
    order = place_order(sb)
    line, address_id = first_line(sb, order["id"]), first_address_id(sb, order["id"])
    path = f"orders/{order['id']}/payment_actions/refund_quotes"
    too_many = error_of(v3(sb, "POST", path, json={"items": [product_item(line["id"], 4)]}), 422)
    assert "at most 3" in too_many["errors"]["items.0"]
    shipping = error_of(v3(sb, "POST", path, json={"items": [
        product_item(line["id"]), {"item_type": "SHIPPING", "item_id": address_id, "amount": 5.51}]}), 422)
    assert list(shipping["errors"]) == ["items.1"]
    whole = error_of(v3(sb, "POST", path, json={"items": [
        {"item_type": "ORDER", "item_id": order["id"], "amount": 38.51}]}), 422)
    assert "38.5" in whole["errors"]["items.0"]
    assert "items.0" in error_of(v3(sb, "POST", path, json={"items": [product_item(999)]}), 422)["errors"]
    assert "items" in error_of(v3(sb, "POST", path, json={}), 422)["errors"]
    assert "tax_adjustment_amount" in error_of(v3(sb, "POST", path, json={"tax_adjustment_amount": 99}),
                                               422)["errors"]
    unpaid = place_order(sb, status_id=PENDING)
    error_of(v3(sb, "POST", f"orders/{unpaid['id']}/payment_actions/refund_quotes",
                json={"items": [product_item(first_line(sb, unpaid["id"])["id"])]}), 422)
    error_of(v3(sb, "POST", "orders/999/payment_actions/refund_quotes", json={"items": []}), 404)


def test_a_guest_order_is_not_offered_store_credit(sb: Sandbox) -> None:
    order = place_order(sb, payment_method="Bank Deposit")
    quote = data(v3(sb, "POST", f"orders/{order['id']}/payment_actions/refund_quotes",
                    json={"items": [product_item(first_line(sb, order["id"])["id"])]}), 201)
    methods = [method[0] for method in quote["refund_methods"]]
    assert [m["provider_id"] for m in methods] == ["bankdeposit", "custom"]
    assert methods[0]["offline"] and methods[0]["offline_reason"]


# -- refunds: stored, and seen by v2 ------------------------------------------------------------------
def test_a_v3_refund_changes_the_v2_order_lines_amount_and_status(sb: Sandbox) -> None:
    order = place_order(sb, customer_id=1)
    line = first_line(sb, order["id"])
    path = f"orders/{order['id']}/payment_actions/refunds"
    refund = data(v3(sb, "POST", path, json={"items": [product_item(line["id"], reason="Broken")],
                                             "payments": [card_payment(11)]}), 201)
    assert list(refund)[:8] == ["id", "order_id", "user_id", "created", "reason", "total_amount", "total_tax",
                                "uses_merchant_override_values"]
    assert (refund["total_amount"], refund["total_tax"], refund["reason"]) == (11, 1, "Broken")
    [payment] = refund["payments"]
    assert payment["provider_id"] == "testgateway" and payment["amount"] == 11 and not payment["is_declined"]
    v2_order = v2(sb, "GET", f"orders/{order['id']}").json()
    assert v2_order["refunded_amount"] == "11.0000" and v2_order["status_id"] == PARTIALLY_REFUNDED
    v2_line = first_line(sb, order["id"])
    assert (v2_line["quantity_refunded"], v2_line["refund_amount"], v2_line["is_refunded"]) == (1, "11.0000", False)
    refund_transaction = data(v3(sb, "GET", f"orders/{order['id']}/transactions"))[-1]
    assert refund_transaction["event"] == "refund" and str(refund_transaction["id"]) == payment["transaction_id"]
    # the rest: 2 mugs, all the shipping, store credit for part of it
    rest = data(v3(sb, "POST", path, json={
        "items": [product_item(line["id"], 2), {"item_type": "SHIPPING", "item_id": first_address_id(
            sb, order["id"]), "amount": 5.5}],
        "payments": [card_payment(20), {"provider_id": "storecredit", "amount": 7.5, "offline": False}]}), 201)
    assert rest["total_amount"] == 27.5
    v2_order = v2(sb, "GET", f"orders/{order['id']}").json()
    assert v2_order["refunded_amount"] == "38.5000" and (v2_order["status_id"], v2_order["status"]) == (
        REFUNDED, "Refunded")
    assert first_line(sb, order["id"])["is_refunded"] is True
    error_of(v3(sb, "POST", f"orders/{order['id']}/payment_actions/refund_quotes",
                json={"items": [{"item_type": "ORDER", "item_id": order["id"], "amount": 0.01}]}), 422)


def test_refund_refusals_use_the_data_array_shape_and_change_nothing(sb: Sandbox) -> None:
    order = place_order(sb)
    line = first_line(sb, order["id"])
    path = f"orders/{order['id']}/payment_actions/refunds"
    mismatch = v3(sb, "POST", path, json={"items": [product_item(line["id"])], "payments": [card_payment(10)]})
    assert mismatch.status_code == 422
    [error] = mismatch.json()["data"]
    assert ERROR_KEYS <= set(error) and "payments" in error["errors"]
    guest = v3(sb, "POST", path, json={"items": [product_item(line["id"])], "payments": [
        {"provider_id": "storecredit", "amount": 11, "offline": False}]})
    assert guest.status_code == 422
    assert guest.json()["data"][0]["title"] == "Unable to provide store credit for a guest customer."
    unknown = v3(sb, "POST", path, json={"items": [product_item(line["id"])], "payments": [
        {"provider_id": "paypalexpress", "amount": 11}]})
    assert "payments.0.provider_id" in unknown.json()["data"][0]["errors"]
    assert v3(sb, "POST", path, json={"items": [product_item(line["id"])]}).status_code == 422
    assert v2(sb, "GET", f"orders/{order['id']}").json()["refunded_amount"] == "0.0000"
    assert data(v3(sb, "GET", path)) == []


def test_a_merchant_override_sets_the_amount_and_a_tax_adjustment_refunds_tax(sb: Sandbox) -> None:
    order = place_order(sb)
    path = f"orders/{order['id']}/payment_actions/refunds"
    override = data(v3(sb, "POST", path, json={
        "items": [{"item_type": "ORDER", "item_id": order["id"], "amount": 10, "reason": "overcharged"}],
        "merchant_calculated_override": {"total_amount": 9, "total_tax": 0},
        "payments": [{"provider_id": "custom", "amount": 9, "offline": True}]}), 201)
    assert override["uses_merchant_override_values"] is True and override["total_amount"] == 9
    tax = data(v3(sb, "POST", path, json={"tax_adjustment_amount": 1}), 201)
    assert (tax["total_amount"], tax["total_tax"], tax["items"]) == (1, 1, [])
    assert v2(sb, "GET", f"orders/{order['id']}").json()["refunded_amount"] == "10.0000"


def test_refund_lists_per_order_store_wide_with_filters_and_by_id(sb: Sandbox) -> None:
    first, second = place_order(sb), place_order(sb)
    ids = []
    for order in (first, second, first):
        line = first_line(sb, order["id"])
        ids.append(data(v3(sb, "POST", f"orders/{order['id']}/payment_actions/refunds", json={
            "items": [product_item(line["id"])], "payments": [card_payment(11)]}), 201)["id"])
    listed = v3(sb, "GET", f"orders/{first['id']}/payment_actions/refunds")
    assert [r["id"] for r in data(listed)] == [ids[0], ids[2]] and listed.json()["meta"] == {}
    everything = v3(sb, "GET", "orders/payment_actions/refunds")
    assert [r["id"] for r in data(everything)] == ids and everything.json()["meta"] == {}
    by_order = data(v3(sb, "GET", "orders/payment_actions/refunds", params={"order_id:in": second["id"]}))
    assert [r["id"] for r in by_order] == [ids[1]]
    assert [r["id"] for r in data(v3(sb, "GET", "orders/payment_actions/refunds",
                                     params={"id:in": f"{ids[0]},{ids[2]}"}))] == [ids[0], ids[2]]
    assert data(v3(sb, "GET", "orders/payment_actions/refunds", params={"created:min": "2999-01-01"})) == []
    assert [r["id"] for r in data(v3(sb, "GET", "orders/payment_actions/refunds",
                                     params={"limit": 2, "page": 2}))] == [ids[2]]
    error_of(v3(sb, "GET", "orders/payment_actions/refunds", params={"limit": 251}), 422)
    one = data(v3(sb, "GET", f"orders/payment_actions/refunds/{ids[1]}"))
    assert one["order_id"] == second["id"]
    transaction_id = one["payments"][0]["transaction_id"]
    assert [r["id"] for r in data(v3(sb, "GET", f"orders/{second['id']}/payment_actions/refunds",
                                     params={"transaction_id": transaction_id}))] == [ids[1]]
    error_of(v3(sb, "GET", "orders/payment_actions/refunds/999"), 404)


# -- order metafields ---------------------------------------------------------------------------------
def metafield(resource_id: int | None = None, key: str = "staff", **fields: Any) -> dict[str, Any]:
    body = {"namespace": "Sales Department", "key": key, "value": "Sam", "permission_set": "app_only", **fields}
    if resource_id is not None:
        body["resource_id"] = resource_id
    return body


def test_order_metafields_crud_conflicts_and_a_put_that_must_name_every_field(sb: Sandbox) -> None:
    order = place_order(sb)
    path = f"orders/{order['id']}/metafields"
    created = data(v3(sb, "POST", path, json=metafield()))
    assert (created["resource_type"], created["resource_id"]) == ("order", order["id"])
    assert "key" in error_of(v3(sb, "POST", path, json=metafield()), 409)["errors"]
    assert set(error_of(v3(sb, "POST", path, json={"key": "k"}), 422)["errors"]) == {
        "namespace", "value", "permission_set"}
    item = f"{path}/{created['id']}"
    assert set(error_of(v3(sb, "PUT", item, json={"value": "Max"}), 422)["errors"]) == {
        "namespace", "key", "permission_set"}
    assert data(v3(sb, "PUT", item, json=metafield(value="Max")))["value"] == "Max"
    product_metafield = data(v3(sb, "POST", "catalog/products/1/metafields", json=metafield()))
    error_of(v3(sb, "GET", f"{path}/{product_metafield['id']}"), 404)
    assert v3(sb, "DELETE", item).status_code == 204
    error_of(v3(sb, "GET", item), 404)
    error_of(v3(sb, "GET", "orders/999/metafields"), 404)


def test_batch_order_metafields_count_and_the_put_requires_every_field(sb: Sandbox) -> None:
    first, second = place_order(sb), place_order(sb)
    created = v3(sb, "POST", "orders/metafields", json=[metafield(first["id"]), metafield(second["id"]),
                                                        metafield(999)])
    body = created.json()
    assert created.status_code == 422 and body["meta"] == {"total": 3, "success": 2, "failed": 1}
    ids = [m["id"] for m in body["data"]]
    assert [m["resource_id"] for m in data(v3(sb, "GET", "orders/metafields"))] == [first["id"], second["id"]]
    updated = v3(sb, "PUT", "orders/metafields", json=[{"id": ids[0], **metafield(value="Max")},
                                                       {"id": ids[1], "value": "Kim"}])
    assert updated.status_code == 422 and [m["value"] for m in updated.json()["data"]] == ["Max"]
    deleted = v3(sb, "DELETE", "orders/metafields", json=ids)
    assert deleted.status_code == 200 and deleted.json()["data"] == ids


# -- order settings (bare {notifications, meta}, §3.12) ---------------------------------------------
def test_global_order_settings_are_bare_and_take_arrays_only(sb: Sandbox) -> None:
    body = v3(sb, "GET", "orders/settings").json()
    assert "data" not in body and body["notifications"]["order_placed"] == {"email_addresses": []}
    put = v3(sb, "PUT", "orders/settings", json={"notifications": {"order_placed": {
        "email_addresses": ["admin@example.com"]}}})
    assert put.status_code == 200 and put.json()["notifications"]["order_placed"]["email_addresses"] == [
        "admin@example.com"]
    assert v3(sb, "GET", "orders/settings").json()["notifications"]["forward_invoice"] == {"email_addresses": []}
    refused = error_of(v3(sb, "PUT", "orders/settings", json={"notifications": {"order_placed": {
        "email_addresses": None}}}), 422)
    assert "notifications.order_placed.email_addresses" in refused["errors"]


def test_channel_order_settings_override_both_addresses_or_neither(sb: Sandbox) -> None:
    path = "orders/settings/channels/1"
    assert v3(sb, "GET", path).json()["notifications"]["forward_invoice"] == {"email_addresses": None}
    error_of(v3(sb, "PUT", path, json={"notifications": {"order_placed": {"email_addresses": ["a@example.com"]}}}),
             422)
    both = {"notifications": {"order_placed": {"email_addresses": ["a@example.com"]},
                              "forward_invoice": {"email_addresses": []}}}
    assert v3(sb, "PUT", path, json=both).json()["notifications"] == both["notifications"]
    reset = {"notifications": {"order_placed": {"email_addresses": None},
                               "forward_invoice": {"email_addresses": None}}}
    assert v3(sb, "PUT", path, json=reset).status_code == 200
    assert v3(sb, "GET", "orders/settings/channels/2").json()["meta"] == {}


# -- the store file keeps refunds, transactions and settings ------------------------------------------
def test_dump_and_load_keep_refunds_transactions_and_settings(sb: Sandbox, make_real_sandbox: MakeSandbox) -> None:
    order = place_order(sb)
    line = first_line(sb, order["id"])
    refund = data(v3(sb, "POST", f"orders/{order['id']}/payment_actions/refunds", json={
        "items": [product_item(line["id"])], "payments": [card_payment(11)]}), 201)
    v3(sb, "PUT", "orders/settings", json={"notifications": {"order_placed": {"email_addresses": ["x@example.com"]}}})
    dumped = sb.store.dump()
    assert dumped["order_refunds"] and dumped["order_transactions"] and dumped["order_settings"]
    copy = make_real_sandbox()
    copy.store.load(dumped)
    assert data(v3(copy, "GET", f"orders/payment_actions/refunds/{refund['id']}")) == refund
    assert [t["event"] for t in data(v3(copy, "GET", f"orders/{order['id']}/transactions"))] == [
        "purchase", "refund"]
    assert v3(copy, "GET", "orders/settings").json()["notifications"]["order_placed"]["email_addresses"] == [
        "x@example.com"]


def test_a_quote_rounds_to_cents_and_reports_the_rounding(sb: Sandbox) -> None:
    order = place_order(sb, products=[{"name": "Pen", "quantity": 3, "price_ex_tax": 3.3333,
                                       "price_inc_tax": 3.3333}])
    line = first_line(sb, order["id"])
    path = f"orders/{order['id']}/payment_actions/refund_quotes"
    quote = data(v3(sb, "POST", path, json={"items": [product_item(line["id"], 2)]}), 201)
    assert quote["total_refund_amount"] == 6.67 and quote["rounding"] == pytest.approx(0.0034)
    wrapping = error_of(v3(sb, "POST", path, json={"items": [
        {"item_type": "GIFT_WRAPPING", "item_id": line["id"], "quantity": 1}]}), 422)
    assert "gift wrapping" in wrapping["errors"]["items.0"]
    assert "items.0.item_id" in error_of(v3(sb, "POST", path, json={"items": [
        {"item_type": "PRODUCT", "item_id": [1], "quantity": 1}]}), 422)["errors"]
