"""How v2 bodies become rows: validate and coerce a body, then create, update or delete.

``clean`` keeps the writable fields of a body and coerces them to their stored form
(400 when one cannot be read, unless ``validate=False``: seeds and ``Store.insert`` write
read-only fields too and keep what they cannot read). ``create``/``update``/``delete_row``
apply the catalog's timestamps and parent keys and run the per-resource ``rules``.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.catalog import Resource
from bigcommerce.sandbox.responses import NOT_AN_OBJECT, ApiError, invalid, required
from bigcommerce.sandbox.rules import AFTER_CREATE, AFTER_UPDATE, BEFORE_DELETE, PREPARE
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import COERCE, REASONS


def clean(res: Resource, body: object, *, creating: bool, validate: bool) -> dict[str, Any]:
    """The writable, coerced fields of a request body (ApiError 400 when invalid)."""
    if not isinstance(body, dict):
        if validate:
            raise ApiError(400, NOT_AN_OBJECT)
        body = {}
    if validate and creating:
        for name in res.required:
            if body.get(name) is None:
                raise required(name)
    link_fields = {link.field for link in res.links}
    fields: dict[str, Any] = {}
    for name, value in body.items():
        if name not in res.writable_extra:
            if name not in res.fields or name in link_fields:
                continue
            if validate and (name == "id" or name in res.read_only
                             or (name in res.dates and name not in res.types)):
                continue
            if name == res.parent_key:
                continue
        kind = res.types.get(name) or ("date" if name in res.dates else None)
        if kind is not None:
            try:
                value = COERCE[kind](value)
            except (ValueError, TypeError, ArithmeticError) as exc:
                if validate:
                    raise invalid(name, f"The field '{name}' {REASONS[kind]}.") from exc
        allowed = res.enums.get(name)
        if validate and allowed is not None and value not in allowed:
            choices = ", ".join(str(choice) for choice in allowed)
            raise invalid(name, f"The field '{name}' must be one of: {choices}.")
        fields[name] = value
    return fields


def create(state: State, res: Resource, parent_id: int | None, body: object, *, validate: bool) -> dict[str, Any]:
    """Store a new row of ``res`` (under ``parent_id``) from a body; returns the row."""
    if parent_id is None and res.parent is not None:
        raise KeyError(f"{res.name} needs a parent id")
    if parent_id is not None and res.parent is not None:
        state.require(res.parent, parent_id)
    fields = clean(res, body, creating=True, validate=validate)
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
    if res.id_kind != "str" and (fields.get("id") is None or validate):
        fields["id"] = table.allocate_id()
    if res.id_kind == "str" and parent_id is not None and fields["id"] in {k[1] for k in table.children(parent_id)}:
        raise ApiError(409, "The video is already attached to this product.")
    table.add(fields)
    after = AFTER_CREATE.get(res.name)
    if after is not None:
        after(state, fields, body if isinstance(body, dict) else {})
    return fields


def update(state: State, res: Resource, row: dict[str, Any], body: object) -> dict[str, Any]:
    """Merge a PUT body into a row; returns the row."""
    fields = clean(res, body, creating=False, validate=True)
    prepare = PREPARE.get(res.name)
    if prepare is not None:
        prepare(state, fields, row)
    old_key = state.tables[res.name].key_of(row)
    row.update(fields)
    if res.modified:
        row[res.modified] = state.now()
    table = state.tables[res.name]
    if table.key_of(row) != old_key:  # a video's id follows its url
        table.remove(old_key)
        table.add(row)
    after = AFTER_UPDATE.get(res.name)
    if after is not None:
        after(state, row, fields)
    return row


def delete_row(state: State, res: Resource, row: dict[str, Any]) -> None:
    """DELETE one row: refused by a ``BEFORE_DELETE`` rule, archived (orders) or dropped."""
    check = BEFORE_DELETE.get(res.name)
    if check is not None:
        check(state, row)
    if res.name == "orders":
        state.archive(row)
        return
    state.drop(res, row)
