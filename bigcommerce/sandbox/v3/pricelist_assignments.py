"""Price-list assignments (v3-resources.md §3.17): which customer group and channel get a price list.

Rows of the state-only ``price_list_assignments`` table. A customer group and channel pair has
at most one assignment. ``POST /pricelists/assignments`` takes ≤ 25 items (413 above) and is
strict: it saves every item or none, answering 200 without a body, or 422 naming each failing
item with ``meta.saved_records`` 0. ``PUT /pricelists/{price_list_id}/assignments`` upserts the
assignment of ``{customer_group_id, channel_id}`` (moving it to this list when the pair had
another) and answers 404 without a body for an unknown group or channel id. ``DELETE`` needs one
of its filters (422). Channels have no table here: any channel id from 1 is accepted; deleting
a customer group or a price list drops its assignments.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import insert_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import ERROR_TYPE, V3Error, bad_input, invalid
from bigcommerce.sandbox.v3.lists import too_large
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CURSOR_OR_OFFSET,
    DELETE_WHERE,
    LIST,
    Action,
    Call,
    Family,
    Field,
    Route,
    col,
    on,
)

BATCH_LIMIT = 25  # POST /pricelists/assignments (§2.7)

ASSIGNMENT_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True), col("price_list_id", codec="int"),
    col("customer_group_id", codec="int_or_null"), col("channel_id", codec="int_or_null"),
)

FILTERS = ("id", "price_list_id", "customer_group_id", "channel_id")

ASSIGNMENTS = Family(
    name="price_list_assignments", table="price_list_assignments", label="price list assignment",
    fields=ASSIGNMENT_FIELDS,
    filters={**{name: on(name, kind="int") for name in FILTERS},
             **{f"{name}:in": on(name, op="in", kind="int") for name in FILTERS}},
    paging=CURSOR_OR_OFFSET, offset_links=False,
    delete_filters=(*FILTERS, "channel_id:in"),
    parent_table="price_lists", parent_column="price_list_id",
)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _pair_of(state: State, customer_group_id: Any, channel_id: Any) -> dict[str, Any] | None:
    for row in state.tables["price_list_assignments"].rows.values():
        if row.get("customer_group_id") == customer_group_id and row.get("channel_id") == channel_id:
            return row
    return None


def _item_errors(state: State, item: object, taken: set[tuple[Any, Any]]) -> dict[str, str]:
    if not isinstance(item, dict):
        return {"body": "Each item must be a JSON object."}
    errors = {}
    list_id, group, channel = item.get("price_list_id"), item.get("customer_group_id"), item.get("channel_id")
    if not _int(list_id):
        errors["price_list_id"] = "The field 'price_list_id' is required and must be an integer."
    elif list_id not in state.tables["price_lists"].rows:
        errors["price_list_id"] = f"The price list {list_id} does not exist."
    if group is not None and (not _int(group) or group not in state.tables["customer_groups"].rows):
        errors["customer_group_id"] = f"The customer group {group} does not exist."
    if channel is not None and (not _int(channel) or channel < 1):
        errors["channel_id"] = f"The channel {channel} does not exist."
    if group is None and channel is None:
        errors["customer_group_id"] = "Give a customer_group_id, a channel_id or both."
    if not errors:
        if (group, channel) in taken or _pair_of(state, group, channel) is not None:
            errors["customer_group_id"] = "This customer group and channel already have a price list."
        taken.add((group, channel))
    return errors


def _create(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``POST /pricelists/assignments``: every item saved, or none."""
    if not isinstance(call.body, list):
        raise bad_input("The request body must be a JSON array.")
    if len(call.body) > BATCH_LIMIT:
        raise too_large(BATCH_LIMIT)
    taken: set[tuple[Any, Any]] = set()
    errors = {f"{index}.{name}": message for index, item in enumerate(call.body)
              for name, message in _item_errors(state, item, taken).items()}
    if errors:
        body = {"status": 422, "title": "The price list assignments were not valid.", "type": ERROR_TYPE,
                "errors": errors, "meta": {"saved_records": 0}}
        return StoreResponse(422, dumps(body), {})
    resource = state.tables["price_list_assignments"].resource
    for item in call.body:
        insert_row(state, resource, item["price_list_id"], {
            "customer_group_id": item.get("customer_group_id"), "channel_id": item.get("channel_id")})
    return StoreResponse(200, b"", {})


def _upsert(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``PUT /pricelists/{price_list_id}/assignments``: the pair's one assignment, on this list."""
    body = call.body
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    missing = {name: f"The field '{name}' is required and must be an integer."
               for name in ("customer_group_id", "channel_id") if not _int(body.get(name))}
    if missing:
        raise invalid(missing, "The price list assignment was not valid.")
    group, channel = body["customer_group_id"], body["channel_id"]
    if group not in state.tables["customer_groups"].rows or channel < 1:
        raise V3Error(404, "No such customer group or channel.", bodyless=True)
    resource = state.tables["price_list_assignments"].resource
    row = _pair_of(state, group, channel)
    if row is None:
        row = insert_row(state, resource, call.parent_id, {"customer_group_id": group, "channel_id": channel})
    elif row["price_list_id"] != call.parent_id:
        table = state.tables["price_list_assignments"]
        table.remove(row["id"])
        row["price_list_id"] = call.parent_id
        table.add(row)
    return data_response(renderer.render(ASSIGNMENTS, row))


ACTIONS: Mapping[str, Action] = {"price_list_assignments_create": _create, "price_list_assignment_upsert": _upsert}

ROUTES: tuple[Route, ...] = (
    Route("pricelists/assignments", "price_list_assignments",
          {"GET": LIST, "POST": "price_list_assignments_create", "DELETE": DELETE_WHERE}),
    Route("pricelists/{price_list_id}/assignments", "price_list_assignments",
          {"PUT": "price_list_assignment_upsert"}, per_parent=True),
)
