"""v3 refund quotes of v2 orders: real arithmetic over the order's lines and costs (§3.12).

A quote (``POST orders/{order_id}/payment_actions/refund_quotes``, 201) prices what a refund
would give back, in ``Decimal``: a ``PRODUCT`` item its line's ``price_inc_tax`` times the
quantity (less its ``adjustments``), a ``GIFT_WRAPPING`` item its share of the line's wrapping,
``SHIPPING`` / ``HANDLING`` (by order address id) and ``ORDER`` / ``TAX`` / ``FEE`` items the
``amount`` sent; tax is each line's or cost's own tax share (none for ``ORDER``, as the spec
says). Nothing may exceed what is left: quantities not yet refunded, costs not yet refunded,
the order's ``total_inc_tax`` less its ``refunded_amount``; a 422 names each item that does.
``refund_methods`` offers the provider that took the payment, store credit (not to guests) and
``custom`` (refunded outside BigCommerce), each for the whole amount. ``refunds`` prices a
refund with the same ``price``.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.codecs import number
from bigcommerce.sandbox.v3.errors import invalid
from bigcommerce.sandbox.v3.orders import (
    CUSTOM,
    MONEY_TAKEN,
    STORE_CREDIT,
    order_provider,
    payment_status,
)
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Route

Row = dict[str, Any]
CENTS = Decimal("0.01")
ZERO = Decimal(0)
QUANTITY_TYPES = ("PRODUCT", "GIFT_WRAPPING")
AMOUNT_TYPES = ("SHIPPING", "HANDLING", "ORDER", "TAX", "FEE")
OFFLINE_REASON = "This is an offline payment provider."
GUEST_STORE_CREDIT = "Unable to provide store credit for a guest customer."


def to_decimal(value: Any) -> Decimal:
    """A stored amount (decimal string or number) as a Decimal; 0 for none."""
    try:
        return Decimal(str(value if value not in (None, "") else "0"))
    except InvalidOperation:
        return ZERO


def json_amount(amount: Decimal) -> int | float:
    """A Decimal amount as the JSON number the spec shows (1.99, 50)."""
    shown = number(str(amount.quantize(CENTS)))
    return shown if shown is not None else 0


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def given_amount(value: Any) -> Decimal | None:
    """A JSON number of the body as a Decimal; None when it is not a number (strict JSON typing)."""
    return Decimal(str(value)) if _is_number(value) else None


@dataclass
class Quote:
    """What a refund of these items gives back, before rounding, and what it changes."""

    order: Row
    amount: Decimal = ZERO
    tax: Decimal = ZERO
    order_level: Decimal = ZERO
    items: list[Row] = field(default_factory=list)
    lines: dict[int, tuple[int, Decimal]] = field(default_factory=dict)  # order product id -> (quantity, amount)

    @property
    def total(self) -> Decimal:
        return self.amount.quantize(CENTS)


def _refunded_before(state: State, order_id: int, item_type: str, item_id: Any) -> tuple[int, Decimal]:
    """Quantity and amount earlier refunds of this order gave back for one item."""
    quantity, amount = 0, ZERO
    for refund in state.tables["order_refunds"].children(order_id).values():
        for item in refund.get("items") or ():
            if item.get("item_type") == item_type and item.get("item_id") == item_id:
                quantity += int(item.get("quantity") or 0)
                amount += to_decimal(item.get("requested_amount"))
    return quantity, amount


def _cost(state: State, order: Mapping[str, Any], item_type: str, address_id: Any) -> tuple[Decimal, Decimal] | None:
    """An address's shipping or handling cost (inc tax, tax); the order's own on its first address."""
    addresses = state.tables["order_shipping_addresses"].children(order["id"])
    address = addresses.get(address_id)
    if address is None:
        return None
    prefix = "cost" if item_type == "SHIPPING" else "handling_cost"
    inc, tax = to_decimal(address.get(f"{prefix}_inc_tax")), to_decimal(address.get(f"{prefix}_tax"))
    if inc == ZERO and address_id == next(iter(addresses)):
        order_prefix = "shipping_cost" if item_type == "SHIPPING" else "handling_cost"
        inc, tax = to_decimal(order.get(f"{order_prefix}_inc_tax")), to_decimal(order.get(f"{order_prefix}_tax"))
    return inc, tax


def _quantity_item(state: State, quote: Quote, item: Mapping[str, Any], item_type: str) -> str | None:
    """Price one PRODUCT or GIFT_WRAPPING item into the quote; the problem, if any."""
    quantity = item.get("quantity")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        return "quantity: a positive integer is required."
    line = state.tables["order_products"].children(quote.order["id"]).get(item.get("item_id"))
    if line is None:
        return f"The order has no product {item.get('item_id')}."
    line_quantity = int(line.get("quantity", 1))
    pending = quote.lines.get(line["id"], (0, ZERO))[0] if item_type == "PRODUCT" else 0
    if item_type == "PRODUCT":
        done = int(line.get("quantity_refunded") or 0)
        amount = to_decimal(line.get("price_inc_tax")) * quantity
        tax = to_decimal(line.get("price_tax")) * quantity
    else:
        done = _refunded_before(state, quote.order["id"], item_type, line["id"])[0]
        wrapping = to_decimal(line.get("wrapping_cost_inc_tax"))
        if wrapping == ZERO:
            return f"The order product {line['id']} has no gift wrapping."
        amount = wrapping * quantity / line_quantity
        tax = to_decimal(line.get("wrapping_cost_tax")) * quantity / line_quantity
    left = line_quantity - done - pending
    if quantity > left:
        return f"quantity: at most {left} of order product {line['id']} can be refunded."
    deduction = ZERO
    adjustments = item.get("adjustments") or []
    if not isinstance(adjustments, list):
        return "adjustments: an array is required."
    for adjustment in adjustments:
        value = given_amount(adjustment.get("amount")) if isinstance(adjustment, dict) else None
        if value is None or value >= 0:
            return "adjustments: each amount must be a negative number."
        deduction += value
    if amount + deduction < ZERO:
        return "adjustments: the adjustments exceed the item's amount."
    if deduction and amount:
        tax = tax * (amount + deduction) / amount
    amount += deduction
    quote.amount += amount
    quote.tax += tax
    if item_type == "PRODUCT":
        before_quantity, before_amount = quote.lines.get(line["id"], (0, ZERO))
        quote.lines[line["id"]] = (before_quantity + quantity, before_amount + amount)
    quote.items.append({"item_type": item_type, "item_id": line["id"], "quantity": quantity,
                        "requested_amount": None, "reason": str(item.get("reason") or "")})
    return None


def _amount_item(state: State, quote: Quote, item: Mapping[str, Any], item_type: str) -> str | None:
    """Price one SHIPPING, HANDLING, ORDER, TAX or FEE item into the quote; the problem, if any."""
    amount_given = given_amount(item.get("amount"))
    if amount_given is None or amount_given < 0:
        return "amount: a non-negative number is required."
    amount = amount_given.quantize(CENTS)
    order, item_id = quote.order, item.get("item_id")
    in_request = sum((to_decimal(i["requested_amount"]) for i in quote.items
                      if i["item_type"] == item_type and i["item_id"] == item_id), ZERO)
    tax = ZERO
    if item_type in ("SHIPPING", "HANDLING"):
        cost = _cost(state, order, item_type, item_id)
        if cost is None:
            return f"The order has no address {item_id}."
        limit, cost_tax = cost
        tax = amount * cost_tax / limit if limit else ZERO
    elif item_type == "FEE":
        fee = next((f for f in order.get("fees") or () if isinstance(f, dict) and f.get("id") == item_id), None)
        if fee is None:
            return f"The order has no fee {item_id}."
        limit = to_decimal(fee.get("cost_inc_tax", fee.get("total_inc_tax", fee.get("amount"))))
    else:  # ORDER and TAX name the order itself
        if item_id != order["id"]:
            return f"item_id: an {item_type} item names the order ({order['id']})."
        limit = to_decimal(order.get("total_inc_tax"))
        if item_type == "TAX":
            limit = to_decimal(order.get("total_tax")) - _tax_refunded(state, order["id"])
            tax = amount
    left = limit - _refunded_before(state, order["id"], item_type, item_id)[1] - in_request
    if item_type != "TAX" and amount > left:
        return f"amount: at most {json_amount(max(left, ZERO))} can be refunded."
    if item_type == "TAX" and amount > left:
        return f"amount: at most {json_amount(max(left, ZERO))} of tax can be refunded."
    quote.amount += amount
    quote.tax += tax
    if item_type == "ORDER":
        quote.order_level += amount
    quote.items.append({"item_type": item_type, "item_id": item_id, "quantity": None,
                        "requested_amount": json_amount(amount), "reason": str(item.get("reason") or "")})
    return None


def _tax_refunded(state: State, order_id: int) -> Decimal:
    refunds = state.tables["order_refunds"].children(order_id).values()
    return sum((to_decimal(refund.get("total_tax")) for refund in refunds), ZERO)


def left_to_refund(order: Mapping[str, Any]) -> Decimal:
    return to_decimal(order.get("total_inc_tax")) - to_decimal(order.get("refunded_amount"))


def price(state: State, order: Row, body: object) -> Quote:
    """The quote of a refund request body (items, or tax_adjustment_amount); 422 naming each problem."""
    if not isinstance(body, dict):
        raise invalid({"body": "A JSON object is required."}, "JSON data is missing or invalid")
    if payment_status(order) not in MONEY_TAKEN:
        state_word = payment_status(order) or "no payment"
        raise invalid({"order_id": f"The order's payment is '{state_word}': there is nothing to refund."},
                      "The order cannot be refunded.")
    quote = Quote(order)
    errors: dict[str, str] = {}
    if "items" in body:
        items = body["items"]
        if not isinstance(items, list) or not items:
            raise invalid({"items": "A non-empty array of items is required."}, "JSON data is missing or invalid")
        for index, item in enumerate(items):
            item_type = item.get("item_type") if isinstance(item, dict) else None
            if not isinstance(item, dict) or item_type not in (*QUANTITY_TYPES, *AMOUNT_TYPES):
                errors[f"items.{index}"] = "item_type must be one of: " + ", ".join((*QUANTITY_TYPES, *AMOUNT_TYPES))
                continue
            item_id = item.get("item_id")
            if isinstance(item_id, bool) or not isinstance(item_id, int):
                errors[f"items.{index}.item_id"] = "An integer id is required."
                continue
            reason = item.get("reason")
            if reason is not None and (not isinstance(reason, str) or len(reason) > 1000):
                errors[f"items.{index}.reason"] = "A string of at most 1000 characters."
                continue
            pricer = _quantity_item if item_type in QUANTITY_TYPES else _amount_item
            problem = pricer(state, quote, item, item_type)
            if problem is not None:
                errors[f"items.{index}"] = problem
    elif "tax_adjustment_amount" in body:
        given = given_amount(body["tax_adjustment_amount"])
        if given is None or given <= 0:
            raise invalid({"tax_adjustment_amount": "A positive number is required."},
                          "JSON data is missing or invalid")
        amount = given.quantize(CENTS)
        tax_left = to_decimal(order.get("total_tax")) - _tax_refunded(state, order["id"])
        if amount > tax_left:
            errors["tax_adjustment_amount"] = f"At most {json_amount(max(tax_left, ZERO))} of tax can be refunded."
        quote.amount = quote.tax = amount
    else:
        raise invalid({"items": "Give items, or tax_adjustment_amount."}, "JSON data is missing or invalid")
    if not errors and quote.total > left_to_refund(order):
        errors["items"] = (f"The refund of {json_amount(quote.total)} is more than the "
                           f"{json_amount(left_to_refund(order))} left to refund on order {order['id']}.")
    if errors:
        raise invalid(errors, "The refund is not valid.")
    return quote


def refund_methods(order: Mapping[str, Any], amount: Decimal) -> list[list[dict[str, Any]]]:
    """The ways this order can give ``amount`` back: its provider, store credit (not to guests), custom."""
    providers = [order_provider(order)]
    if order.get("customer_id"):
        providers.append(STORE_CREDIT)
    providers.append(CUSTOM)
    methods, seen = [], set()
    for provider_id, description, _method, offline in providers:
        if provider_id in seen:
            continue
        seen.add(provider_id)
        methods.append([{"provider_id": provider_id, "provider_description": description, "amount": json_amount(amount),
                         "offline": offline, "offline_provider": offline,
                         "offline_reason": OFFLINE_REASON if offline else ""}])
    return methods


def _create_quote(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    order = state.tables["orders"].rows[call.parent_id]
    quote = price(state, order, call.body)
    total = quote.total
    return data_response({
        "order_id": order["id"], "total_refund_amount": json_amount(total),
        "total_refund_tax_amount": json_amount(quote.tax),
        "order_level_refund_amount": json_amount(quote.order_level), "rounding": float(total - quote.amount) + 0.0,
        "adjustment": 0, "tax_inclusive": True, "refund_methods": refund_methods(order, total),
    }, status=201)



FAMILIES: Mapping[str, Family] = {}

ROUTES: tuple[Route, ...] = (
    Route("orders/{order_id}/payment_actions/refund_quotes", "order_refunds", {"POST": "order_refund_quote"},
          per_parent=True),
)

ACTIONS: Mapping[str, Action] = {"order_refund_quote": _create_quote}
