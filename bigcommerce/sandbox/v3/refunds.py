"""v3 refunds of v2 orders: stored in ``order_refunds``, and seen by v2 at once (§3.12).

A refund (``POST orders/{order_id}/payment_actions/refunds``, 201) is priced as its quote is
(``refund_quotes.price``), then its ``payments`` must use offered methods and add up to the
quote's total (or the ``merchant_calculated_override``). It is stored, adds one ``refund``
transaction per payment, and changes what v2 shows: the lines' ``quantity_refunded`` /
``refund_amount`` / ``is_refunded``, the order's ``refunded_amount``, and its status: Refunded
when nothing is left, else Partially Refunded. Its 422 has the shape the spec gives this
operation: ``{"data": [error]}``. Refunds are listed per order (no paging) or store-wide
(``page``/``limit``, filters ``id:in``, ``order_id:in``, ``created:min|max``, ``transaction_id``),
both with an empty ``meta``; one refund is read at ``orders/payment_actions/refunds/{refund_id}``.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bigcommerce.sandbox.catalog import BY_NAME
from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import insert_row, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import V3Error, invalid
from bigcommerce.sandbox.v3.orders import (
    BY_PROVIDER_ID,
    STORE_CREDIT,
    add_transaction,
    opening_transaction,
    order_provider,
)
from bigcommerce.sandbox.v3.query import paging, predicates
from bigcommerce.sandbox.v3.refund_quotes import (
    CENTS,
    GUEST_STORE_CREDIT,
    ZERO,
    given_amount,
    json_amount,
    left_to_refund,
    price,
    refund_methods,
    to_decimal,
)
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import GET, Action, Call, Family, Route, col, id_filters, on
from bigcommerce.sandbox.values import CENT as V2_MONEY

Row = dict[str, Any]

REFUNDS = Family(
    name="order_refunds", table="order_refunds", label="refund",
    fields=(
        col("id", codec="int", read_only=True), col("order_id", codec="int"), col("user_id", codec="int"),
        col("created", codec="date"), col("reason", codec="str"), col("total_amount", codec="number"),
        col("total_tax", codec="number"), col("uses_merchant_override_values", codec="bool"),
        col("payments", codec="list"), col("items", codec="list"),
    ),
    filters={**id_filters(), "order_id:in": on("order_id", op="in", kind="int"),
             "created:min": on("created", op="min", kind="date"), "created:max": on("created", op="max", kind="date"),
             "transaction_id": on("transaction_ids", op="has")},
    parent_table="orders", parent_column="order_id",
)


def _refund_error(error: V3Error) -> V3Error:
    """The refund POST's 422 shape: ``{"data": [error]}`` (orders.v3.yml createOrderRefund)."""
    return V3Error(error.status, error.title, error.errors, detail=error.detail, in_data=True)


def _payments(order: Mapping[str, Any], body: Mapping[str, Any], expected: Decimal) -> list[Row]:
    """The payments of a refund body, checked against the offered methods and the refund's total."""
    offered = {option["provider_id"]: option for method in refund_methods(order, expected) for option in method}
    given = body.get("payments")
    if given is None and "items" not in body:  # a tax adjustment goes back the way the order was paid
        provider = order_provider(order)
        given = [{"provider_id": provider[0], "amount": json_amount(expected), "offline": provider[3]}]
    if not isinstance(given, list) or not given:
        raise invalid({"payments": "A non-empty array of payments is required."}, "JSON data is missing or invalid")
    errors, payments, paid = {}, [], ZERO
    for index, payment in enumerate(given):
        provider_id = payment.get("provider_id") if isinstance(payment, dict) else None
        amount = given_amount(payment.get("amount")) if isinstance(payment, dict) else None
        if provider_id == STORE_CREDIT[0] and not order.get("customer_id"):
            raise V3Error(422, GUEST_STORE_CREDIT, {f"payments.{index}.provider_id": GUEST_STORE_CREDIT})
        if not isinstance(provider_id, str) or provider_id not in offered:
            errors[f"payments.{index}.provider_id"] = f"'{provider_id}' is not a refund method of this order."
            continue
        if amount is None or amount < 0:
            errors[f"payments.{index}.amount"] = "A non-negative number is required."
            continue
        assert isinstance(payment, dict)
        paid += amount.quantize(CENTS)
        payments.append({"provider_id": provider_id, "amount": amount.quantize(CENTS),
                         "offline": bool(payment.get("offline", BY_PROVIDER_ID[provider_id][3]))})
    if not errors and paid != expected:
        errors["payments"] = f"The payments add up to {json_amount(paid)}; the refund is {json_amount(expected)}."
    if errors:
        raise invalid(errors, "The refund is not valid.")
    return payments


