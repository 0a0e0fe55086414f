"""v3 tax properties and their values for products and customers (v3-resources.md §3.35), state-only tables.

A tax property is ``{id, code, display_name, description, type}`` (``code``, ``display_name``
and ``type`` required; codes unique: 409), written in arrays; ``DELETE ?id:in=`` (required) is a
409 while a product's or customer's values use its code. A product's tax properties are one
``{product_id, tax_properties: {code: value}}`` row per product: the GET and the DELETE need
``product_id:in`` (400 without), the PUT is additive (the codes sent replace theirs, the others
stay), each code naming a defined property. ``tax/customers`` is the same for customers, its GET
listing every customer's values without ``customer_id:in`` (not required there); its DELETE
still needs it. Deleting a product or a customer drops its row (``state.DEPENDENTS``).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse
from bigcommerce.sandbox.rows import insert_row, merge_row, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import V3Error, bad_input, invalid
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    ATOMIC,
    CREATE_MANY,
    LIST,
    UPDATE_MANY,
    Action,
    Batch,
    Call,
    Family,
    Route,
    Unique,
    col,
    on,
)

TAX_PROPERTIES = Family(
    name="tax_properties", table="tax_properties", label="tax property",
    fields=(col("id", codec="int", read_only=True), col("code", codec="str", min_length=1, max_length=255),
            col("display_name", codec="str", min_length=1, max_length=255), col("description", codec="str"),
            col("created_at", codec="date", read_only=True), col("updated_at", codec="date", read_only=True),
            col("type", codec="str", choices=("PRODUCT", "CUSTOMER"))),
    required=("code", "display_name", "type"),
    filters={"id:in": on("id", op="in", kind="int"), "type:in": on("type", op="in")},
    unique=(Unique(("code",)),),
    batch=Batch(ATOMIC),
)
PRODUCT_TAX_PROPERTIES = Family(name="product_tax_properties", table="product_tax_properties",
                                label="product tax properties", fields=(col("product_id", codec="int"),))
CUSTOMER_TAX_PROPERTIES = Family(name="customer_tax_properties", table="customer_tax_properties",
                                 label="tax customer", fields=(col("customer_id", codec="int"),))


def _ids(call: Call, name: str) -> list[int]:
    """The ids of a required ``name`` filter: 400 when missing or not integers."""
    raw = [part.strip() for part in call.query.get(name, "").split(",") if part.strip()]
    if not raw or not all(part.isdigit() for part in raw):
        raise V3Error(400, "Request parameters invalid", detail=f"The parameter {name} (a list of ids) is required.")
    return [int(part) for part in raw]


def _delete_properties(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE ?id:in=: 409 while a product's or customer's values use one of the codes, else 204."""
    ids = _ids(call, "id:in")
    table = state.tables["tax_properties"]
    rows = [table.rows[item] for item in ids if item in table.rows]
    codes = {row.get("code") for row in rows}
    used = sorted(code for owner in (PRODUCTS, CUSTOMERS) for row in state.tables[owner.table].rows.values()
                  for code in row.get("tax_properties", {}) if code in codes)
    if used:
        raise V3Error(409, "Tax Property is in use and cannot be deleted.",
                      {"id:in": f"Products or customers use {', '.join(sorted(set(used)))}."})
    for row in rows:
        remove_row(state, table.resource, row)
    return NO_CONTENT


@dataclass(frozen=True)
class Owner:
    """Whose tax property values a path serves: products or customers."""

    table: str  # the values' state-only table
    key: str  # product_id | customer_id
    owners: str  # the owners' table
    required: bool  # the GET needs the ``key:in`` filter too (products)

    @property
    def word(self) -> str:
        return self.owners[:-1]

    def rows(self, state: State, call: Call, *, reading: bool) -> list[dict[str, Any]]:
        table = state.tables[self.table]
        if reading and not self.required and not call.query.get(f"{self.key}:in"):
            return list(table.ordered().values())
        return [row for owner in _ids(call, f"{self.key}:in") for row in table.children(owner).values()]

    def body(self, row: Mapping[str, Any]) -> dict[str, Any]:
        return {self.key: row[self.key], "tax_properties": dict(row.get("tax_properties", {}))}


