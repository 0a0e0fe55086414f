"""How v3 bodies become rows: ``prepare`` checks one object against its family, ``apply`` writes it.

``prepare`` reads each writable field through its codec (read-only and unknown fields are
ignored), then checks required fields, lengths and choices (422), references to other rows and
unique values (409) and the per-parent maximum, and prepares the objects nested in a create
(a product's ``variants``). It changes nothing, so a batch can check every item before it writes
any. ``apply`` stores the object through ``rows`` (timestamps and the shared ``rules``).
Variant ``option_values`` name existing variant options (not modifiers) by id or by display name
and label; names not yet known become product options (each with its own ``options`` row) and
option values when the variant is written.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bigcommerce.sandbox.rows import EXTRA, insert_row, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.codecs import REASONS, WRITE, number
from bigcommerce.sandbox.v3.option_rows import MODIFIER, kind_of
from bigcommerce.sandbox.v3.schema import Family, Field

Row = dict[str, Any]


class ItemError(Exception):
    """One object refused: 422 (invalid) or 409 (conflict), with field -> message errors."""

    def __init__(self, status: int, errors: Mapping[str, str]) -> None:
        super().__init__(status, dict(errors))
        self.status = status
        self.errors = dict(errors)

    def prefixed(self, prefix: str) -> ItemError:
        return ItemError(self.status, {f"{prefix}.{key}": value for key, value in self.errors.items()})


@dataclass
class Prepared:
    """An object checked and converted, ready for ``apply``."""

    family: Family
    fields: Row
    extra: Row
    parent_id: int | None
    row: Row | None = None  # the row an update changes
    option_values: list[Any] | None = None  # a variant's, resolved when applied
    skip: bool = False  # identical to an existing row: left out, nothing written
    nested: list[Prepared] = field(default_factory=list)


def prepare(state: State, families: Mapping[str, Family], family: Family, body: object, *,
            parent_id: int | None = None, row: Row | None = None,
            pending: Sequence[Prepared] = ()) -> Prepared:
    """Check and convert one object (a create when ``row`` is None); ItemError when refused."""
    if not isinstance(body, dict):
        raise ItemError(422, {"body": "Each item must be a JSON object."})
    creating = row is None
    errors: dict[str, str] = {}
    prepared = Prepared(family, {}, {}, parent_id, row)
    parent_field = _parent_field(family)
    if creating and parent_field is not None and parent_id is None:
        parent_id = _parent_from_body(state, family, parent_field, body, errors)
        prepared.parent_id = parent_id
    for item in family.fields:
        if item.name not in body or item.read_only or item is parent_field:
            continue
        value = body[item.name]
        if item.codec == "option_values":
            prepared.option_values = _check_option_values(state, parent_id, value, errors)
            continue
        problem = _check(item, value)
        if problem is None:
            try:
                stored = WRITE[item.codec](value)
            except (ValueError, TypeError, KeyError):
                problem = f"The field '{item.name}' {REASONS.get(item.codec, 'is invalid')}."
        if problem is not None:
            errors[item.name] = problem
        elif item.extra:
            prepared.extra[item.name] = stored
        else:
            prepared.fields[item.key] = stored
    for name in family.required if creating else family.update_required:
        if body.get(name) is None and name not in errors and not (
                parent_field is not None and name == parent_field.name):
            errors[name] = f"The field '{name}' is required."
    if errors:
        raise ItemError(422, errors)
    _check_references(state, family, prepared)
    if family.item_check is not None:
        problems = family.item_check(state, {**(row or {}), **prepared.fields})
        if problems:
            raise ItemError(422, problems)
    _check_unique(state, family, prepared, pending)
    if creating:
        _check_room(state, family, parent_id, pending)
        for key, child_name in family.nested.items():
            items = body.get(key)
            if items is None:
                continue
            if not isinstance(items, list):
                raise ItemError(422, {key: f"The field '{key}' must be an array."})
            child = families[child_name]
            for index, item_body in enumerate(items):
                try:
                    prepared.nested.append(prepare(state, families, child, item_body, parent_id=0,
                                                   pending=prepared.nested))
                except ItemError as exc:
                    raise exc.prefixed(f"{key}.{index}") from None
    return prepared


def apply(state: State, prepared: Prepared) -> Row:
    """Write a prepared object (and what it nests); returns its row."""
    family = prepared.family
    if prepared.skip:
        assert prepared.row is not None
        return prepared.row
    res = state.tables[family.table].resource
    fields = dict(prepared.fields)
    if prepared.option_values is not None:
        product_id = prepared.parent_id if prepared.row is None else prepared.row["product_id"]
        fields["options"] = resolve_option_values(state, product_id, prepared.option_values)
    if prepared.row is not None:
        if prepared.extra:
            fields[EXTRA] = prepared.extra
        return merge_row(state, res, prepared.row, fields)
    fields.update(family.scope)
    if family.key_column != "id" and not fields.get(family.key_column):
        fields[family.key_column] = new_uuid(state, family.table)
    if prepared.extra:
        fields[EXTRA] = dict(prepared.extra)
    row = insert_row(state, res, prepared.parent_id if family.parent_column else None, fields)
    for child in prepared.nested:
        child.parent_id = row["id"]
        apply(state, child)
    return row


def new_uuid(state: State, table: str) -> str:
    """The uuid of a table's next row: derived from the store, the table and the id it will get,
    so a store built the same way gives the same uuids, and ids never reused mean uuids never reused."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{state.store_hash}/{table}/{state.tables[table].next_id}"))


