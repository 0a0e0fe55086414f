"""v3 checkouts: the checkout of each cart, read from the ``carts`` rows (v3-resources.md §3.23).

``checkouts.v3.yml``: a checkout's id is its cart's uuid. GET /checkouts/{checkoutId} answers the
cart (in the checkout's ``cart`` shape), its billing address (null until one is added), its
consignments (``consignments`` module: where lines ship, at a custom shipping price; the sandbox
quotes no carrier), taxes (none: no tax is applied) and the totals: ``subtotal_*`` = the cart
amount, ``grand_total`` = subtotal + shipping + handling + tax. PUT sets ``customer_message``
(required); POST …/billing-address adds the address (``email`` and ``country_code`` required,
422), PUT …/billing-address/{addressId} changes it (404 for another id). POST …/orders makes a v2
order in Incomplete status from the checkout (a billing address required, 422) and answers
``{data: {id}}``; v2 ``/orders`` shows it at once. The others answer 200 with the whole checkout;
each change increments the cart's ``version``, and a write carrying another ``version`` than the
cart's is a 409 "Cart conflict".
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

from bigcommerce.sandbox.cart_tables import CARTS as CART_TABLE
from bigcommerce.sandbox.catalog import BY_NAME
from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v2.writes import create
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.cart_lines import check_version, decimal, lines_of, money, render_cart
from bigcommerce.sandbox.v3.carts import changed, find_cart
from bigcommerce.sandbox.v3.errors import invalid, not_found
from bigcommerce.sandbox.v3.query import wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Route, col

Row = dict[str, Any]

CHECKOUTS = Family(name="checkouts", table="carts", label="checkout",
                   fields=(col("uuid", codec="str", read_only=True),), key_column="uuid")

ADDRESS_FIELDS = ("first_name", "last_name", "email", "company", "address1", "address2", "city",
                  "state_or_province", "state_or_province_code", "country_code", "postal_code", "phone")
CART_FIELDS = ("id", "customer_id", "channel_id", "email", "currency", "base_amount", "discount_amount")


def _country(state: State, code: str) -> str:
    """The country name of an ISO 3166 alpha-2 code, from the v2 countries rows ("" when unknown)."""
    for row in state.tables["countries"].rows.values():
        if str(row.get("country_iso2", "")).upper() == code.upper():
            return str(row.get("country", ""))
    return ""


def _address(state: State, stored: Mapping[str, Any] | None) -> Row | None:
    """A billing address in the checkout's ``Address Response`` order."""
    if stored is None:
        return None
    return {"id": stored.get("id"), **address_fields(state, stored)}


def address_fields(state: State, stored: Mapping[str, Any]) -> Row:
    """An address's fields in the spec's order, ``country`` named from ``country_code``."""
    out: Row = {}
    for name in ADDRESS_FIELDS:
        out[name] = stored.get(name, "")
        if name == "state_or_province_code":
            out["country"] = _country(state, str(stored.get("country_code", "")))
    out["custom_fields"] = stored.get("custom_fields", [])
    return out


def render_consignment(state: State, stored: Mapping[str, Any], line_ids: Collection[str]) -> Row:
    """One consignment: its address, lines still in the cart and shipping (a custom price a PUT set, else none)."""
    custom = stored.get("custom_shipping")
    cost = money(decimal(custom["price"])) if custom else 0
    out: Row = {
        "id": stored["id"], "shipping_cost_inc_tax": cost, "shipping_cost_ex_tax": cost,
        "handling_cost_inc_tax": 0, "handling_cost_ex_tax": 0, "coupon_discounts": [], "discounts": [],
        "line_item_ids": [line["item_id"] for line in stored.get("line_items", []) if line["item_id"] in line_ids],
        "address": address_fields(state, stored.get("address", {})),
    }
    if custom:
        out["selected_shipping_option"] = {"id": "custom", "type": "custom", "description": custom["description"],
                                           "image_url": "", "cost": cost, "transit_time": "",
                                           "additional_description": ""}
    return out


