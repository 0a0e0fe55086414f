"""How v3 options, modifiers and their values sit on the v2 option rows (mapping in ``options``).

A v3 option or modifier is a ``product_options`` row; its ``type`` and generated ``name`` live
on the ``options`` row it points at (``option_id``), and its values are that option's
``option_values`` rows. ``kind_of`` tells the two v3 families apart; ``value_data_of`` and
``stored_value`` translate a value's ``value_data`` to and from the v2 ``value`` column;
``prepare_values`` checks the values an option body carries (nothing written until
``write_values``); ``render_option`` and ``render_value`` add what lives outside the row the
renderer reads; ``drop_option`` and ``drop_value`` delete with the variants built on them.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from bigcommerce.sandbox.catalog import OPTION_VALUES, OPTIONS, PRODUCT_OPTIONS, PRODUCT_SKUS
from bigcommerce.sandbox.rows import EXTRA, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Family
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

Row = dict[str, Any]

# v3 type words and the v2 codes the ``options`` row stores (the specs' own table, plus the
# v2 codes of the types only modifiers have).
VARIANT_TYPES: Mapping[str, str] = {
    "radio_buttons": "RB", "rectangles": "RT", "dropdown": "S", "product_list": "P",
    "product_list_with_images": "PI", "swatch": "CS",
}
MODIFIER_ONLY_TYPES: Mapping[str, str] = {
    "date": "D", "checkbox": "C", "file": "F", "text": "T", "multi_line_text": "MT", "numbers_only_text": "N",
}
V2_CODE: Mapping[str, str] = {**VARIANT_TYPES, **MODIFIER_ONLY_TYPES}
V3_TYPE: Mapping[str, str] = {code: word for word, code in V2_CODE.items()}
# Modifier types whose values are not a list of choices (no option_values).
VALUELESS_CODES = frozenset({"D", "F", "T", "MT", "N"})

OPTION, MODIFIER = "option", "modifier"
KIND = "kind"  # key of a product_options row's ``_v3`` dict
MAX_COLORS = 3
MAX_VALUES = 250  # values per option (v3-resources.md §3.3)

DEFAULT_ADJUSTERS: Mapping[str, Any] = {
    "price": {}, "weight": {}, "image_url": "", "purchasing_disabled": {"status": False, "message": ""},
}


def shared_option(state: State, product_option: Mapping[str, Any]) -> Mapping[str, Any]:
    """The ``options`` row a product option points at ({} if it is gone)."""
    return state.tables["options"].rows.get(product_option.get("option_id"), {})


def kind_of(state: State, product_option: Mapping[str, Any]) -> str:
    """``option`` or ``modifier``: as v3 created it, else by type (only modifiers are text, dates...)."""
    stored = (product_option.get(EXTRA) or {}).get(KIND)
    if stored:
        return str(stored)
    return MODIFIER if shared_option(state, product_option).get("type") in MODIFIER_ONLY_TYPES.values() else OPTION


def options_of(state: State, product_id: int, kind: str) -> list[Row]:
    """A product's options (or modifiers), ascending id."""
    return [row for row in state.tables["product_options"].children(product_id).values()
            if kind_of(state, row) == kind]


def values_of(state: State, product_option: Mapping[str, Any]) -> list[Row]:
    return list(state.tables["option_values"].children(product_option.get("option_id", 0)).values())


def dedicated(state: State, option_id: int, product_option_id: int) -> bool:
    """No other product option and no option set uses this ``options`` row."""
    return not any(row.get("option_id") == option_id and row["id"] != product_option_id
                   for row in state.tables["product_options"].rows.values()) and not any(
        row.get("option_id") == option_id for row in state.tables["option_set_options"].rows.values())


# ------------------------------------------------------------------ value_data <-> v2 value

def value_data_of(code: str, value_row: Mapping[str, Any]) -> Any:
    """A value's ``value_data``: swatch colours or image and product-list ids read from v2 ``value``."""
    value = str(value_row.get("value") or "")
    if code == "CS" and value.startswith("#"):
        return {"colors": value.split("|")}
    if code == "CS" and value.startswith(("http://", "https://", "/")):
        return {"image_url": value}
    if code in ("P", "PI") and value.isdigit():
        return {"product_id": int(value)}
    return (value_row.get(EXTRA) or {}).get("value_data")


