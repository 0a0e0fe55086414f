"""v3 wishlists: the state-only ``wishlists`` and ``wishlist_items`` tables (v3-resources.md §3.11).

``wishlists.v3.yml``: GET /wishlists lists them (offset paging, default 50, at most 250,
``meta.pagination`` without ``links``; ``customer_id`` filter); POST (201) needs ``customer_id``
naming an existing v2 customer and items naming existing products (and variants of them), else
422. GET/PUT/DELETE /wishlists/{wishlist_id}: the PUT answers **201**, needs ``customer_id``
and ``items`` and replaces the items (an item sent with its ``id`` is kept, one not sent is
removed); DELETE answers 204. POST …/items adds items (201), DELETE …/items/{item_id} removes
one and answers **200 with the whole wishlist**. ``token`` is a uuid given on create.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.cart_tables import WISHLIST_ITEMS
from bigcommerce.sandbox.cart_tables import WISHLISTS as WISHLIST_TABLE
from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import insert_row, merge_row, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import invalid, not_found
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import DELETE, GET, LIST, Action, Call, Family, Route, col, computed, on
from bigcommerce.sandbox.v3.writes import new_uuid

Row = dict[str, Any]

WISHLISTS = Family(
    name="wishlists", table="wishlists", label="wishlist",
    fields=(
        col("id", codec="int", read_only=True),
        col("customer_id", codec="int"),
        col("name", codec="str"),
        col("is_public", codec="bool"),
        col("token", codec="str", read_only=True),
        computed("items", "wishlist_items"),
    ),
    filters={"customer_id": on("customer_id", kind="int")},
    offset_links=False,
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _body(call: Call) -> dict[str, Any]:
    if not isinstance(call.body, dict):
        raise invalid({"body": "The request body must be a JSON object."}, "The wishlist is not valid.")
    return call.body


def _wishlist(state: State, call: Call) -> Row:
    row = state.tables["wishlists"].rows.get(call.ids[0])
    if row is None:
        raise not_found("wishlist")
    return row


def _fields(state: State, body: Mapping[str, Any], errors: dict[str, str]) -> Row:
    """The wishlist's own stored fields a body sends (``customer_id`` checked against the customers)."""
    fields: Row = {}
    if "customer_id" in body:
        customer_id = body["customer_id"]
        if not _is_int(customer_id) or customer_id not in state.tables["customers"].rows:
            errors["customer_id"] = f"Customer {customer_id!r} does not exist."
        fields["customer_id"] = customer_id
    if "name" in body:
        if not isinstance(body["name"], str):
            errors["name"] = "name must be a string."
        fields["name"] = body["name"]
    if "is_public" in body:
        if not isinstance(body["is_public"], bool):
            errors["is_public"] = "is_public must be a boolean."
        fields["is_public"] = body["is_public"]
    return fields


def _items(state: State, items: Any, errors: dict[str, str], existing: Mapping[int, Row] | None = None) -> list[Row]:
    """The items a body sends: each an existing product, and variant of it; ``id`` only of an item kept."""
    if not isinstance(items, list):
        errors["items"] = "items must be an array."
        return []
    out = []
    for index, item in enumerate(items):
        where = f"items[{index}]"
        if not isinstance(item, dict):
            errors[where] = "An item must be an object."
            continue
        product_id, variant_id = item.get("product_id"), item.get("variant_id")
        if not _is_int(product_id) or product_id not in state.tables["products"].rows:
            errors[f"{where}.product_id"] = f"Product {product_id!r} does not exist."
        elif variant_id is not None:
            sku = state.tables["product_skus"].rows.get(variant_id) if _is_int(variant_id) else None
            if sku is None or sku.get("product_id") != product_id:
                errors[f"{where}.variant_id"] = f"Variant {variant_id!r} of product {product_id} does not exist."
        kept = item.get("id")
        if kept is not None and (existing is None or kept not in existing):
            errors[f"{where}.id"] = f"Item {kept!r} is not an item of this wishlist."
        out.append({"id": kept, "product_id": product_id, "variant_id": variant_id})
    return out


