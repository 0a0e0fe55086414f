"""v3 customer attributes and attribute values (v3-resources.md §3.8), state-only tables.

An attribute is ``{id, name, type}`` (string, number or date; at most 50 per store; its type
never changes: delete and recreate it). A customer holds at most one value per attribute: the
attribute-values PUT is an upsert keyed by (attribute, customer), for at most 10 customers per
call (413), each value checked against its attribute's type and stored as the string it was
sent as. Deleting an attribute or a customer drops its values (``state.DEPENDENTS``); customers
show their values under ``include=attributes`` and count them in ``attribute_count``.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import insert_row, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.batch import write_many
from bigcommerce.sandbox.v3.customer_fields import attribute_value_body
from bigcommerce.sandbox.v3.errors import V3Error, bad_input, invalid
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    ATOMIC,
    DELETE_WHERE,
    LIST,
    Action,
    Batch,
    Call,
    Family,
    Reference,
    Route,
    col,
    on,
)
from bigcommerce.sandbox.values import parse_date

MAX_ATTRIBUTES = 50  # per store (§3.8)
MAX_VALUE_CUSTOMERS = 10  # customers per attribute-values PUT (§3.8)
TYPES = ("string", "number", "date")


def date_filters() -> dict[str, Any]:
    """``date_created``/``date_modified`` and their ``:min``/``:max`` filters."""
    ops = (("", "eq"), (":min", "min"), (":max", "max"))
    return {f"{name}{suffix}": on(name, op=op, kind="date") for name in ("date_created", "date_modified")
            for suffix, op in ops}


ATTRIBUTES = Family(
    name="customer_attributes", table="customer_attributes", label="attribute",
    fields=(col("id", codec="int", read_only=True), col("name", codec="str", min_length=1, max_length=255),
            col("type", codec="str", choices=TYPES),
            col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True)),
    required=("name", "type"),
    filters={"id:in": on("id", op="in", kind="int"), "name": on("name"), "name:like": on("name", op="like"),
             "type": on("type"), **date_filters()},
    batch=Batch(ATOMIC), delete_filters=("id:in",),
)

ATTRIBUTE_VALUES = Family(
    name="customer_attribute_values", table="customer_attribute_values", label="attribute value",
    fields=(col("attribute_id", codec="int"), col("attribute_value", codec="str", max_length=255),
            col("customer_id", codec="int"),
            col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True),
            col("id", codec="int", read_only=True)),
    required=("attribute_id", "attribute_value"),
    filters={"id:in": on("id", op="in", kind="int"), "customer_id:in": on("customer_id", op="in", kind="int"),
             "attribute_id:in": on("attribute_id", op="in", kind="int"),
             "name": on("attribute_id>customer_attributes.name"), **date_filters()},
    references=(Reference("attribute_id", "customer_attributes", "attribute", zero_ok=False),),
    batch=Batch(ATOMIC), delete_filters=("id:in",),
    parent_table="customers", parent_column="customer_id",
    item_check=lambda state, fields: value_check(state, fields),
)


# ------------------------------------------------------------------ attributes

def _create_attributes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST an array: at most 50 attributes in the store, counting the new ones (§3.8)."""
    if isinstance(call.body, list) and len(state.tables["customer_attributes"].rows) + len(call.body) > MAX_ATTRIBUTES:
        raise invalid({"attributes": f"A store has at most {MAX_ATTRIBUTES} customer attributes."},
                      "Too many customer attributes.")
    return write_many(state, {ATTRIBUTES.name: ATTRIBUTES}, renderer, ATTRIBUTES, call.body, "create")


def _update_attributes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT an array (``id`` and ``name``): a ``type`` other than the stored one is refused (§3.8)."""
    rows = state.tables["customer_attributes"].rows
    if isinstance(call.body, list):
        changed = {f"{index}.type": "An attribute's type cannot be changed; delete and recreate it."
                   for index, item in enumerate(call.body)
                   if isinstance(item, dict) and "type" in item and item.get("id") in rows
                   and rows[item["id"]].get("type") != item["type"]}
        if changed:
            raise invalid(changed, "Update attributes failed.")
    return write_many(state, {ATTRIBUTES.name: ATTRIBUTES}, renderer, ATTRIBUTES, call.body, "update")


# ------------------------------------------------------------------ attribute values

def type_problem(kind: str, value: str) -> str | None:
    """Why a value does not suit an attribute of ``kind`` (None: it does)."""
    if kind == "number":
        try:
            if not math.isfinite(float(value)):
                raise ValueError(value)
        except ValueError:
            return f"'{value}' is not a number."
    elif kind == "date":
        try:
            parse_date(value)
        except ValueError:
            return f"'{value}' is not an ISO 8601 date."
    return None


def value_check(state: State, fields: Mapping[str, Any]) -> dict[str, str]:
    """An ``attribute_value`` its attribute's type refuses (a value nested in a customer create)."""
    attribute = state.tables["customer_attributes"].rows.get(fields.get("attribute_id"))
    if attribute is None:
        return {}
    problem = type_problem(str(attribute.get("type", "string")), str(fields.get("attribute_value", "")))
    if problem is None:
        return {}
    return {"attribute_value": f"{problem} The attribute {attribute['id']} is of type {attribute.get('type')}."}