def stored_value(state: State, code: str, label: str, value_data: Any) -> tuple[str, str | None]:
    """The v2 ``value`` a value's ``value_data`` is stored as, and a 422 reason (or None)."""
    data = value_data if isinstance(value_data, dict) else {}
    if value_data is not None and not isinstance(value_data, dict):
        return "", "The field 'value_data' must be an object or null."
    if code == "CS":
        colors = data.get("colors")
        if colors is not None:
            if not isinstance(colors, list) or not all(isinstance(c, str) for c in colors) or not colors:
                return "", "The swatch 'colors' must be a list of hexadecimal colour strings."
            if len(colors) > MAX_COLORS:
                return "", f"A swatch takes at most {MAX_COLORS} colours."
            return "|".join(colors), None
        image = data.get("image_url")
        if image is not None:
            return (str(image), None) if isinstance(image, str) else ("", "The swatch 'image_url' must be a URL.")
        return "", None
    if code in ("P", "PI"):
        product_id = data.get("product_id")
        if isinstance(product_id, bool) or not isinstance(product_id, int):
            return "", "A product list value needs value_data.product_id, an integer."
        if product_id not in state.tables["products"].rows:
            return "", f"The product {product_id} does not exist."
        return str(product_id), None
    if code == "C" and not isinstance(data.get("checked_value", False), bool):
        return "", "The checkbox 'checked_value' must be a boolean."
    return label, None


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


# ------------------------------------------------------------------ rendering

def render_value(state: State, renderer: Renderer, family: Family, row: Mapping[str, Any],
                 product_option: Mapping[str, Any], only: Collection[str] = (),
                 exclude: Collection[str] = ()) -> dict[str, Any]:
    """One value as v3 shows it under ``product_option`` (a modifier value names it as option_id)."""
    out = renderer.render(family, row, (), only, exclude)
    if "value_data" in out:
        out["value_data"] = value_data_of(str(shared_option(state, product_option).get("type", "")), row)
    if "option_id" in out:
        out["option_id"] = product_option["id"]
    if "adjusters" in out:
        stored = out["adjusters"] or {}
        out["adjusters"] = {**DEFAULT_ADJUSTERS, **stored}
    return out


def render_option(state: State, renderer: Renderer, family: Family, value_family: Family,
                  row: Mapping[str, Any], only: Collection[str] = (), exclude: Collection[str] = ()) -> dict[str, Any]:
    """One option or modifier: the row's fields, its option's name and type, its values."""
    out = renderer.render(family, row, (), only, exclude)
    shared = shared_option(state, row)
    if "name" in out:
        out["name"] = shared.get("name", "")
    if "type" in out:
        code = str(shared.get("type", ""))
        out["type"] = V3_TYPE.get(code, code)
    if "option_values" in out:
        out["option_values"] = [render_value(state, renderer, value_family, value, row)
                                for value in values_of(state, row)]
    return out


# ------------------------------------------------------------------ deletes

def drop_variants_with(state: State, product_option_id: int | None = None, value_id: int | None = None) -> None:
    """Delete the SKUs built with a product option or an option value: a variant needs every value it names."""
    for sku in list(state.tables["product_skus"].rows.values()):
        if any((product_option_id is not None and choice.get("product_option_id") == product_option_id)
               or (value_id is not None and choice.get("option_value_id") == value_id)
               for choice in sku.get("options") or ()):
            remove_row(state, PRODUCT_SKUS, sku)


def drop_option(state: State, row: Row) -> None:
    """Delete a product option, the variants built with it, and its ``options`` row when no one else uses it."""
    drop_variants_with(state, product_option_id=row["id"])
    option_id = row.get("option_id")
    alone = option_id is not None and dedicated(state, option_id, row["id"])
    remove_row(state, PRODUCT_OPTIONS, row)
    shared = state.tables["options"].rows.get(option_id)
    if alone and shared is not None:
        remove_row(state, OPTIONS, shared)


def drop_value(state: State, row: Row) -> None:
    """Delete an option value and the variants built with it."""
    drop_variants_with(state, value_id=row["id"])
    remove_row(state, OPTION_VALUES, row)