PRODUCTS = Owner("product_tax_properties", "product_id", "products", required=True)
CUSTOMERS = Owner("customer_tax_properties", "customer_id", "customers", required=False)


def _list_values(owner: Owner) -> Action:
    return lambda state, renderer, call: data_response([owner.body(row) for row in
                                                        owner.rows(state, call, reading=True)])


def _check_values(state: State, owner: Owner, body: list[Any]) -> dict[str, str]:
    codes = {row.get("code") for row in state.tables["tax_properties"].rows.values()}
    errors: dict[str, str] = {}
    for index, item in enumerate(body):
        if not isinstance(item, dict):
            errors[f"{index}"] = "Each item must be a JSON object."
            continue
        owner_id, values = item.get(owner.key), item.get("tax_properties")
        if isinstance(owner_id, bool) or not isinstance(owner_id, int):
            errors[f"{index}.{owner.key}"] = f"The field '{owner.key}' is required (an integer)."
        elif owner_id not in state.tables[owner.owners].rows:
            errors[f"{index}.{owner.key}"] = f"The {owner.word} {owner_id} does not exist."
        if not isinstance(values, dict) or not all(isinstance(value, str) for value in values.values()):
            errors[f"{index}.tax_properties"] = "The field 'tax_properties' must be an object of strings."
        elif unknown := sorted(set(values) - codes):
            errors[f"{index}.tax_properties"] = f"No tax property has the code {', '.join(unknown)}."
    return errors


def _upsert_values(owner: Owner) -> Action:
    def act(state: State, renderer: Renderer, call: Call) -> StoreResponse:
        """PUT an array of ``{owner, tax_properties}``: additive per owner, all or nothing."""
        body = call.body
        if not isinstance(body, list):
            raise bad_input("The request body must be a JSON array.")
        errors = _check_values(state, owner, body)
        if errors:
            raise invalid(errors, "The request body does not meet specifications.")
        table = state.tables[owner.table]
        written = []
        for item in body:
            existing = next(iter(table.children(item[owner.key]).values()), None)
            if existing is None:
                fields = {"tax_properties": dict(item["tax_properties"])}
                row = insert_row(state, table.resource, item[owner.key], fields)
            else:
                merged = {**existing.get("tax_properties", {}), **item["tax_properties"]}
                row = merge_row(state, table.resource, existing, {"tax_properties": merged})
            written.append(row)
        return data_response([owner.body(row) for row in written])
    return act


def _delete_values(owner: Owner) -> Action:
    def act(state: State, renderer: Renderer, call: Call) -> StoreResponse:
        table = state.tables[owner.table]
        for row in owner.rows(state, call, reading=False):
            remove_row(state, table.resource, row)
        return NO_CONTENT
    return act


FAMILIES: Mapping[str, Family] = {
    family.name: family for family in (TAX_PROPERTIES, PRODUCT_TAX_PROPERTIES, CUSTOMER_TAX_PROPERTIES)}

ROUTES: tuple[Route, ...] = (
    Route("tax/properties", "tax_properties",
          {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": "tax_properties_delete"}),
    Route("tax/products/properties", "product_tax_properties",
          {"GET": "product_tax_properties_list", "PUT": "product_tax_properties_upsert",
           "DELETE": "product_tax_properties_delete"}),
    Route("tax/customers", "customer_tax_properties",
          {"GET": "tax_customers_list", "PUT": "tax_customers_upsert", "DELETE": "tax_customers_delete"}),
)

ACTIONS: Mapping[str, Action] = {
    "tax_properties_delete": _delete_properties,
    "product_tax_properties_list": _list_values(PRODUCTS),
    "product_tax_properties_upsert": _upsert_values(PRODUCTS),
    "product_tax_properties_delete": _delete_values(PRODUCTS),
    "tax_customers_list": _list_values(CUSTOMERS),
    "tax_customers_upsert": _upsert_values(CUSTOMERS),
    "tax_customers_delete": _delete_values(CUSTOMERS),
}