# ------------------------------------------------------------------ checks

def _check(item: Field, value: Any) -> str | None:
    if isinstance(value, str):
        if len(value) < item.min_length:
            return f"The field '{item.name}' must have at least {item.min_length} characters."
        if item.max_length is not None and len(value) > item.max_length:
            return f"The field '{item.name}' must have at most {item.max_length} characters."
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if item.minimum is not None and value < item.minimum:
            return f"The field '{item.name}' must be at least {number(item.minimum)}."
        if item.maximum is not None and value > item.maximum:
            return f"The field '{item.name}' must be at most {number(item.maximum)}."
    if item.choices and value not in item.choices:
        return f"The field '{item.name}' must be one of: {', '.join(str(choice) for choice in item.choices)}."
    return None


def _parent_field(family: Family) -> Field | None:
    if not family.parent_column:
        return None
    return next((item for item in family.fields if item.key == family.parent_column), None)


def _parent_from_body(state: State, family: Family, parent_field: Field, body: Mapping[str, Any],
                      errors: dict[str, str]) -> int | None:
    value = body.get(parent_field.name)
    if value is None:
        errors[parent_field.name] = f"The field '{parent_field.name}' is required."
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        errors[parent_field.name] = f"The field '{parent_field.name}' must be an integer."
        return None
    if value not in state.tables[family.parent_table].rows:
        errors[parent_field.name] = f"The {family.parent_word} {value} does not exist."
        return None
    return value


def _check_references(state: State, family: Family, prepared: Prepared) -> None:
    errors = {}
    status = 409
    for ref in family.references:
        item = family.field_named(ref.field)
        if item is None or item.key not in prepared.fields:
            continue
        value = prepared.fields[item.key]
        rows = state.tables[ref.table].rows
        known: Any = rows if ref.key == "id" else {row.get(ref.key) for row in rows.values()}
        for one in value if isinstance(value, list) else [value]:
            if one is None or (ref.zero_ok and one == 0):
                continue
            if one not in known:
                errors[ref.field] = f"The {ref.label} {one} does not exist."
                status = ref.status
    if errors:
        raise ItemError(status, errors)


def _stored(family: Family, prepared: Prepared, name: str, defaults: Mapping[str, Any]) -> Any:
    """The value a field will have once the object is written (given, kept, or the default)."""
    item = family.field_named(name)
    assert item is not None, name
    source = prepared.extra if item.extra else prepared.fields
    key = item.name if item.extra else item.key
    if key in source:
        value = source[key]
    elif item.extra:
        value = ((prepared.row or {}).get(EXTRA) or {}).get(key, item.default)
    else:
        value = (prepared.row or defaults).get(key, defaults.get(key))
    return _norm(value)


def _check_unique(state: State, family: Family, prepared: Prepared, pending: Sequence[Prepared]) -> None:
    table = state.tables[family.table]
    for rule in family.unique:
        if not any(_field_key(family, name) in prepared.fields for name in rule.fields + rule.among) \
                and prepared.row is not None:
            continue
        defaults = table.resource.fields
        compared = rule.fields + rule.among
        wanted = tuple(_stored(family, prepared, name, defaults) for name in compared)
        if rule.skip_empty and all(value == "" for value in wanted[:len(rule.fields)]):
            continue
        if rule.per_parent:
            parent = prepared.parent_id if prepared.row is None else prepared.row.get(family.parent_column)
            candidates = table.children(parent).values() if parent is not None else ()
        else:
            candidates = table.rows.values()
        keys = [_field_key(family, name) for name in compared]
        for other in candidates:
            if other is prepared.row or any(other.get(c) != v for c, v in family.scope.items()):
                continue
            values = tuple(_norm(other.get(key, defaults.get(key))) for key in keys)
            if values == wanted:
                if rule.skip:
                    prepared.skip, prepared.row = True, other
                    return
                raise ItemError(409, {name: f"The {name} is already in use." for name in rule.fields})
        for other_prepared in pending:
            if other_prepared.row is None and tuple(
                    _stored(family, other_prepared, n, defaults) for n in compared) == wanted:
                raise ItemError(409, {name: f"The {name} repeats another item's." for name in rule.fields})


