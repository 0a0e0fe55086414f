"""v3 carts: the state-only ``carts`` and ``cart_items`` tables, addressed by uuid (v3-resources.md §3.21).

``carts.v3.yml``: POST /carts (201) makes a cart of ``line_items`` naming existing products and
variants (422 otherwise, and for a quantity below 1), ``customer_id`` optional (0: a guest; else
an existing customer, whose email the cart takes), ``channel_id`` 1 unless given. There is no
cart listing. GET /carts/{cartId} (404 without a body when missing), PUT (only ``customer_id``;
**201**), DELETE (204). Items: POST adds lines (201; a line equal to one the cart holds adds to
its quantity), PUT changes one line's ``quantity`` and ``list_price`` (200), DELETE answers 200
with the cart, or 204 when it removed the last line and so the cart. Every change increments
the cart's ``version`` (and its 30 days of life); a write that sends another ``version`` than the cart's is a 409 (cart
PUT, item POST/PUT/DELETE). ``include=redirect_urls`` adds the cart's redirect URLs,
``line_items.physical_items.options`` (and ``digital_items``) each line's ``options``;
POST /carts/{cartId}/redirect_urls makes a new set (201). Custom items and gift certificates
are not emulated (501).
"""
from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from typing import Any

from bigcommerce.sandbox.cart_tables import CART_ITEMS
from bigcommerce.sandbox.cart_tables import CARTS as CART_TABLE
from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse
from bigcommerce.sandbox.rows import insert_row, merge_row, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.cart_lines import check_version, line_fields, lines_of, render_cart, same_line
from bigcommerce.sandbox.v3.errors import V3Error, invalid, not_found
from bigcommerce.sandbox.v3.metafields import METAFIELD_FIELDS, metafield_routes, metafields_of
from bigcommerce.sandbox.v3.query import wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Route, col, computed
from bigcommerce.sandbox.v3.writes import new_uuid

Row = dict[str, Any]

CARTS = Family(name="carts", table="carts", label="cart",
               fields=(col("uuid", codec="str", read_only=True),), key_column="uuid")
NOT_EMULATED = ("custom_items", "gift_certificates")
CART_LIFETIME_S = 30 * 24 * 3600  # carts live 30 days from their last change (carts.v3.yml)


# ------------------------------------------------------------------ finding and changing carts

def find_cart(state: State, key: str, *, bodyless: bool = False) -> Row:
    """The cart a path's uuid names; 404 (without a body where the spec says so) when none does.

    A cart unchanged for ``CART_LIFETIME_S`` has expired (§3.21): it is dropped and answered as missing.
    """
    for row in state.tables["carts"].rows.values():
        if row.get("uuid") == key:
            if state.now() - int(row.get("date_modified") or state.now()) <= CART_LIFETIME_S:
                return row
            remove_row(state, CART_TABLE, row)
            break
    if bodyless:
        raise V3Error(404, "Cart not found.", bodyless=True)
    raise not_found("cart")


def _body(call: Call, *, required: bool = True) -> dict[str, Any]:
    if call.body is None and not required:
        return {}
    if not isinstance(call.body, dict):
        raise invalid({"body": "The request body must be a JSON object."})
    return call.body


def _customer(state: State, body: Mapping[str, Any], default: int = 0) -> tuple[int, str]:
    """The ``customer_id`` a body names (0: a guest) and that customer's email; 422 when unknown."""
    customer_id = body.get("customer_id", default)
    if customer_id in (None, 0):
        return 0, ""
    customer = state.tables["customers"].rows.get(customer_id) if isinstance(customer_id, int) else None
    if customer is None or isinstance(customer_id, bool):
        raise invalid({"customer_id": f"Customer {customer_id!r} does not exist."}, "The cart is not valid.")
    return customer_id, str(customer.get("email") or "")


def _not_emulated(body: Mapping[str, Any]) -> None:
    for name in NOT_EMULATED:
        if body.get(name):
            raise V3Error(501, f"The sandbox does not emulate cart {name}",
                          detail=f"Carts of the sandbox hold catalog line_items only; {name} is not emulated.")


