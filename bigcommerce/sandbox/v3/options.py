"""v3 product variant options, modifiers and their values over the v2 option rows.

The mapping onto the one state (v3-resources.md §3.3, §3.4):

* A v3 **variant option** IS a ``product_options`` row (what ``GET /v2/products/{id}/options``
  lists): ``id``, ``product_id``, ``display_name`` and ``sort_order`` are its columns. v2 keeps
  the option's ``type`` and ``name`` on the ``options`` row the product option points at
  (``option_id``), so ``type`` is read from and written to that row (v3 words, v2 codes: RB, RT,
  S, P, PI, CS as the specs list them) and ``name`` is its name. An option created through v3
  gets an ``options`` row of its own, named from the display name, a timestamp and the
  product id as the specs' example shows: a v3 option belongs to one product. ``config`` is
  v3-only (the row's ``_v3`` dict, which v2 never prints).
* A v3 **option value** IS an ``option_values`` row of that ``options`` row: ``label``,
  ``sort_order``, ``is_default`` (one default per option, the shared rule) are its columns.
  ``value_data`` is read from the v2 ``value``: a swatch's ``colors`` are its ``#hex|#hex``
  text (at most three), a swatch image its URL, a product list's ``product_id`` its digits;
  for other types ``value`` is the label and ``value_data`` is kept in ``_v3`` as sent.
  Values of seeded or v2 option-set options are those of the shared ``options`` row, so a v3
  write to them reaches every product using that option, as a v2 write does.
* A **variant** names its values as a SKU does: ``options = [{product_option_id,
  option_value_id}]`` are the v3 option ids and value ids (``render.option_values``).
  A variant naming a modifier (by id or by display name) is a 422. Deleting an option deletes
  the variants built with it; deleting a value deletes the variants that use it (the spec
  declares only the 204; a SKU cannot name a missing value).
* A **modifier** is an option that makes no variants. v2 has no modifier object, but its
  product options are both kinds, so a modifier is a ``product_options`` row too, marked
  ``_v3.kind = "modifier"``; its ``required`` is the row's ``is_required``. Rows v3 did not
  create (option sets, seeds) are modifiers when their type cannot make variants (checkbox,
  date, file, text, multi-line text, numbers), else variant options. Modifier values are
  option values with ``adjusters`` (``_v3``, defaults as the spec's example) and ``option_id``
  = the modifier's id. A checkbox created without values gets Yes (checked) and No (default),
  as the spec's example shows; the value-less types (date, file, text...) refuse values.
* Rules: required ``display_name``, ``type``, ``option_values`` (at least one) on an option
  POST, ``required``, ``display_name``, ``type`` on a modifier POST, ``label`` and
  ``sort_order`` on a value POST and on an option value PUT (422 naming the field); type
  choices from the specs; a display name used by another option or modifier of the product is
  a 409; at most 250 values per option; lists page by ``page``/``limit`` (default 50, max 250).
  The modifier image upload is not served (501). An option PUT updates the values it names
  by ``id`` and adds those without one; values it does not name are kept.

The operations are ``ACTIONS`` (a path's option id is a ``product_options`` id while the values
hang off the ``options`` row, which no generic verb follows); they reuse ``writes.prepare`` /
``apply`` for every field rule, ``query.select`` / ``page_meta`` for paging and the renderer for
each row, ``option_rows`` for the mapping and ``option_writes`` for values inside an option body.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import OPTIONS
from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse, dumps
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, item_error, list_response
from bigcommerce.sandbox.v3.errors import not_found
from bigcommerce.sandbox.v3.option_rows import (
    KIND,
    MODIFIER,
    MODIFIER_ONLY_TYPES,
    OPTION,
    V2_CODE,
    V3_TYPE,
    VALUELESS_CODES,
    VARIANT_TYPES,
    dedicated,
    drop_option,
    drop_value,
    kind_of,
    options_of,
    render_option,
    render_value,
    shared_option,
    values_of,
)
from bigcommerce.sandbox.v3.option_writes import Kind, check_room, prepare_value, prepare_values, write_values
from bigcommerce.sandbox.v3.query import page_meta, select, wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Field, Route, Unique, col, computed, extra
from bigcommerce.sandbox.v3.writes import ItemError, apply, option_name, prepare

MIN_INT, MAX_INT = -2_147_483_648, 2_147_483_647
TYPE_KEY, VALUES_KEY = "_type", "_option_values"  # prepared, then written outside the row


def _option_fields(types: tuple[str, ...], *middle: Field) -> tuple[Field, ...]:
    return (
        col("id", codec="int", read_only=True), col("product_id", codec="int", read_only=True),
        computed("name", "null"), col("display_name", codec="str", min_length=1, max_length=255),
        computed("type", "null", column=TYPE_KEY, codec="str", choices=types), *middle,
        col("sort_order", codec="int", minimum=MIN_INT, maximum=MAX_INT),
    )


OPTION_FIELDS = (*_option_fields(tuple(VARIANT_TYPES)),
                 computed("option_values", "empty_list", column=VALUES_KEY, codec="list"),
                 extra("config", {}, "dict_or_null"))
MODIFIER_FIELDS = (*_option_fields((*MODIFIER_ONLY_TYPES, *VARIANT_TYPES), col("required", "is_required", "bool")),
                   extra("config", {}, "dict_or_null"),
                   computed("option_values", "empty_list", column=VALUES_KEY, codec="list"))


def _value_fields(*tail: Field, option_id: bool = False) -> tuple[Field, ...]:
    return (
        col("id", codec="int", read_only=True), *((computed("option_id", "zero"),) if option_id else ()),
        col("label", codec="str", min_length=1, max_length=255),
        col("sort_order", codec="int", minimum=MIN_INT, maximum=MAX_INT),
        computed("value_data", "null"), col("is_default", codec="bool"), *tail,
    )


def _family(name: str, table: str, label: str, fields: tuple[Field, ...], required: tuple[str, ...],
            parent_column: str, **options: Any) -> Family:
    return Family(name=name, table=table, label=label, fields=fields, required=required,
                  parent_table="products", parent_column=parent_column, **options)


PRODUCT_OPTIONS = _family("product_options", "product_options", "option", OPTION_FIELDS,
                          ("display_name", "type", "option_values"), "product_id",
                          unique=(Unique(("display_name",), per_parent=True),))
PRODUCT_OPTION_VALUES = _family("product_option_values", "option_values", "option value", _value_fields(),
                                ("label", "sort_order"), "option_id")
PRODUCT_MODIFIERS = _family("product_modifiers", "product_options", "modifier", MODIFIER_FIELDS,
                            ("required", "display_name", "type"), "product_id",
                            unique=(Unique(("display_name",), per_parent=True),))
PRODUCT_MODIFIER_VALUES = _family("product_modifier_values", "option_values", "modifier value",
                                  _value_fields(extra("adjusters", None, "dict_or_null"), option_id=True),
                                  ("label", "sort_order"), "option_id")

FAMILIES: Mapping[str, Family] = {family.name: family for family in (
    PRODUCT_OPTIONS, PRODUCT_OPTION_VALUES, PRODUCT_MODIFIERS, PRODUCT_MODIFIER_VALUES)}


OPTION_KIND = Kind(OPTION, PRODUCT_OPTIONS, PRODUCT_OPTION_VALUES, ("label", "sort_order"))
MODIFIER_KIND = Kind(MODIFIER, PRODUCT_MODIFIERS, PRODUCT_MODIFIER_VALUES, ())
KINDS: Mapping[str, Kind] = {kind.family.name: kind for kind in (OPTION_KIND, MODIFIER_KIND)}
KINDS_BY_VALUES: Mapping[str, Kind] = {kind.values.name: kind for kind in (OPTION_KIND, MODIFIER_KIND)}
CHECKBOX_VALUES = ({"label": "Yes", "sort_order": 0, "value_data": {"checked_value": True}},
                   {"label": "No", "sort_order": 1, "value_data": {"checked_value": False}, "is_default": True})


# ------------------------------------------------------------------ finding rows

def _kind(call: Call) -> Kind:
    return KINDS.get(call.family.name) or KINDS_BY_VALUES[call.family.name]


def _option_row(state: State, call: Call, kind: Kind) -> dict[str, Any]:
    row = state.tables["product_options"].rows.get(call.ids[1])
    if row is None or row.get("product_id") != call.parent_id or kind_of(state, row) != kind.name:
        raise not_found(kind.family.label)
    return row


def _value_row(state: State, call: Call, kind: Kind, option: Mapping[str, Any]) -> dict[str, Any]:
    row = state.tables["option_values"].rows.get(call.ids[2])
    if row is None or row.get("option_id") != option.get("option_id"):
        raise not_found(kind.values.label)
    return row


def _list(state: State, renderer: Renderer, call: Call, family: Family, rows: list[dict[str, Any]],
          render: Any) -> StoreResponse:
    page = select(family, rows, call.query)
    only, exclude = wanted(call.query, "include_fields"), wanted(call.query, "exclude_fields")
    return list_response([dumps(render(row, only, exclude)) for row in page.rows], page_meta(family, page, call.query))


# ------------------------------------------------------------------ options and modifiers

def _render_option(state: State, renderer: Renderer, kind: Kind) -> Any:
    return lambda row, only=(), exclude=(): render_option(state, renderer, kind.family, kind.values, row, only, exclude)


def list_options(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET /catalog/products/{product_id}/options (or /modifiers)"""
    kind = _kind(call)
    assert call.parent_id is not None
    return _list(state, renderer, call, kind.family, options_of(state, call.parent_id, kind.name),
                 _render_option(state, renderer, kind))


