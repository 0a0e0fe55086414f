"""Metafields of every owner kind, declared once: product, variant, category, brand, order, channel.

All are rows of the state-only ``metafields`` table (``resource_type`` names the owner kind,
``resource_id`` the owner), with the rules the specs give every owner alike (v3-resources.md
§3.1): ``permission_set``, ``namespace``, ``key`` and ``value`` required, namespace and key
unique per owner, at most 250 per owner, cursor and offset pages, batch answers with counts.
An owner's module names its kind and paths; what differs (extra filters, the order
metafields' PUT that must send every field) goes through ``options``.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.v3.schema import (
    COUNTS,
    CREATE,
    CREATE_MANY,
    CURSOR_AND_OFFSET,
    DELETE_LISTED,
    ITEM,
    LIST,
    UPDATE_MANY,
    Batch,
    Family,
    Field,
    Filter,
    Route,
    Unique,
    col,
    on,
)

PERMISSION_SETS = ("app_only", "read", "write", "read_and_sf_access", "write_and_sf_access")
REQUIRED = ("permission_set", "namespace", "key", "value")

METAFIELD_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("key", codec="str", min_length=1, max_length=64),
    col("value", codec="str", min_length=1, max_length=65535),
    col("namespace", codec="str", min_length=1, max_length=64),
    col("permission_set", codec="str", choices=PERMISSION_SETS),
    col("resource_type", codec="str", read_only=True),
    col("resource_id", codec="int"),
    col("description", codec="str", max_length=255),
    col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True),
)

METAFIELD_FILTERS: dict[str, Filter] = {
    "key": on("key"), "key:in": on("key", op="in"), "namespace": on("namespace"),
    "namespace:in": on("namespace", op="in"), "resource_id:in": on("resource_id", op="in", kind="int"),
    **{f"{name}:{op}": on(name, op=op, kind="date") for name in ("date_created", "date_modified")
       for op in ("min", "max")},
}


def metafields_of(name: str, resource_type: str, parent_table: str, **options: Any) -> Family:
    """The metafields of one owner kind (``options``: any other ``Family`` attribute)."""
    declared: dict[str, Any] = {
        "fields": METAFIELD_FIELDS, "required": REQUIRED, "filters": METAFIELD_FILTERS, "sorts": {"id": "id"},
        "paging": CURSOR_AND_OFFSET,
        "unique": (Unique(("namespace", "key"), per_parent=True),), "batch": Batch(COUNTS),
        "scope": {"resource_type": resource_type}, "parent_table": parent_table, "parent_column": "resource_id",
        "max_per_parent": 250, **options,
    }
    return Family(name=name, table="metafields", label="metafield", **declared)


def metafield_routes(
    owner_path: str, family: str, collection: str = "", item: str = "metafield_id", batch: bool = True,
    **route: Any,
) -> tuple[Route, ...]:
    """``{owner}/{id}/metafields``, its item path, and the batch ``{collection}/metafields``
    (``collection``: the owner path without its id, unless given; ``item``: the item's path
    parameter as the spec spells it; ``batch``: whether the store-wide batch path is served)."""
    batch_path = (collection or owner_path.rpartition("/")[0]) + "/metafields"
    owned = (
        Route(f"{owner_path}/metafields", family, {"GET": LIST, "POST": CREATE}, per_parent=True, **route),
        Route(f"{owner_path}/metafields/{{{item}}}", family, ITEM, per_parent=True, **route),
    )
    if not batch:
        return owned
    return (*owned, Route(batch_path, family,
                          {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_LISTED}))