def _line_items(state: State, body: Mapping[str, Any]) -> list[Row]:
    items = body.get("line_items")
    if not isinstance(items, list) or not items:
        raise invalid({"line_items": "At least one line item is required."}, "The cart is not valid.")
    return [line_fields(state, item, f"line_items[{index}]") for index, item in enumerate(items)]


def add_lines(state: State, cart: Row, lines: list[Row]) -> None:
    """Store new lines; a line equal to one the cart holds adds to that line's quantity."""
    for fields in lines:
        existing = next((row for row in lines_of(state, cart) if same_line(row, fields)), None)
        if existing is not None:
            merge_row(state, CART_ITEMS, existing, {"quantity": existing["quantity"] + fields["quantity"]})
            continue
        fields["uuid"] = new_uuid(state, "cart_items")
        insert_row(state, CART_ITEMS, cart["id"], fields)


def changed(state: State, cart: Row, fields: Row | None = None) -> Row:
    """Store a change of the cart: its fields, a new version, a new ``date_modified``."""
    return merge_row(state, CART_TABLE, cart, {**(fields or {}), "version": int(cart.get("version", 1)) + 1})


def redirect_urls(state: State, cart: Row) -> dict[str, str]:
    """A new set of one-use redirect URLs (a token made from the cart and how many sets it has had)."""
    count = int(cart.get("redirects", 0)) + 1
    cart["redirects"] = count
    token = hashlib.sha256(f"{state.store_hash}/{cart['uuid']}/{count}".encode()).hexdigest()
    base = f"https://store-{state.store_hash}.mybigcommerce.com/cart.php"
    query = f"id={cart['uuid']}&token={token}"
    return {"cart_url": f"{base}?action=load&{query}", "checkout_url": f"{base}?action=loadInCheckout&{query}",
            "embedded_checkout_url": f"{base}?embedded=1&action=loadInCheckout&{query}"}


def cart_answer(state: State, cart: Row, query: Mapping[str, str], status: int = 200) -> StoreResponse:
    includes: Collection[str] = wanted(query, "include")
    body = render_cart(state, cart, includes)
    if "redirect_urls" in includes:
        body["redirect_urls"] = redirect_urls(state, cart)
    return data_response(body, status=status)


# ------------------------------------------------------------------ actions

