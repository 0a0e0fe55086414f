"""v3 checkout consignments: where a checkout's physical lines ship (v3-resources.md §3.23).

``checkouts.v3.yml``: POST /checkouts/{checkoutId}/consignments takes an **array** of
``{address, line_items: [{item_id, quantity}]}`` (the address needs ``email``, ``country_code``,
``state_or_province`` and ``postal_code``; each ``item_id`` a physical line of the cart, else
422); a line named again moves to the new consignment. PUT …/consignments/{consignmentId}
changes the address, the lines or ``custom_shipping`` ``{price, description}`` (the shipping
cost the checkout's totals add up); the sandbox quotes no carrier, so a ``shipping_option_id``
is a 422. DELETE removes one (optional JSON body ``{version}``). Each answers 200 with the whole
checkout; a ``version`` other than the cart's is a 409, and each change increments it. A cart
whose customer changes loses its consignments (cart PUT, §3.21), and a deleted line leaves them.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.cart_lines import check_version, lines_of
from bigcommerce.sandbox.v3.carts import changed, find_cart
from bigcommerce.sandbox.v3.checkouts import answer, checked_address
from bigcommerce.sandbox.v3.errors import V3Error, invalid, not_found
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Route

Row = dict[str, Any]
POST_ADDRESS_REQUIRED = ("state_or_province", "postal_code")  # besides email and country_code


def _physical_ids(state: State, cart: Row) -> set[str]:
    products = state.tables["products"].rows
    return {line["uuid"] for line in lines_of(state, cart)
            if products.get(line.get("product_id"), {}).get("type") != "digital"}


def _lines(state: State, cart: Row, given: Any, where: str, errors: dict[str, str]) -> list[Row]:
    """The ``line_items`` of a consignment: physical lines of the cart, each with a quantity of at least 1."""
    if not isinstance(given, list) or not given:
        errors[where] = "At least one line item is required."
        return []
    known = _physical_ids(state, cart)
    out = []
    for index, line in enumerate(given):
        at = f"{where}[{index}]"
        if not isinstance(line, dict) or line.get("item_id") not in known:
            errors[f"{at}.item_id"] = "item_id must name a physical line item of the cart."
            continue
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            errors[f"{at}.quantity"] = "quantity is required and must be at least 1."
            continue
        out.append({"item_id": line["item_id"], "quantity": quantity})
    return out


def _address(given: Any, where: str, errors: dict[str, str], *, stored: Mapping[str, Any] | None = None,
             required: tuple[str, ...] = ()) -> Row:
    if not isinstance(given, dict):
        errors[where] = "address must be an object."
        return {}
    for name in required:
        if not given.get(name):
            errors[f"{where}.{name}"] = f"{name} is required."
    try:
        return checked_address(given, stored or {})
    except V3Error as error:  # the 422 naming the address's fields
        errors.update({f"{where}.{name}": reason for name, reason in error.errors.items()})
        return {}


def _without(consignments: list[Row], item_ids: set[str]) -> list[Row]:
    """The consignments with these lines taken out (a consignment left with none goes)."""
    out = []
    for consignment in consignments:
        lines = [line for line in consignment["line_items"] if line["item_id"] not in item_ids]
        if lines:
            out.append({**consignment, "line_items": lines})
    return out


def _add(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /checkouts/{checkoutId}/consignments: an array of consignments."""
    cart = find_cart(state, call.keys[0])
    body = call.body
    if not isinstance(body, list) or not body:
        raise invalid({"body": "The request body must be a non-empty array of consignments."})
    for item in body:
        check_version(cart, item)
    errors: dict[str, str] = {}
    serial = int(cart.get("consignment_serial", 0))
    new: list[Row] = []
    for index, item in enumerate(body):
        where = f"[{index}]"
        if not isinstance(item, dict):
            errors[where] = "A consignment must be an object."
            continue
        address = _address(item.get("address"), f"{where}.address", errors, required=POST_ADDRESS_REQUIRED)
        lines = _lines(state, cart, item.get("line_items"), f"{where}.line_items", errors)
        serial += 1
        digest = hashlib.sha256(f"{cart['uuid']}/consignment/{serial}".encode()).hexdigest()[:13]
        new.append({"id": digest, "address": address, "line_items": lines, "custom_shipping": None})
    if errors:
        raise invalid(errors, "The consignment is not valid.")
    moved = {str(line["item_id"]) for consignment in new for line in consignment["line_items"]}
    consignments = _without(list(cart.get("consignments") or []), moved) + new
    return answer(state, changed(state, cart, {"consignments": consignments, "consignment_serial": serial}), call)


def _find(cart: Row, key: str) -> tuple[int, Row]:
    for index, consignment in enumerate(cart.get("consignments") or []):
        if consignment["id"] == key:
            return index, consignment
    raise not_found("consignment")


def _update(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT …/consignments/{consignmentId}: its address, lines or custom shipping."""
    cart = find_cart(state, call.keys[0])
    index, consignment = _find(cart, call.keys[1])
    body = call.body
    if not isinstance(body, dict):
        raise invalid({"body": "The request body must be a JSON object."})
    check_version(cart, body)
    errors: dict[str, str] = {}
    updated = dict(consignment)
    if "address" in body:
        updated["address"] = _address(body["address"], "address", errors, stored=consignment["address"])
    if "line_items" in body:
        updated["line_items"] = _lines(state, cart, body["line_items"], "line_items", errors)
    if body.get("shipping_option_id") is not None:
        errors["shipping_option_id"] = "The sandbox quotes no shipping options; set custom_shipping instead."
    custom = body.get("custom_shipping")
    if custom is not None:
        price = custom.get("price") if isinstance(custom, dict) else None
        if isinstance(price, bool) or not isinstance(price, (int, float)) or price < 0:
            errors["custom_shipping.price"] = "price must be a number of at least 0."
        else:
            updated["custom_shipping"] = {"price": str(price), "description": str(custom.get("description") or "")}
    if not {"address", "line_items", "shipping_option_id", "custom_shipping"} & set(body):
        errors["body"] = "Send address, line_items, shipping_option_id or custom_shipping."
    if errors:
        raise invalid(errors, "The consignment is not valid.")
    moved = {line["item_id"] for line in updated["line_items"]}
    others = _without([c for n, c in enumerate(cart["consignments"]) if n != index], moved)
    consignments = [*others[:index], updated, *others[index:]]
    return answer(state, changed(state, cart, {"consignments": consignments}), call)


def _delete(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE …/consignments/{consignmentId}: 200 with the checkout."""
    cart = find_cart(state, call.keys[0])
    _find(cart, call.keys[1])
    check_version(cart, call.body)
    consignments = [c for c in cart["consignments"] if c["id"] != call.keys[1]]
    return answer(state, changed(state, cart, {"consignments": consignments}), call)


FAMILIES: Mapping[str, Family] = {}

ACTIONS: Mapping[str, Action] = {
    "consignments_add": _add, "consignment_update": _update, "consignment_delete": _delete,
}

ROUTES: tuple[Route, ...] = (
    Route("checkouts/{checkoutId}/consignments", "checkouts", {"POST": "consignments_add"}, text_params=1),
    Route("checkouts/{checkoutId}/consignments/{consignmentId}", "checkouts",
          {"PUT": "consignment_update", "DELETE": "consignment_delete"}, text_params=2),
)
