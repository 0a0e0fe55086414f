"""Values in a v3 option or modifier write: checked against their family, stored once the option is.

``prepare_values`` checks the ``option_values`` an option body carries (updates by ``id``, new
values without one) and nothing is written until ``write_values``; ``prepare_value`` is one
value, its ``value_data`` turned into the v2 ``value`` (``option_rows.stored_value``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.option_rows import OPTION, V3_TYPE, VALUELESS_CODES, stored_value, value_data_of
from bigcommerce.sandbox.v3.schema import Family
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

MAX_VALUES = 250  # values per option (v3-resources.md §3.3)


@dataclass(frozen=True)
class Kind:
    """Variant options or modifiers: their family, their values' family, and what their values must have."""

    name: str
    family: Family
    values: Family
    value_put_required: tuple[str, ...]


# ------------------------------------------------------------------ values in a write

def prepare_value(state: State, kind: Kind, code: str, body: Any, option_id: int,
                   row: dict[str, Any] | None = None) -> Prepared:
    """One value checked: its fields, and the v2 ``value`` its ``value_data`` is stored as."""
    prepared = prepare(state, {}, kind.values, body, parent_id=option_id, row=row)
    assert isinstance(body, dict)
    label = body["label"] if "label" in body else (row or {}).get("label", "")
    data = body["value_data"] if "value_data" in body else (value_data_of(code, row) if row is not None else None)
    value, problem = stored_value(state, code, str(label), data)
    if problem is not None:
        raise ItemError(422, {"value_data": problem})
    prepared.fields["value"] = value
    if "value_data" in body:
        prepared.extra["value_data"] = body["value_data"]
    return prepared


def prepare_values(state: State, kind: Kind, code: str, items: list[Any] | None,
                    option_id: int | None) -> list[Prepared]:
    """An option body's ``option_values``: updates (with ``id``) and new values, checked, none written."""
    if items is None:
        return []
    if code in VALUELESS_CODES:
        if items:
            raise ItemError(422, {"option_values": f"A {V3_TYPE[code]} modifier has no values."})
        return []
    if kind.name == OPTION and not items:
        raise ItemError(422, {"option_values": "An option needs at least one value."})
    existing = state.tables["option_values"].children(option_id) if option_id else {}
    out = []
    for index, item in enumerate(items):
        try:
            row = None
            if isinstance(item, dict) and item.get("id") is not None:
                row = existing.get(item["id"])
                if row is None:
                    raise ItemError(422, {"id": f"The value {item['id']} is not a value of this {kind.family.label}."})
            out.append(prepare_value(state, kind, code, item, option_id or 0, row))
        except ItemError as exc:
            raise exc.prefixed(f"option_values.{index}") from None
    check_room(len(existing) + sum(1 for prepared in out if prepared.row is None))
    return out


def check_room(count: int) -> None:
    if count > MAX_VALUES:
        raise ItemError(422, {"option_values": f"An option can have at most {MAX_VALUES} values."})


def write_values(state: State, values: list[Prepared], option_id: int) -> None:
    for prepared in values:
        prepared.parent_id = option_id
        apply(state, prepared)
