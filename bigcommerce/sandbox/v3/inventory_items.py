"""Inventory adjustments, item lists and item settings at a location (v3-resources.md §3.15).

Actions over ``stock`` (its docstring states the rule tying locations to the v2 level). Every
write takes an object wrapping an array of at most 2000 entries (413 above), is applied at once
(the real API's asynchronous ``transaction_id`` is already done when answered) and is atomic:
one bad entry is a 422 whose ``title`` lists the problems in brackets, as the spec's examples
do, with ``errors`` keyed ``items.<index>`` (``setting.<index>.settings`` for settings). A
relative adjustment at a location the item has never been at is refused ("requires absolute
adjustment before relative"); no adjustment may leave a location below 0. Lists page by offset,
up to 1000 items a page.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import list_response
from bigcommerce.sandbox.v3.errors import V3Error, invalid, not_found
from bigcommerce.sandbox.v3.lists import too_large
from bigcommerce.sandbox.v3.query import page_meta, select
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family
from bigcommerce.sandbox.v3.stock import (
    DEFAULT_LOCATION,
    MAX_LEVEL,
    SETTINGS,
    Item,
    Lookup,
    available,
    held,
    identity,
    quantity,
    settings,
    tracked_items,
)
from bigcommerce.sandbox.values import to_int

Row = dict[str, Any]
BATCH_LIMIT = 2000  # entries per adjustment or settings request (§2.7)
ITEMS = Family(name="inventory_items", table="location_inventory", label="inventory item", fields=(),
               max_limit=1000)


def transaction() -> StoreResponse:
    """The bare ``{transaction_id}`` every inventory and location write answers (§2.4)."""
    return StoreResponse(200, dumps({"transaction_id": str(uuid.uuid4())}), {})


def _entries(body: object, key: str) -> list[Any]:
    if not isinstance(body, dict) or not isinstance(body.get(key), list):
        raise invalid({key: f"The field '{key}' is required and must be an array."}, "Payload contains invalid fields")
    if len(body[key]) > BATCH_LIMIT:
        raise too_large(BATCH_LIMIT)
    return list(body[key])


def _refuse(errors: Mapping[str, str]) -> V3Error:
    return V3Error(422, "[" + ", ".join(dict.fromkeys(errors.values())) + "]", errors)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def stored_row(state: State, item: Item, location_id: int, rows: dict[int, Row]) -> Row:
    """The item's row at a location, added (holding nothing) when it has none."""
    row = rows.get(location_id)
    if row is None:
        row = rows[location_id] = state.add_row("location_inventory", {
            "location_id": location_id, "product_id": item.key[0], "variant_id": item.key[1], "quantity": 0})
    return row


# ------------------------------------------------------------------ adjustments

def _adjust(state: State, call: Call, *, relative: bool) -> StoreResponse:
    entries = _entries(call.body, "items")
    lookup, locations = Lookup(state), state.tables["inventory_locations"].rows
    items: dict[tuple[int, int | None], Item] = {}
    rows: dict[tuple[int, int | None], dict[int, Row]] = {}
    planned: dict[tuple[tuple[int, int | None], int], int] = {}
    levels: dict[tuple[int, int | None], int] = {}
    errors: dict[str, str] = {}
    for index, entry in enumerate(entries):
        where = f"items.{index}"
        try:
            item = lookup.item(entry)
        except ValueError as exc:
            errors[where] = str(exc)
            continue
        location_id, amount = entry.get("location_id"), entry.get("quantity")
        if not _int(location_id) or location_id not in locations:
            errors[where] = f"The location {location_id} does not exist."
            continue
        if not _int(amount):
            errors[where] = "The field 'quantity' is required and must be an integer."
            continue
        key = item.key
        items[key] = item
        held_rows = rows.setdefault(key, held(state, item))
        current = planned.get((key, location_id), quantity(item, location_id, held_rows))
        if relative and current is None:
            named = ", ".join(f"{name} {value}" for name, value in identity(state, item).items() if value)
            errors[where] = f"Items with identity: [{named}] requires absolute adjustment before relative"
            continue
        new = (current or 0) + amount if relative else amount
        if not 0 <= new <= MAX_LEVEL:
            errors[where] = f"The quantity at location {location_id} would be {new}: it must be 0 to {MAX_LEVEL}."
            continue
        planned[(key, location_id)] = new
        levels[key] = levels.get(key, int(item.row.get("inventory_level", 0) or 0)) + new - (current or 0)
    if errors:
        raise _refuse(errors)
    for (key, location_id), new in planned.items():
        if location_id != DEFAULT_LOCATION:
            stored_row(state, items[key], location_id, rows[key])["quantity"] = new
    for key, total in levels.items():
        item = items[key]
        merge_row(state, state.tables[item.table].resource, item.row, {"inventory_level": total})
    return transaction()


