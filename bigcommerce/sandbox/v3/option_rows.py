"""How v3 options, modifiers and their values sit on the v2 option rows (mapping in ``options``).

A v3 option or modifier is a ``product_options`` row; its ``type`` and generated ``name`` live
on the ``options`` row it points at (``option_id``), and its values are that option's
``option_values`` rows. ``kind_of`` tells the two v3 families apart; ``value_data_of`` and
``stored_value`` translate a value's ``value_data`` to and from the v2 ``value`` column;
``render_option`` and ``render_value`` add what lives outside the row the
renderer reads; ``drop_option`` and ``drop_value`` delete with the variants built on them.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from bigcommerce.sandbox.catalog import OPTION_VALUES, OPTIONS, PRODUCT_OPTIONS, PRODUCT_SKUS
from bigcommerce.sandbox.rows import EXTRA, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Family

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

def drop_variants_with(state: State, skus: Collection[Row], product_option_id: int | None = None,
                       value_id: int | None = None) -> None:
    """Delete the SKUs built with a product option or an option value: a variant needs every value it names."""
    for sku in list(skus):
        if any((product_option_id is not None and choice.get("product_option_id") == product_option_id)
               or (value_id is not None and choice.get("option_value_id") == value_id)
               for choice in sku.get("options") or ()):
            remove_row(state, PRODUCT_SKUS, sku)


def drop_option(state: State, row: Row) -> None:
    """Delete a product option, the variants built with it, and its ``options`` row when no one else uses it."""
    drop_variants_with(state, state.tables["product_skus"].children(row["product_id"]).values(),
                       product_option_id=row["id"])
    option_id = row.get("option_id")
    alone = option_id is not None and dedicated(state, option_id, row["id"])
    remove_row(state, PRODUCT_OPTIONS, row)
    shared = state.tables["options"].rows.get(option_id)
    if alone and shared is not None:
        remove_row(state, OPTIONS, shared)


def drop_value(state: State, row: Row) -> None:
    """Delete an option value and the variants built with it."""
    drop_variants_with(state, state.tables["product_skus"].rows.values(), value_id=row["id"])  # shared values too
    remove_row(state, OPTION_VALUES, row)