def _create(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /carts: a cart of catalog line items (201)."""
    body = _body(call)
    _not_emulated(body)
    customer_id, email = _customer(state, body)
    channel_id = body.get("channel_id", 1)
    if not isinstance(channel_id, int) or isinstance(channel_id, bool) or channel_id not in state.tables[
            "channels"].rows:
        raise invalid({"channel_id": f"Channel {channel_id!r} does not exist."}, "The cart is not valid.")
    currency = body.get("currency") if isinstance(body.get("currency"), dict) else {}
    lines = _line_items(state, body)
    cart = insert_row(state, CART_TABLE, None, {
        "uuid": new_uuid(state, "carts"), "customer_id": customer_id, "channel_id": channel_id, "email": email,
        "currency": str((currency or {}).get("code") or "USD").upper(), "locale": str(body.get("locale") or "en-US"),
        "version": 1, "billing_address": None, "customer_message": "",
    })
    add_lines(state, cart, lines)
    return cart_answer(state, cart, call.query, 201)


def _get(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return cart_answer(state, find_cart(state, call.keys[0], bodyless=True), call.query)


def _update(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /carts/{cartId}: only ``customer_id`` changes (201)."""
    cart = find_cart(state, call.keys[0])
    body = _body(call)
    check_version(cart, body)
    customer_id, email = _customer(state, body, cart.get("customer_id", 0))
    # A new customer drops the cart's shipping (its checkout consignments), as the spec says.
    fields = {"customer_id": customer_id, "email": email, "consignments": []}
    return cart_answer(state, changed(state, cart, fields), call.query, 201)


def _delete(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    remove_row(state, CART_TABLE, find_cart(state, call.keys[0]))
    return NO_CONTENT


def _add_items(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /carts/{cartId}/items: more lines (201)."""
    cart = find_cart(state, call.keys[0])
    body = _body(call)
    check_version(cart, body)
    _not_emulated(body)
    add_lines(state, cart, _line_items(state, body))
    return cart_answer(state, changed(state, cart), call.query, 201)


def _find_line(state: State, cart: Row, key: str) -> Row:
    for line in lines_of(state, cart):
        if line.get("uuid") == key:
            return line
    raise not_found("line item")


def _update_item(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /carts/{cartId}/items/{itemId}: the line's quantity and list price (200)."""
    cart = find_cart(state, call.keys[0])
    line = _find_line(state, cart, call.keys[1])
    body = _body(call)
    check_version(cart, body)
    _not_emulated(body)
    given = body.get("line_item")
    if not isinstance(given, dict):
        raise invalid({"line_item": "A line_item object is required."}, "The line item is not valid.")
    fields = line_fields(state, {"product_id": line.get("product_id"), "variant_id": line.get("variant_id"), **given},
                         "line_item")
    if fields["product_id"] != line.get("product_id") or fields["variant_id"] != line.get("variant_id"):
        raise invalid({"line_item.product_id": "A line's product and variant cannot change; delete it and add "
                                               "the new one."}, "The line item is not valid.")
    update: Row = {"quantity": fields["quantity"]}
    if "list_price" in given:
        update["list_price"] = fields["list_price"]
    merge_row(state, CART_ITEMS, line, update)
    return cart_answer(state, changed(state, cart), call.query)


def _delete_item(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /carts/{cartId}/items/{itemId}: 200 with the cart, 204 when the cart is left empty and deleted."""
    cart = find_cart(state, call.keys[0])
    line = _find_line(state, cart, call.keys[1])
    check_version(cart, call.body)
    remove_row(state, CART_ITEMS, line)
    if not lines_of(state, cart):
        remove_row(state, CART_TABLE, cart)
        return NO_CONTENT
    consignments = [{**c, "line_items": [one for one in c["line_items"] if one["item_id"] != line["uuid"]]}
                    for c in cart.get("consignments") or []]
    fields = {"consignments": [c for c in consignments if c["line_items"]]}
    return cart_answer(state, changed(state, cart, fields), call.query)


def _redirect_urls(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /carts/{cartId}/redirect_urls: a new set of redirect URLs (201)."""
    cart = find_cart(state, call.keys[0])
    urls = redirect_urls(state, cart)
    body = call.body if isinstance(call.body, dict) else {}
    params = body.get("query_params")
    if isinstance(params, dict) and params:
        extra = "&".join(f"{key}={value}" for key, value in params.items())
        urls = {name: f"{url}&{extra}" for name, url in urls.items()}
    return data_response(urls, status=201)


# Metafields of one cart, named by the cart's uuid in the path and in ``resource_id``. The
# store-wide batch path (``carts/metafields``) is not served: its items name carts by uuid.
CART_METAFIELDS = metafields_of(
    "cart_metafields", "cart", "carts", parent_label="cart", parent_key="uuid",
    fields=tuple(computed("resource_id", "cart_uuid") if item.name == "resource_id" else item
                 for item in METAFIELD_FIELDS),
)

FAMILIES: Mapping[str, Family] = {CARTS.name: CARTS, CART_METAFIELDS.name: CART_METAFIELDS}

ACTIONS: Mapping[str, Action] = {
    "cart_create": _create, "cart_get": _get, "cart_update": _update, "cart_delete": _delete,
    "cart_items_add": _add_items, "cart_item_update": _update_item, "cart_item_delete": _delete_item,
    "cart_redirect_urls": _redirect_urls,
}

ROUTES: tuple[Route, ...] = (
    Route("carts", "carts", {"POST": "cart_create"}),
    Route("carts/{cartId}", "carts", {"GET": "cart_get", "PUT": "cart_update", "DELETE": "cart_delete"},
          text_params=1),
    Route("carts/{cartId}/items", "carts", {"POST": "cart_items_add"}, text_params=1),
    Route("carts/{cartId}/items/{itemId}", "carts", {"PUT": "cart_item_update", "DELETE": "cart_item_delete"},
          text_params=2),
    Route("carts/{cartId}/redirect_urls", "carts", {"POST": "cart_redirect_urls"}, text_params=1),
    *metafield_routes("carts/{cart_id}", "cart_metafields", batch=False),
)