def _field_key(family: Family, name: str) -> str:
    item = family.field_named(name)
    assert item is not None, name
    return item.key


def _norm(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else ("" if value is None else value)


def _check_room(state: State, family: Family, parent_id: int | None, pending: Sequence[Prepared]) -> None:
    if family.max_per_parent is None or not parent_id:
        return
    siblings = state.tables[family.table].children(parent_id).values()
    count = sum(1 for row in siblings if all(row.get(c) == v for c, v in family.scope.items()))
    count += sum(1 for other in pending if other.row is None and other.parent_id == parent_id)
    if count >= family.max_per_parent:
        raise ItemError(422, {family.parent_column: f"A {family.parent_word} can have at most "
                                                    f"{family.max_per_parent} {family.label}s."})


# ------------------------------------------------------------------ variant option values

def _check_option_values(state: State, product_id: int | None, value: Any, errors: dict[str, str]) -> list[Any]:
    """The shape of ``option_values`` and the ids it names; names are resolved when applied."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        errors["option_values"] = "The field 'option_values' must be an array of objects."
        return []
    options, values = state.tables["product_options"].rows, state.tables["option_values"].rows
    for item in value:
        if "id" in item and "option_id" in item:
            option = options.get(item["option_id"])
            if option is None or (product_id and option.get("product_id") != product_id):
                errors["option_values"] = f"The option {item['option_id']} is not an option of this product."
            elif kind_of(state, option) == MODIFIER:
                errors["option_values"] = f"The option {item['option_id']} is a modifier: it makes no variants."
            elif values.get(item["id"], {}).get("option_id") != option.get("option_id"):
                errors["option_values"] = f"The option value {item['id']} is not a value of option {item['option_id']}."
        elif not (isinstance(item.get("option_display_name"), str) and isinstance(item.get("label"), str)):
            errors["option_values"] = "Each option value needs id and option_id, or option_display_name and label."
        elif product_id and any(
                option.get("display_name", "").casefold() == item["option_display_name"].casefold()
                and kind_of(state, option) == MODIFIER
                for option in state.tables["product_options"].children(product_id).values()):
            errors["option_values"] = f"'{item['option_display_name']}' is a modifier: it makes no variants."
    return value


def resolve_option_values(state: State, product_id: Any, items: Sequence[Mapping[str, Any]]) -> list[dict[str, int]]:
    """A variant's ``option_values`` as SKU ``options``, adding the options and values named but not known."""
    out = []
    for item in items:
        if "id" in item and "option_id" in item:
            out.append({"product_option_id": item["option_id"], "option_value_id": item["id"]})
            continue
        product_option = _product_option(state, product_id, item["option_display_name"])
        value = _option_value(state, product_option["option_id"], item["label"])
        out.append({"product_option_id": product_option["id"], "option_value_id": value["id"]})
    return out


def option_name(display_name: str, now: int, product_id: int) -> str:
    """The unique name v3 gives a new option: display name, timestamp, product id (the specs' example)."""
    return f"{display_name.replace(' ', '-')}{now}-{product_id}"


def _product_option(state: State, product_id: int, display_name: str) -> Row:
    product_options = state.tables["product_options"]
    for option in product_options.children(product_id).values():
        if option.get("display_name", "").casefold() == display_name.casefold():
            return option
    # A v3 option belongs to one product: its own ``options`` row, named as the specs show.
    shared = state.add_row("options", {"name": option_name(display_name, state.now(), product_id),
                                       "display_name": display_name, "type": "RB"})
    return state.add_row("product_options", {
        "product_id": product_id, "option_id": shared["id"], "display_name": display_name,
        "sort_order": len(product_options.children(product_id)), "is_required": True,
    })


def _option_value(state: State, option_id: int, label: str) -> Row:
    values = state.tables["option_values"]
    for value in values.children(option_id).values():
        if value.get("label", "").casefold() == label.casefold():
            return value
    return state.add_row("option_values", {"option_id": option_id, "label": label, "value": label,
                                           "sort_order": len(values.children(option_id))})
