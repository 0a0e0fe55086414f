"""v3 inventory locations, items and adjustments (v3-resources.md §3.15, §3.16).

Locations are rows of the state-only ``inventory_locations`` table; every store has the default
location, id 1 (code ``BC-LOCATION-1``, the shipping origin), and a seeded store a second one.
Rules from ``locations.v3.yml``: no per-id path (read one with ``location_id:in``); POST and PUT
take arrays and answer a bare ``{transaction_id}``; a new location needs ``label``,
``managed_by_external_source``, ``type_id`` and ``time_zone``, and an ``address`` (address1,
city, state, zip, email, geo_coordinates, country_code) when its type is ``PHYSICAL``; at most
100 enabled locations; ``code`` is unique (its default ``BC-LOCATION-<id>``). Writes are atomic:
one bad item is a 422 naming ``<index>.<field>``. ``DELETE`` needs ``location_id:in`` (422),
answers 200 ``{transaction_id}``, 404 for an unknown id and 422 for the default location;
deleting a location deletes its stock, so the v2 levels drop by what it held. Items and
adjustments: ``inventory_items`` (actions) over ``stock`` (the rule of one state).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.rows import merge_row, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3 import inventory_items
from bigcommerce.sandbox.v3.errors import V3Error, bad_input, invalid, not_found
from bigcommerce.sandbox.v3.metafields import metafield_routes, metafields_of
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import LIST, Action, Call, Family, Field, Route, Unique, col, on
from bigcommerce.sandbox.v3.stock import DEFAULT_LOCATION
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare
from bigcommerce.sandbox.values import to_int

Row = dict[str, Any]
MAX_ACTIVE = 100
DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
ADDRESS_REQUIRED = ("address1", "city", "state", "zip", "email", "geo_coordinates", "country_code")
CLOSED_WEEK: Mapping[str, Mapping[str, Any]] = {day: {"open": False, "opening": "00:00", "closing": "00:00"}
                                                 for day in DAYS}

LOCATION_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("code", codec="str", max_length=100),
    col("label", codec="str", min_length=1, max_length=255),
    col("description", codec="str"),
    col("managed_by_external_source", codec="bool"),
    col("type_id", codec="str", choices=("PHYSICAL", "VIRTUAL")),
    col("enabled", codec="bool"),
    col("operating_hours", codec="dict_or_null"),
    col("time_zone", codec="str", min_length=1),
    col("created_at", codec="date", read_only=True), col("updated_at", codec="date", read_only=True),
    col("address", codec="dict_or_null"),
    col("storefront_visibility", codec="bool"),
    col("special_hours", codec="list"),
)

LOCATIONS = Family(
    name="inventory_locations", table="inventory_locations", label="location", fields=LOCATION_FIELDS,
    required=("label", "managed_by_external_source", "type_id", "time_zone"),
    filters={"location_id:in": on("id", op="in", kind="int"), "location_code:in": on("code", op="in"),
             "is_default": on("is_default", kind="bool"), "type_id:in": on("type_id", op="in"),
             "managed_by_external_source": on("managed_by_external_source", kind="bool"),
             "is_active": on("enabled", kind="bool"),
             "storefront_visibility": on("storefront_visibility", kind="bool")},
    unique=(Unique(("code",), skip_empty=True),), max_limit=1000,
)

# Metafields of a location (locations.v3.yml), as every owner's (``metafields``).
LOCATION_METAFIELDS = metafields_of("location_metafields", "location", "inventory_locations",
                                    parent_label="location")

FAMILIES: Mapping[str, Family] = {
    family.name: family for family in (LOCATIONS, inventory_items.ITEMS, LOCATION_METAFIELDS)
}


# ------------------------------------------------------------------ checks the field codecs do not make

def _address_errors(address: Any) -> dict[str, str]:
    if not isinstance(address, dict):
        return {"address": "An address is required for a PHYSICAL location."}
    errors = {f"address.{name}": f"The field 'address.{name}' is required."
              for name in ADDRESS_REQUIRED if address.get(name) in (None, "")}
    geo = address.get("geo_coordinates")
    if isinstance(geo, dict):
        for name, bound in (("latitude", 90), ("longitude", 180)):
            value = geo.get(name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
                errors[f"address.geo_coordinates.{name}"] = f"The {name} must be a number from -{bound} to {bound}."
    elif geo is not None:
        errors["address.geo_coordinates"] = "The geo_coordinates must be an object with latitude and longitude."
    return errors


def _hours_errors(item: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    hours = item.get("operating_hours")
    if isinstance(hours, dict):
        for day, value in hours.items():
            if day not in DAYS or not isinstance(value, dict) or not isinstance(value.get("open", False), bool) or any(
                    not (isinstance(value.get(edge, "00:00"), str) and CLOCK.match(value.get(edge, "00:00")))
                    for edge in ("opening", "closing")):
                errors[f"operating_hours.{day}"] = "Each day is {open: boolean, opening: HH:MM, closing: HH:MM}."
    special = item.get("special_hours")
    if isinstance(special, list):
        for index, value in enumerate(special):
            if not (isinstance(value, dict) and isinstance(value.get("label"), str)
                    and isinstance(value.get("date"), str) and isinstance(value.get("open"), bool)):
                errors[f"special_hours.{index}"] = "A special day needs label, date and open."
    return errors


def _prepared(state: State, item: object, row: Row | None, ready: list[Prepared]) -> Prepared:
    """One location checked (ItemError when refused), its address merged over the stored one."""
    if not isinstance(item, dict):
        raise ItemError(422, {"body": "Each location must be an object."})
    body = dict(item)
    if row is not None and isinstance(body.get("address"), dict) and isinstance(row.get("address"), dict):
        body["address"] = {**row["address"], **body["address"]}
    errors = _hours_errors(body)
    kind = body.get("type_id", (row or {}).get("type_id", "PHYSICAL"))
    address = body.get("address", (row or {}).get("address"))
    if kind == "PHYSICAL" and (row is None or "address" in body or "type_id" in body):
        errors.update(_address_errors(address))
    try:
        prepared = prepare(state, FAMILIES, LOCATIONS, body, row=row, pending=ready)
    except ItemError as exc:
        raise ItemError(422, {**errors, **exc.errors}) from None
    if errors:
        raise ItemError(422, errors)
    if row is None:
        prepared.fields.setdefault("operating_hours", {})
        prepared.fields["operating_hours"] = {**CLOSED_WEEK, **prepared.fields["operating_hours"]}
    return prepared


def _refused(errors: Mapping[str, str]) -> V3Error:
    return V3Error(422, "The locations were not valid.", errors)


def _check_active(state: State, ready: list[Prepared]) -> None:
    active = {key: bool(row.get("enabled", True)) for key, row in state.tables["inventory_locations"].rows.items()}
    added = 0
    for prepared in ready:
        enabled = bool(prepared.fields.get("enabled", True if prepared.row is None else prepared.row.get("enabled")))
        if prepared.row is None:
            added += enabled
        else:
            active[prepared.row["id"]] = enabled
    if sum(active.values()) + added > MAX_ACTIVE:
        raise _refused({"enabled": f"A store can have at most {MAX_ACTIVE} active locations."})


# ------------------------------------------------------------------ actions

def _write(state: State, call: Call, *, create: bool) -> Any:
    if not isinstance(call.body, list):
        raise bad_input("The request body must be a JSON array.")
    table = state.tables["inventory_locations"]
    ready: list[Prepared] = []
    errors: dict[str, str] = {}
    for index, item in enumerate(call.body):
        try:
            row = None
            if not create:
                location_id = item.get("id") if isinstance(item, dict) else None
                row = table.rows.get(location_id)
                if row is None:
                    raise ItemError(422, {"id": f"The location {location_id} does not exist."})
            ready.append(_prepared(state, item, row, ready))
        except ItemError as exc:
            errors.update({f"{index}.{name}": message for name, message in exc.errors.items()})
    if errors:
        raise _refused(errors)
    _check_active(state, ready)
    for prepared in ready:
        row = apply(state, prepared)
        if not row.get("code"):
            row["code"] = f"BC-LOCATION-{row['id']}"
    return inventory_items.transaction()


def _create(state: State, renderer: Renderer, call: Call) -> Any:
    return _write(state, call, create=True)


def _update(state: State, renderer: Renderer, call: Call) -> Any:
    return _write(state, call, create=False)


def _delete(state: State, renderer: Renderer, call: Call) -> Any:
    """``DELETE /inventory/locations?location_id:in=``: the locations and the stock they held."""
    raw = call.query.get("location_id:in", "")
    try:
        wanted = [to_int(part) for part in raw.split(",") if part.strip()]
    except (TypeError, ValueError):
        raise invalid({"location_id:in": f"'{raw}' is not a list of integers."}) from None
    if not wanted:
        raise invalid({"location_id:in": "The filter 'location_id:in' is required."},
                      "A filter is required to delete locations.")
    table = state.tables["inventory_locations"]
    missing = [location_id for location_id in wanted if location_id not in table.rows]
    if missing:
        raise not_found("location")
    for location_id in wanted:
        if location_id == DEFAULT_LOCATION:
            label = table.rows[location_id].get("label", "")
            raise V3Error(422, f"Location can\u02bct be deleted. {label} is set as a shipping origin for this store "
                               "and can\u02bct be deleted.", {})
    stock = state.tables["location_inventory"]
    for location_id in wanted:
        for row in [row for row in stock.rows.values() if row.get("location_id") == location_id]:
            _drop_stock(state, row)
        remove_row(state, table.resource, table.rows[location_id])
    return inventory_items.transaction()


def _drop_stock(state: State, row: Row) -> None:
    """Take what a location row holds off the item's v2 level."""
    held = int(row.get("quantity", 0))
    if not held:
        return
    name, key = ("product_skus", row["variant_id"]) if row.get("variant_id") is not None else (
        "products", row["product_id"])
    owner = state.tables[name].rows.get(key)
    if owner is not None:
        level = int(owner.get("inventory_level", 0) or 0)
        merge_row(state, state.tables[name].resource, owner, {"inventory_level": max(0, level - held)})


ACTIONS: Mapping[str, Action] = {
    "locations_create": _create, "locations_update": _update, "locations_delete": _delete,
    **inventory_items.ACTIONS,
}

ROUTES: tuple[Route, ...] = (
    *metafield_routes("inventory/locations/{location_id}", "location_metafields"),
    Route("inventory/locations", "inventory_locations",
          {"GET": LIST, "POST": "locations_create", "PUT": "locations_update", "DELETE": "locations_delete"}),
    Route("inventory/locations/{location_id}/items", "inventory_items",
          {"GET": "inventory_location_items", "PUT": "inventory_location_settings"}),
    Route("inventory/items", "inventory_items", {"GET": "inventory_items"}),
    Route("inventory/adjustments/absolute", "inventory_items", {"PUT": "inventory_absolute"}),
    Route("inventory/adjustments/relative", "inventory_items", {"POST": "inventory_relative"}),
)