def _absolute(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return _adjust(state, call, relative=False)


def _relative(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return _adjust(state, call, relative=True)


# ------------------------------------------------------------------ reads

def _id_list(query: Mapping[str, str], name: str) -> set[int] | None:
    raw = query.get(name)
    if not raw:
        return None
    try:
        return {to_int(part) for part in raw.split(",") if part.strip()}
    except (TypeError, ValueError):
        raise invalid({name: f"'{raw}' is not a list of integers."}, f"The filter '{name}' is invalid.") from None


def _chosen_items(state: State, query: Mapping[str, str], product_ids: set[int] | None = None) -> list[Item]:
    """The tracked items the ``product_id:in``, ``variant_id:in`` and ``sku:in`` filters keep."""
    wanted_products = _id_list(query, "product_id:in")
    if product_ids is not None:
        wanted_products = product_ids if wanted_products is None else wanted_products & product_ids
    variants = _id_list(query, "variant_id:in")
    codes = {part.strip().casefold() for part in query.get("sku:in", "").split(",") if part.strip()}
    out = []
    for item in tracked_items(state, wanted_products):
        shown = identity(state, item)
        if variants is not None and shown["variant_id"] not in variants:
            continue
        if codes and shown["sku"].casefold() not in codes:
            continue
        out.append(item)
    return out


def _page(items: list[dict[str, Any]], query: Mapping[str, str]) -> StoreResponse:
    chosen = select(ITEMS, [{"id": index, "body": body} for index, body in enumerate(items)], query)
    return list_response([dumps(row["body"]) for row in chosen.rows], page_meta(ITEMS, chosen, query))


def _location(state: State, call: Call) -> Row:
    location = state.tables["inventory_locations"].rows.get(call.ids[0])
    if location is None:
        raise not_found("location")
    return location


def _location_items(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``GET /inventory/locations/{location_id}/items``: the items held there (every item at the default)."""
    location_id = _location(state, call)["id"]
    present = None
    if location_id != DEFAULT_LOCATION:
        present = {row["product_id"] for row in state.tables["location_inventory"].rows.values()
                   if row.get("location_id") == location_id}
    out = []
    for item in _chosen_items(state, call.query, present):
        rows = held(state, item)
        on_hand = quantity(item, location_id, rows)
        if on_hand is None:
            continue
        shown = settings(item, location_id, rows)
        out.append({"identity": identity(state, item), "available_to_sell": available(on_hand, shown),
                    "total_inventory_onhand": on_hand, "settings": shown})
    return _page(out, call.query)


def _all_items(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``GET /inventory/items``: each item with what it holds at each location it is at."""
    locations = state.tables["inventory_locations"].ordered()
    chosen_ids = _id_list(call.query, "location_id:in")
    codes = {part.strip() for part in call.query.get("location_code:in", "").split(",") if part.strip()}
    shown_locations = [row for row in locations.values() if (chosen_ids is None or row["id"] in chosen_ids)
                       and (not codes or row.get("code") in codes)]
    out = []
    for item in _chosen_items(state, call.query):
        rows = held(state, item)
        at = []
        for location in shown_locations:
            on_hand = quantity(item, location["id"], rows)
            if on_hand is None:
                continue
            shown = settings(item, location["id"], rows)
            at.append({"location_id": location["id"], "location_code": location.get("code", ""),
                       "location_name": location.get("label", ""), "available_to_sell": available(on_hand, shown),
                       "total_inventory_onhand": on_hand, "location_enabled": bool(location.get("enabled", True)),
                       "settings": shown})
        if at:
            out.append({"identity": identity(state, item, with_sku_id=True), "locations": at})
    return _page(out, call.query)


# ------------------------------------------------------------------ settings

def _setting_errors(entry: object) -> str | None:
    if not isinstance(entry, dict):
        return "Each setting must be an object."
    given = [name for name in SETTINGS if name in entry]
    if not given:
        return "At least one setting must be specified: warning_level, is_in_stock or safety_stock"
    for name in given:
        value = entry[name]
        ok = isinstance(value, bool) if name == "is_in_stock" else isinstance(value, str) \
            if name == "bin_picking_number" else _int(value) and value >= 0
        if not ok:
            return f"The setting '{name}' is invalid."
    return None


def _put_settings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``PUT /inventory/locations/{location_id}/items``: settings of items at that location."""
    location_id = _location(state, call)["id"]
    entries = _entries(call.body, "settings")
    lookup, errors, ready = Lookup(state), {}, []
    for index, entry in enumerate(entries):
        problem = _setting_errors(entry)
        if problem is None:
            try:
                ready.append((lookup.item(entry.get("identity")), entry))
            except ValueError as exc:
                problem = str(exc)
        if problem is not None:
            errors[f"setting.{index}.settings"] = problem
    if errors:
        raise _refuse(errors)
    for item, entry in ready:
        values = {name: entry[name] for name in SETTINGS if name in entry}
        if location_id == DEFAULT_LOCATION:
            v2_columns = {"inventory_warning_level": values.pop("warning_level", None),
                          "bin_picking_number": values.pop("bin_picking_number", None)}
            changed = {name: value for name, value in v2_columns.items() if value is not None}
            if changed:
                merge_row(state, state.tables[item.table].resource, item.row, changed)
        if values:
            stored_row(state, item, location_id, held(state, item)).update(values)
    return transaction()


ACTIONS: Mapping[str, Action] = {
    "inventory_absolute": _absolute, "inventory_relative": _relative, "inventory_items": _all_items,
    "inventory_location_items": _location_items, "inventory_location_settings": _put_settings,
}