def _check_value(state: State, item: object) -> tuple[dict[str, str], dict[str, Any]]:
    """One PUT item's errors and, when none, its stored fields."""
    if not isinstance(item, dict):
        return {"body": "Each item must be a JSON object."}, {}
    errors: dict[str, str] = {}
    for name in ("attribute_id", "customer_id", "value"):
        if item.get(name) is None:
            errors[name] = f"The field '{name}' is required."
    for name in ("attribute_id", "customer_id", "id"):
        given = item.get(name)
        if given is not None and (isinstance(given, bool) or not isinstance(given, int)):
            errors[name] = f"The field '{name}' must be an integer."
    value = item.get("value")
    if value is not None and not isinstance(value, str):
        errors["value"] = "The field 'value' must be a string."
    elif isinstance(value, str) and len(value) > 255:
        errors["value"] = "The field 'value' must have at most 255 characters."
    if errors:
        return errors, {}
    attribute = state.tables["customer_attributes"].rows.get(item["attribute_id"])
    if attribute is None:
        errors["attribute_id"] = f"The attribute {item['attribute_id']} does not exist."
    if item["customer_id"] not in state.tables["customers"].rows:
        errors["customer_id"] = f"The customer {item['customer_id']} does not exist."
    if attribute is not None:
        problem = type_problem(str(attribute.get("type", "string")), str(value))
        if problem is not None:
            errors["value"] = f"{problem} The attribute {attribute['id']} is of type {attribute.get('type')}."
    return errors, {"attribute_id": item["attribute_id"], "customer_id": item["customer_id"], "attribute_value": value}


def _upsert_values(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT an array: each (attribute, customer) value written, created where there is none; nothing
    is written when any item is refused (one 422 naming ``<index>.<field>``)."""
    body = call.body
    if not isinstance(body, list):
        raise bad_input("The request body must be a JSON array.")
    customers = {item.get("customer_id") for item in body if isinstance(item, dict)}
    if len(customers) > MAX_VALUE_CUSTOMERS:
        raise V3Error(413, "The request payload is too large.", bodyless=True)
    table = state.tables["customer_attribute_values"]
    errors: dict[str, str] = {}
    ready: list[dict[str, Any]] = []
    for index, item in enumerate(body):
        problems, fields = _check_value(state, item)
        errors.update({f"{index}.{key}": message for key, message in problems.items()})
        ready.append(fields)
    if errors:
        raise invalid(errors, "Upsert customer attribute values failed.")
    written = []
    resource = table.resource
    for fields in ready:
        same = next((row for row in table.children(fields["customer_id"]).values()
                     if row.get("attribute_id") == fields["attribute_id"]), None)
        if same is None:
            written.append(insert_row(state, resource, fields["customer_id"], dict(fields)))
        else:
            written.append(merge_row(state, resource, same, {"attribute_value": fields["attribute_value"]}))
    return data_response([attribute_value_body(row) for row in written])


FAMILIES: Mapping[str, Family] = {family.name: family for family in (ATTRIBUTES, ATTRIBUTE_VALUES)}

ROUTES: tuple[Route, ...] = (
    Route("customers/attributes", "customer_attributes",
          {"GET": LIST, "POST": "customer_attributes_create", "PUT": "customer_attributes_update",
           "DELETE": DELETE_WHERE}),
    Route("customers/attribute-values", "customer_attribute_values",
          {"GET": LIST, "PUT": "customer_attribute_values_upsert", "DELETE": DELETE_WHERE}),
)

ACTIONS: Mapping[str, Action] = {
    "customer_attributes_create": _create_attributes,
    "customer_attributes_update": _update_attributes,
    "customer_attribute_values_upsert": _upsert_values,
}
