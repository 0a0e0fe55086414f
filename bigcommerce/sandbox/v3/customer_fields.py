"""Computed fields of v3 customers (``render.COMPUTED`` merges ``CUSTOMER_COMPUTED``).

A customer's ``attribute_count`` counts the attribute values it holds, and ``include=attributes``
shows them as the attribute-values GET does (``customer_attributes``).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import iso8601

Row = Mapping[str, Any]


def attribute_value_body(row: Row) -> dict[str, Any]:
    """One attribute value as the specs print it (``attributeValue_Full`` example order)."""
    return {"attribute_id": row.get("attribute_id"), "attribute_value": row.get("attribute_value", ""),
            "customer_id": row.get("customer_id"),
            "date_created": iso8601(row["date_created"]) if row.get("date_created") is not None else None,
            "date_modified": iso8601(row["date_modified"]) if row.get("date_modified") is not None else None,
            "id": row.get("id")}


def _values_of(state: State, row: Row) -> list[Row]:
    return list(state.tables["customer_attribute_values"].children(row["id"]).values())


CUSTOMER_COMPUTED: Mapping[str, Callable[[State, Row], Any]] = {
    "attribute_count": lambda state, row: len(state.tables["customer_attribute_values"].by_parent.get(row["id"], ())),
    "customer_attributes": lambda state, row: [attribute_value_body(value) for value in _values_of(state, row)],
}