def shipping_total(cart: Mapping[str, Any]) -> Decimal:
    return sum((decimal(c["custom_shipping"]["price"]) for c in cart.get("consignments") or []
                if c.get("custom_shipping")), Decimal(0))


def render_checkout(state: State, cart: Mapping[str, Any], includes: frozenset[str] = frozenset()) -> Row:
    """The ``Checkout`` body (checkouts.v3.yml) of a cart, in the spec's field order."""
    full = render_cart(state, cart, includes)
    amount = decimal(full["cart_amount"])
    shipping, handling, tax = shipping_total(cart), Decimal(0), Decimal(0)
    line_ids = {line["uuid"] for line in lines_of(state, cart)}
    checkout_cart: Row = {name: full[name] for name in CART_FIELDS}
    checkout_cart.update({
        "cart_amount_inc_tax": money(amount + tax), "cart_amount_ex_tax": money(amount),
        "coupons": full["coupons"], "discounts": full["discounts"], "line_items": full["line_items"],
        "created_time": full["created_time"], "updated_time": full["updated_time"],
    })
    return {
        "id": cart["uuid"], "cart": checkout_cart, "billing_address": _address(state, cart.get("billing_address")),
        "consignments": [render_consignment(state, stored, line_ids) for stored in cart.get("consignments") or []],
        "taxes": [], "coupons": [], "fees": [], "order_id": cart.get("order_id"),
        "shipping_cost_total_inc_tax": money(shipping), "shipping_cost_total_ex_tax": money(shipping),
        "handling_cost_total_inc_tax": money(handling), "handling_cost_total_ex_tax": money(handling),
        "tax_total": money(tax), "subtotal_inc_tax": money(amount + tax), "subtotal_ex_tax": money(amount),
        "grand_total": money(amount + shipping + handling + tax),
        "created_time": full["created_time"], "updated_time": full["updated_time"],
        "customer_message": cart.get("customer_message", ""), "promotions": [], "version": cart.get("version", 1),
    }


def answer(state: State, cart: Mapping[str, Any], call: Call) -> StoreResponse:
    return data_response(render_checkout(state, cart, wanted(call.query, "include")))


def _body(call: Call) -> dict[str, Any]:
    if not isinstance(call.body, dict):
        raise invalid({"body": "The request body must be a JSON object."})
    return call.body