def _add(state: State, wishlist: Row, items: list[Row]) -> None:
    for item in items:
        insert_row(state, WISHLIST_ITEMS, wishlist["id"],
                   {"product_id": item["product_id"], "variant_id": item["variant_id"]})


def _answer(renderer: Renderer, wishlist: Row, status: int) -> StoreResponse:
    return data_response(renderer.render(WISHLISTS, wishlist), status=status)


def _create(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /wishlists: a wishlist of a customer, with its items (201)."""
    body = _body(call)
    errors: dict[str, str] = {}
    if body.get("customer_id") is None:
        errors["customer_id"] = "customer_id is required."
    fields = _fields(state, body, errors)
    items = _items(state, body.get("items", []), errors)
    if errors:
        raise invalid(errors, "The wishlist is not valid.")
    wishlist = insert_row(state, WISHLIST_TABLE, None, {
        "customer_id": fields["customer_id"], "name": fields.get("name", ""),
        "is_public": fields.get("is_public", False), "token": new_uuid(state, "wishlists"),
    })
    _add(state, wishlist, items)
    return _answer(renderer, wishlist, 201)


def _update(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /wishlists/{wishlist_id}: ``customer_id`` and ``items`` required; the items are replaced (201)."""
    wishlist = _wishlist(state, call)
    body = _body(call)
    errors = {name: f"{name} is required." for name in ("customer_id", "items") if body.get(name) is None}
    fields = _fields(state, body, errors)
    table = state.tables["wishlist_items"]
    existing = table.children(wishlist["id"])
    items = _items(state, body.get("items", []), errors, existing)
    if errors:
        raise invalid(errors, "The wishlist is not valid.")
    kept = {item["id"] for item in items if item["id"] is not None}
    for item_id in [item_id for item_id in existing if item_id not in kept]:
        remove_row(state, WISHLIST_ITEMS, existing[item_id])
    for item in items:
        if item["id"] is not None:
            merge_row(state, WISHLIST_ITEMS, table.rows[item["id"]],
                      {"product_id": item["product_id"], "variant_id": item["variant_id"]})
    _add(state, wishlist, [item for item in items if item["id"] is None])
    return _answer(renderer, merge_row(state, WISHLIST_TABLE, wishlist, fields), 201)


def _add_items(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /wishlists/{wishlist_id}/items: more items (201 with the whole wishlist)."""
    wishlist = _wishlist(state, call)
    body = _body(call)
    errors: dict[str, str] = {}
    if not body.get("items"):
        errors["items"] = "At least one item is required."
    items = _items(state, body.get("items", []), errors)
    if any(item["id"] is not None for item in items):
        errors["items"] = "New items take no id."
    if errors:
        raise invalid(errors, "The wishlist item is not valid.")
    _add(state, wishlist, items)
    return _answer(renderer, wishlist, 201)


def _delete_item(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /wishlists/{wishlist_id}/items/{item_id}: 200 with the whole wishlist, not 204 (§3.11)."""
    wishlist = _wishlist(state, call)
    item = state.tables["wishlist_items"].children(wishlist["id"]).get(call.ids[1])
    if item is None:
        raise not_found("wishlist item")
    remove_row(state, WISHLIST_ITEMS, item)
    return _answer(renderer, wishlist, 200)


FAMILIES: Mapping[str, Family] = {WISHLISTS.name: WISHLISTS}

ACTIONS: Mapping[str, Action] = {
    "wishlist_create": _create, "wishlist_update": _update,
    "wishlist_items_add": _add_items, "wishlist_item_delete": _delete_item,
}

ROUTES: tuple[Route, ...] = (
    Route("wishlists", "wishlists", {"GET": LIST, "POST": "wishlist_create"}),
    Route("wishlists/{wishlist_id}", "wishlists", {"GET": GET, "PUT": "wishlist_update", "DELETE": DELETE}),
    Route("wishlists/{wishlist_id}/items", "wishlists", {"POST": "wishlist_items_add"}),
    Route("wishlists/{wishlist_id}/items/{item_id}", "wishlists", {"DELETE": "wishlist_item_delete"}),
)
