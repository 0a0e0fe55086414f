"""v3 store metafields and store (system) logs (v3-resources.md §3.33, ``store_information.v3.yml``,
``store_logs.v3.yml``).

Store metafields are rows of the shared state-only ``metafields`` table, ``resource_type``
``store``: the store is the owner, so no body names a ``resource_id`` (printed 0). As every
metafield family: offset and cursor paging, a namespace+key used once (409), batch POST and PUT
answering ``{data, errors, meta: {total, success, failed}}`` (422 when any failed), a batch DELETE
taking a JSON array of ids; ``/store/metafields/{metafieldId}`` reads, updates and deletes one
(204). There is no single-create path.

System logs are the state-only ``store_logs`` table, read-only: the sandbox writes one when a
product is deleted through either view (``state.State.drop``). Filters ``type``, ``type:not``,
``module``, ``module:not``, ``severity`` (1-4), ``severity:min``, ``severity:max``, ``id:in``;
``sort`` by ``date_created`` or ``type``; offset paging, ``limit`` default 50.
"""
from __future__ import annotations

from collections.abc import Mapping

from bigcommerce.sandbox.v3.metafields import METAFIELD_FIELDS, METAFIELD_FILTERS
from bigcommerce.sandbox.v3.schema import (
    COUNTS,
    CREATE_MANY,
    CURSOR_AND_OFFSET,
    DELETE_LISTED,
    ITEM,
    LIST,
    UPDATE_MANY,
    Batch,
    Family,
    Field,
    Route,
    Unique,
    col,
    on,
)

# The store's metafields: every metafield field, the owner read-only (the store itself).
STORE_METAFIELD_FIELDS: tuple[Field, ...] = tuple(
    col("resource_id", codec="int", read_only=True) if item.name == "resource_id" else item
    for item in METAFIELD_FIELDS
)

STORE_METAFIELDS = Family(
    name="store_metafields", table="metafields", label="metafield", fields=STORE_METAFIELD_FIELDS,
    required=("permission_set", "namespace", "key", "value"),
    filters={name: spec for name, spec in METAFIELD_FILTERS.items() if name != "resource_id:in"},
    sorts={"id": "id"}, paging=CURSOR_AND_OFFSET,
    unique=(Unique(("namespace", "key")),),
    batch=Batch(COUNTS),
    scope={"resource_type": "store"},
)

LOG_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("type", codec="str", read_only=True),
    col("module", codec="str", read_only=True),
    col("severity", codec="int", read_only=True),
    col("summary", codec="str", read_only=True),
    col("message", codec="str", read_only=True),
    col("date_created", codec="date", read_only=True),
)

SYSTEM_LOGS = Family(
    name="system_logs", table="store_logs", label="system log", fields=LOG_FIELDS,
    filters={"type": on("type"), "type:not": on("type", op="not_in"), "module": on("module"),
             "module:not": on("module", op="not_in"), "severity": on("severity", kind="int"),
             "severity:min": on("severity", op="min", kind="int"), "severity:max": on("severity", op="max", kind="int"),
             "id:in": on("id", op="in", kind="int")},
    sorts={"date_created": "date_created", "type": "type"},
)

FAMILIES: Mapping[str, Family] = {family.name: family for family in (STORE_METAFIELDS, SYSTEM_LOGS)}

ROUTES: tuple[Route, ...] = (
    Route("store/metafields", "store_metafields",
          {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_LISTED}),
    Route("store/metafields/{metafieldId}", "store_metafields", ITEM),
    Route("store/systemlogs", "system_logs", {"GET": LIST}),
)