def _get(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return answer(state, find_cart(state, call.keys[0]), call)


def _update(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /checkouts/{checkoutId}: the customer message (``Checkout_Put``)."""
    cart = find_cart(state, call.keys[0])
    body = _body(call)
    check_version(cart, body)
    if not isinstance(body.get("customer_message"), str):
        raise invalid({"customer_message": "customer_message is required."}, "The checkout is not valid.")
    return answer(state, changed(state, cart, {"customer_message": body["customer_message"]}), call)


def checked_address(body: Mapping[str, Any], stored: Mapping[str, Any]) -> Row:
    """The stored address after a write: ``email`` and ``country_code`` required (``AddressProperties``)."""
    merged: Row = dict(stored)
    errors: dict[str, str] = {}
    for name in (*ADDRESS_FIELDS, "custom_fields"):
        if name not in body:
            continue
        value = body[name]
        if name == "custom_fields":
            if not isinstance(value, list):
                errors[name] = "custom_fields must be an array."
                continue
        elif not isinstance(value, str):
            errors[name] = f"{name} must be a string."
            continue
        merged[name] = value
    for name in ("email", "country_code"):
        if not merged.get(name):
            errors.setdefault(name, f"{name} is required.")
    if merged.get("email") and "@" not in str(merged["email"]):
        errors["email"] = "email must be an email address."
    if errors:
        raise invalid(errors, "The billing address is not valid.")
    return merged


def _add_billing(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /checkouts/{checkoutId}/billing-address: the checkout's billing address; the cart takes its email."""
    cart = find_cart(state, call.keys[0])
    body = _body(call)
    check_version(cart, body)
    address = checked_address(body, {"id": str(cart["id"])})
    return answer(state, changed(state, cart, {"billing_address": address, "email": address["email"]}), call)


def _update_billing(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /checkouts/{checkoutId}/billing-address/{addressId}: the fields sent change."""
    cart = find_cart(state, call.keys[0])
    stored = cart.get("billing_address")
    if stored is None or str(stored.get("id")) != call.keys[1]:
        raise not_found("billing address")
    body = _body(call)
    check_version(cart, body)
    address = checked_address(body, stored)
    return answer(state, changed(state, cart, {"billing_address": address, "email": address["email"]}), call)


def _v2_address(state: State, address: Mapping[str, Any]) -> Row:
    """A checkout address in the v2 order's ``billing_address`` words."""
    return {"first_name": address.get("first_name", ""), "last_name": address.get("last_name", ""),
            "company": address.get("company", ""), "street_1": address.get("address1", ""),
            "street_2": address.get("address2", ""), "city": address.get("city", ""),
            "state": address.get("state_or_province", ""), "zip": address.get("postal_code", ""),
            "country": _country(state, str(address.get("country_code", ""))),
            "country_iso2": address.get("country_code", ""), "phone": address.get("phone", ""),
            "email": address.get("email", "")}


def _create_order(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /checkouts/{checkoutId}/orders: a v2 order in Incomplete status (0) from the checkout, ``{data: {id}}``.

    Each call makes another order (the spec: it can be called repeatedly); the checkout's ``order_id``
    names the latest. The lines keep the cart's prices; the shipping is the consignments'.
    """
    cart = find_cart(state, call.keys[0])
    billing = cart.get("billing_address")
    if billing is None:
        raise invalid({"billing_address": "The checkout needs a billing address before an order."},
                      "The checkout cannot become an order.")
    checkout = render_checkout(state, cart)
    products = []
    for kind in ("physical_items", "digital_items"):
        for line in checkout["cart"]["line_items"][kind]:
            price = str(line["list_price"])
            products.append({"product_id": line["product_id"], "quantity": line["quantity"],
                             "price_ex_tax": price, "price_inc_tax": price})
    shipping = str(checkout["shipping_cost_total_ex_tax"])
    order = create(state, BY_NAME["orders"], None, {
        "status_id": 0, "customer_id": cart.get("customer_id", 0), "channel_id": cart.get("channel_id", 1),
        "billing_address": _v2_address(state, billing), "products": products,
        "shipping_cost_ex_tax": shipping, "shipping_cost_inc_tax": shipping,
        "customer_message": cart.get("customer_message", ""), "default_currency_code": cart.get("currency", "USD"),
    }, validate=True)
    merge_row(state, CART_TABLE, cart, {"order_id": order["id"]})
    return data_response({"id": order["id"]})


FAMILIES: Mapping[str, Family] = {CHECKOUTS.name: CHECKOUTS}

ACTIONS: Mapping[str, Action] = {
    "checkout_get": _get, "checkout_update": _update,
    "checkout_billing_add": _add_billing, "checkout_billing_update": _update_billing,
    "checkout_order": _create_order,
}

ROUTES: tuple[Route, ...] = (
    Route("checkouts/{checkoutId}", "checkouts", {"GET": "checkout_get", "PUT": "checkout_update"}, text_params=1),
    Route("checkouts/{checkoutId}/billing-address", "checkouts", {"POST": "checkout_billing_add"}, text_params=1),
    Route("checkouts/{checkoutId}/billing-address/{addressId}", "checkouts", {"PUT": "checkout_billing_update"},
          text_params=2),
    Route("checkouts/{checkoutId}/orders", "checkouts", {"POST": "checkout_order"}, text_params=1),
)
