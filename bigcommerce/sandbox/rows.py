"""Row writes every view shares: timestamps, parent keys, ids and the per-resource ``rules``.

A view (v2 or v3) turns a request body into stored fields (storage names and forms: unix
seconds, decimal strings) and hands them here; ``insert_row``/``merge_row``/``remove_row``
apply what the store does on every write, whichever API version asked for it.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import Resource
from bigcommerce.sandbox.responses import ApiError
from bigcommerce.sandbox.rules import AFTER_CREATE, AFTER_UPDATE, BEFORE_DELETE, PREPARE
from bigcommerce.sandbox.state import State

# Stored fields only one view knows live in this nested dict, which the v2 view never prints.
EXTRA = "_v3"


def insert_row(state: State, res: Resource, parent_id: int | None, fields: dict[str, Any], *,
               keep_id: bool = False, body: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Store a new row of ``res`` (under ``parent_id``) from already-stored fields; the row."""
    if parent_id is None and res.parent is not None:
        raise KeyError(f"{res.name} needs a parent id")
    if parent_id is not None and res.parent is not None:
        state.require(res.parent, parent_id)
    now = state.now()
    if res.parent_key:
        fields[res.parent_key] = parent_id
    for name in (res.created, res.modified):
        if name and name not in fields:
            fields[name] = now
    prepare = PREPARE.get(res.name)
    if prepare is not None:
        prepare(state, fields, None)
    table = state.tables[res.name]
    if res.id_kind != "str" and (fields.get("id") is None or not keep_id):
        fields["id"] = table.allocate_id()
    if res.id_kind == "str" and parent_id is not None and fields["id"] in {k[1] for k in table.children(parent_id)}:
        raise ApiError(409, "The video is already attached to this product.")
    table.add(fields)
    after = AFTER_CREATE.get(res.name)
    if after is not None:
        after(state, fields, body or {})
    return fields


def merge_row(state: State, res: Resource, row: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """Merge stored fields into a row (``EXTRA`` merged key by key); returns the row."""
    prepare = PREPARE.get(res.name)
    if prepare is not None:
        prepare(state, fields, row)
    table = state.tables[res.name]
    old_key = table.key_of(row)
    extra = fields.pop(EXTRA, None)
    row.update(fields)
    if extra:
        row[EXTRA] = {**row.get(EXTRA, {}), **extra}
    if res.modified:
        row[res.modified] = state.now()
    if table.key_of(row) != old_key:  # a video's id follows its url
        table.remove(old_key)
        table.add(row)
    after = AFTER_UPDATE.get(res.name)
    if after is not None:
        after(state, row, fields)
    return row


def remove_row(state: State, res: Resource, row: dict[str, Any]) -> None:
    """Delete one row: refused by a ``BEFORE_DELETE`` rule, archived (orders) or dropped."""
    check = BEFORE_DELETE.get(res.name)
    if check is not None:
        check(state, row)
    if res.name == "orders":
        state.archive(row)
        return
    state.drop(res, row)