def _override(body: Mapping[str, Any], order: Mapping[str, Any]) -> tuple[Decimal, Decimal] | None:
    given = body.get("merchant_calculated_override")
    if given is None:
        return None
    if isinstance(given, list) and len(given) == 1:  # one spec example sends it as a one-item array
        given = given[0]
    total_given = given_amount(given.get("total_amount")) if isinstance(given, dict) else None
    if total_given is None or total_given < 0:
        raise invalid({"merchant_calculated_override.total_amount": "A non-negative number is required."})
    assert isinstance(given, dict)
    tax = given_amount(given.get("total_tax", given.get("tax_amount")))
    if tax is None:
        raise invalid({"merchant_calculated_override.total_tax": "A number is required."})
    total = total_given.quantize(CENTS)
    if total > left_to_refund(order):
        raise invalid({"merchant_calculated_override.total_amount": f"At most {json_amount(left_to_refund(order))} "
                                                                    "is left to refund."}, "The refund is not valid.")
    return total, tax


def _create_refund(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    order = state.tables["orders"].rows[call.parent_id]
    body = call.body if isinstance(call.body, dict) else {}
    try:
        quote = price(state, order, call.body)
        override = _override(body, order)
        total, tax = override if override is not None else (quote.total, quote.tax.quantize(CENTS))
        payments = _payments(order, body, total)
    except V3Error as error:
        raise _refund_error(error) from None
    opening = opening_transaction(state, order)
    reference = opening["id"] if opening is not None else None
    stored_payments, transaction_ids = [], []
    for payment in payments:
        transaction = add_transaction(state, order, "refund", payment["provider_id"], str(payment["amount"]), reference)
        transaction_ids.append(str(transaction["id"]))
        stored_payments.append({"id": transaction["id"], "provider_id": payment["provider_id"],
                                "amount": json_amount(payment["amount"]), "offline": payment["offline"],
                                "is_declined": False, "declined_message": "", "transaction_id": str(transaction["id"])})
    lines = state.tables["order_products"].children(order["id"])
    for line_id, (quantity, amount) in quote.lines.items():
        line = lines[line_id]
        refunded = int(line.get("quantity_refunded") or 0) + quantity
        merge_row(state, BY_NAME["order_products"], line, {
            "quantity_refunded": refunded, "is_refunded": refunded >= int(line.get("quantity", 1)),
            "refund_amount": str((to_decimal(line.get("refund_amount")) + amount).quantize(V2_MONEY))})
    refunded_amount = to_decimal(order.get("refunded_amount")) + total
    full = refunded_amount >= to_decimal(order.get("total_inc_tax"))
    merge_row(state, BY_NAME["orders"], order, {
        "refunded_amount": str(refunded_amount.quantize(V2_MONEY)),
        "status_id": 4 if full else 14, "payment_status": "refunded" if full else "partially refunded"})
    reasons = [item["reason"] for item in quote.items if item["reason"]]
    row = insert_row(state, state.tables["order_refunds"].resource, order["id"], {
        "reason": "; ".join(dict.fromkeys(reasons)), "total_amount": str(total), "total_tax": str(tax),
        "uses_merchant_override_values": override is not None, "payments": stored_payments,
        "items": quote.items, "transaction_ids": transaction_ids,
    })
    return data_response(renderer.render(REFUNDS, row), status=201)


def _list_refunds(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """An order's refunds (no paging), or every order's (``page``/``limit``); ``meta`` is ``{}`` (§3.12)."""
    table = state.tables["order_refunds"]
    source = table.children(call.parent_id) if call.parent_id is not None else table.ordered()
    tests = predicates(state, REFUNDS, call.query)
    rows = [row for row in source.values() if all(test(row) for test in tests)]
    if call.parent_id is None:
        page, limit = paging(REFUNDS, call.query)
        rows = rows[(page - 1) * limit:page * limit]
    return data_response([renderer.render(REFUNDS, row) for row in rows])


FAMILIES: Mapping[str, Family] = {REFUNDS.name: REFUNDS}

ROUTES: tuple[Route, ...] = (
    Route("orders/{order_id}/payment_actions/refunds", "order_refunds",
          {"GET": "order_refunds_list", "POST": "order_refund_create"}, per_parent=True),
    Route("orders/payment_actions/refunds", "order_refunds", {"GET": "order_refunds_list"}),
    Route("orders/payment_actions/refunds/{refund_id}", "order_refunds", {"GET": GET}),
)

ACTIONS: Mapping[str, Action] = {
    "order_refund_create": _create_refund,
    "order_refunds_list": _list_refunds,
}
