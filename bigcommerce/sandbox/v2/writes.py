"""How v2 bodies become rows: validate and coerce a body, then create, update or delete.

``clean`` keeps the writable fields of a body and coerces them to their stored form
(400 when one cannot be read, unless ``validate=False``: seeds and ``Store.insert`` write
read-only fields too and keep what they cannot read). ``create``/``update``/``delete_row``
hand the cleaned fields to ``rows``, which applies timestamps, parent keys and ``rules``.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.catalog import Resource
from bigcommerce.sandbox.responses import NOT_AN_OBJECT, ApiError, invalid, required
from bigcommerce.sandbox.rows import insert_row, merge_row, remove_row
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
    return insert_row(state, res, parent_id, fields, keep_id=not validate,
                      body=body if isinstance(body, dict) else {})


def update(state: State, res: Resource, row: dict[str, Any], body: object) -> dict[str, Any]:
    """Merge a PUT body into a row; returns the row."""
    return merge_row(state, res, row, clean(res, body, creating=False, validate=True))


def delete_row(state: State, res: Resource, row: dict[str, Any]) -> None:
    """DELETE one row: refused by a ``BEFORE_DELETE`` rule, archived (orders) or dropped."""
    remove_row(state, res, row)