def get_option(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    kind = _kind(call)
    row = _option_row(state, call, kind)
    only, exclude = wanted(call.query, "include_fields"), wanted(call.query, "exclude_fields")
    return data_response(_render_option(state, renderer, kind)(row, only, exclude))


def create_option(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST …/options or …/modifiers: a product option, its own ``options`` row, its values."""
    kind = _kind(call)
    assert call.parent_id is not None
    try:
        prepared = prepare(state, {}, kind.family, call.body, parent_id=call.parent_id)
        code = V2_CODE[prepared.fields.pop(TYPE_KEY)]
        items = prepared.fields.pop(VALUES_KEY, None)
        if code == "C" and not items:
            items = [dict(item) for item in CHECKBOX_VALUES]
        values = prepare_values(state, kind, code, items, None)
    except ItemError as exc:
        raise item_error(kind.family, exc) from None
    display = prepared.fields["display_name"]
    shared = state.add_row("options", {"name": option_name(display, state.now(), call.parent_id),
                                       "display_name": display, "type": code})
    prepared.fields["option_id"] = shared["id"]
    prepared.extra[KIND] = kind.name
    if kind.name == OPTION:
        prepared.fields["is_required"] = True
    row = apply(state, prepared)
    write_values(state, values, shared["id"])
    return data_response(_render_option(state, renderer, kind)(row))


def update_option(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT …/options/{option_id}: its fields, its type on the ``options`` row, the values it names."""
    kind = _kind(call)
    row = _option_row(state, call, kind)
    shared = state.tables["options"].rows.get(row.get("option_id"))
    try:
        prepared = prepare(state, {}, kind.family, call.body, row=row)
        word = prepared.fields.pop(TYPE_KEY, None)
        code = V2_CODE[word] if word is not None else str((shared or {}).get("type", ""))
        values = prepare_values(state, kind, code, prepared.fields.pop(VALUES_KEY, None), row.get("option_id"))
    except ItemError as exc:
        raise item_error(kind.family, exc) from None
    apply(state, prepared)
    if shared is not None:
        changes = {"type": code} if word is not None else {}
        if "display_name" in prepared.fields and dedicated(state, shared["id"], row["id"]):
            changes["display_name"] = prepared.fields["display_name"]
        if changes:
            merge_row(state, OPTIONS, shared, changes)
        write_values(state, values, shared["id"])
    return data_response(_render_option(state, renderer, kind)(row))


def delete_option(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    drop_option(state, _option_row(state, call, _kind(call)))
    return NO_CONTENT


# ------------------------------------------------------------------ values

def _render_values(state: State, renderer: Renderer, kind: Kind, option: Mapping[str, Any]) -> Any:
    return lambda row, only=(), exclude=(): render_value(state, renderer, kind.values, row, option, only, exclude)


def _code(state: State, option: Mapping[str, Any]) -> str:
    return str(shared_option(state, option).get("type", ""))


def list_values(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET …/options/{option_id}/values (or modifier values)"""
    kind = _kind(call)
    option = _option_row(state, call, kind)
    render = _render_values(state, renderer, kind, option)
    return _list(state, renderer, call, kind.values, values_of(state, option), render)


def get_value(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    kind = _kind(call)
    option = _option_row(state, call, kind)
    row = _value_row(state, call, kind, option)
    only, exclude = wanted(call.query, "include_fields"), wanted(call.query, "exclude_fields")
    return data_response(_render_values(state, renderer, kind, option)(row, only, exclude))


def create_value(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    kind = _kind(call)
    option = _option_row(state, call, kind)
    code = _code(state, option)
    try:
        if code in VALUELESS_CODES:
            raise ItemError(422, {"option_values": f"A {V3_TYPE[code]} modifier has no values."})
        prepared = prepare_value(state, kind, code, call.body, option["option_id"])
        check_room(len(values_of(state, option)) + 1)
    except ItemError as exc:
        raise item_error(kind.values, exc) from None
    return data_response(_render_values(state, renderer, kind, option)(apply(state, prepared)))


def update_value(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    kind = _kind(call)
    option = _option_row(state, call, kind)
    row = _value_row(state, call, kind, option)
    try:
        body = call.body
        missing = {name: f"The field '{name}' is required." for name in kind.value_put_required
                   if isinstance(body, dict) and body.get(name) is None}
        if missing:
            raise ItemError(422, missing)
        prepared = prepare_value(state, kind, _code(state, option), body, option["option_id"], row)
    except ItemError as exc:
        raise item_error(kind.values, exc) from None
    return data_response(_render_values(state, renderer, kind, option)(apply(state, prepared)))


def delete_value(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    kind = _kind(call)
    drop_value(state, _value_row(state, call, kind, _option_row(state, call, kind)))
    return NO_CONTENT


ACTIONS: Mapping[str, Action] = {
    "options.list": list_options, "options.create": create_option, "options.get": get_option,
    "options.update": update_option, "options.delete": delete_option,
    "option_values.list": list_values, "option_values.create": create_value, "option_values.get": get_value,
    "option_values.update": update_value, "option_values.delete": delete_value,
}
COLLECTION = {"GET": "options.list", "POST": "options.create"}
ITEM = {"GET": "options.get", "PUT": "options.update", "DELETE": "options.delete"}
VALUES = {"GET": "option_values.list", "POST": "option_values.create"}
VALUE = {"GET": "option_values.get", "PUT": "option_values.update", "DELETE": "option_values.delete"}

ROUTES: tuple[Route, ...] = tuple(
    route
    for segment, option_id, kind in (("options", "option_id", OPTION_KIND), ("modifiers", "modifier_id", MODIFIER_KIND))
    for route in (
        Route(f"catalog/products/{{product_id}}/{segment}", kind.family.name, COLLECTION, per_parent=True),
        Route(f"catalog/products/{{product_id}}/{segment}/{{{option_id}}}", kind.family.name, ITEM, per_parent=True),
        Route(f"catalog/products/{{product_id}}/{segment}/{{{option_id}}}/values", kind.values.name, VALUES,
              per_parent=True),
        Route(f"catalog/products/{{product_id}}/{segment}/{{{option_id}}}/values/{{value_id}}", kind.values.name,
              VALUE, per_parent=True),
    )
)
