"""v3 customer form-field values (v3-resources.md §3.8) over the v2 rows' ``form_fields`` lists.

A value is one ``{name, value}`` entry of a customer's or an address's ``form_fields``, the
lists v2 customers and addresses show: the GET gathers them (customers' first, then addresses',
each in id order) with the customers' offset and cursor pages, a cursor counting positions in
that order; the deprecated PUT upserts entries by name, each item naming a ``customer_id`` or an
``address_id`` (not both), all or nothing. ``field_type`` is accepted and ignored: the sandbox
keeps no form-field definitions, so no value has a type beyond its JSON one.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import bad_input, invalid
from bigcommerce.sandbox.v3.query import page_meta, select
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import CURSOR, Action, Call, Family, Route, col

FORM_FIELD_VALUES = Family(name="customer_form_field_values", table="customers", label="form field value",
                           fields=(col("name", codec="str"),), paging=CURSOR)
OWNERS = (("customer_id", "customers"), ("address_id", "customer_addresses"))


def _entries(state: State, query: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every value the filters keep, as ``{id: position, body}`` rows for paging."""
    wanted = {key: query[key] for key in ("customer_id", "address_id") if query.get(key)}
    name = query.get("field_name")
    found = []
    for key, table in OWNERS:
        if wanted and key not in wanted:
            continue
        for row in state.tables[table].ordered().values():
            if key in wanted and str(row["id"]) != wanted[key].strip():
                continue
            for entry in row.get("form_fields") or ():
                if isinstance(entry, dict) and (name is None or entry.get("name") == name):
                    found.append({"name": entry.get("name"), "value": entry.get("value"), key: row["id"]})
    return [{"id": position, "body": body} for position, body in enumerate(found, start=1)]


def _list(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    for key in ("customer_id", "address_id"):
        raw = call.query.get(key)
        if raw and not raw.strip().isdigit():
            raise invalid({key: f"'{raw}' is not an id."}, f"The parameter '{key}' is invalid.")
    page = select(FORM_FIELD_VALUES, _entries(state, call.query), call.query)
    meta = page_meta(FORM_FIELD_VALUES, page, call.query)
    return StoreResponse(200, dumps({"data": [row["body"] for row in page.rows], "meta": meta}), {})


def _value_ok(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return isinstance(value, (str, int, float))


def _check(state: State, item: object) -> tuple[dict[str, str], tuple[str, int] | None]:
    if not isinstance(item, dict):
        return {"body": "Each item must be a JSON object."}, None
    errors: dict[str, str] = {}
    owners = [(key, table) for key, table in OWNERS if item.get(key) is not None]
    if len(owners) != 1:
        errors["customer_id"] = "Give either customer_id or address_id."
    if not isinstance(item.get("name"), str) or not item["name"]:
        errors["name"] = "The field 'name' is required."
    if "value" not in item or not _value_ok(item["value"]):
        errors["value"] = "The field 'value' must be a string, a number or an array of strings."
    if len(owners) == 1:
        key, table = owners[0]
        if item[key] not in state.tables[table].rows:
            errors[key] = f"The {table[:-1].replace('_', ' ')} {item[key]} does not exist."
        elif not errors:
            return errors, (table, item[key])
    return errors, None


def _upsert(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT an array: each entry replaces the value of that name on its row, or is added; all or nothing."""
    body = call.body
    if not isinstance(body, list):
        raise bad_input("The request body must be a JSON array.")
    errors: dict[str, str] = {}
    targets = []
    for index, item in enumerate(body):
        problems, target = _check(state, item)
        errors.update({f"{index}.{key}": message for key, message in problems.items()})
        targets.append(target)
    if errors:
        raise invalid(errors, "Upsert form field values failed.")
    for item, target in zip(body, targets):
        assert target is not None
        table, row_id = target
        row = state.tables[table].rows[row_id]
        fields = [entry for entry in row.get("form_fields") or () if entry.get("name") != item["name"]]
        fields.append({"name": item["name"], "value": item["value"]})
        merge_row(state, state.tables[table].resource, row, {"form_fields": fields})
    owner_keys = [key for key, _ in OWNERS]
    return data_response([{"name": item["name"], "value": item["value"],
                           **{key: item[key] for key in owner_keys if item.get(key) is not None}} for item in body])


FAMILIES: Mapping[str, Family] = {FORM_FIELD_VALUES.name: FORM_FIELD_VALUES}

ROUTES: tuple[Route, ...] = (
    Route("customers/form-field-values", "customer_form_field_values",
          {"GET": "form_field_values_list", "PUT": "form_field_values_upsert"}),
)

ACTIONS: Mapping[str, Action] = {"form_field_values_list": _list, "form_field_values_upsert": _upsert}
