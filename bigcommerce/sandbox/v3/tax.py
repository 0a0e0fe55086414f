"""v3 tax (v3-resources.md §3.35): classes over the v2 ``tax_classes`` rows, zones and rates, settings.

``tax/classes`` has no GET (reading stays at ``/v2/tax_classes``, which shows every class v3
writes): POST and PUT take arrays of at most 50 (413), names 1-100 characters without
``< > { } ` ( ) ; |`` and unique regardless of case (409 against the store, 422 within one batch);
``DELETE ?id:in=`` takes at most 50 ids, and answers 404 without them. Its errors are
``{errors: [{title, status, type, detail, code, errors}], meta}`` (tax_classes.v3.yaml).
Zones and rates are state-only; a rate names its zone, deleting a zone drops its rates
(``state.DEPENDENTS``), and both deletes need ``id:in`` (the text says so). The settings are
one object: what was written over the spec's defaults.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse, dumps
from bigcommerce.sandbox.rows import insert_row, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import ERROR_TYPE, bad_input, invalid
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    ATOMIC,
    CREATE_MANY,
    DELETE_WHERE,
    LIST,
    UPDATE_MANY,
    Action,
    Batch,
    Call,
    Family,
    Route,
    col,
    on,
)
from bigcommerce.sandbox.values import iso8601

MAX_CLASSES = 50  # items per tax-class batch and ids per delete (tax_classes.v3.yaml)
FORBIDDEN = set("<>{}`();|")

TAX_CLASSES = Family(name="tax_classes", table="tax_classes", label="tax class",
                     fields=(col("id", codec="int", read_only=True), col("name", codec="str")))

TAX_ZONES = Family(
    name="tax_zones", table="tax_zones", label="tax zone",
    fields=(col("id", codec="int", read_only=True), col("name", codec="str", min_length=1),
            col("enabled", codec="bool"), col("price_display_settings", codec="dict_or_null"),
            col("shopper_target_settings", codec="dict_or_null")),
    required=("name",), filters={"id:in": on("id", op="in", kind="int")},
    batch=Batch(ATOMIC), delete_filters=("id:in",),
)

TAX_RATES = Family(
    name="tax_rates", table="tax_rates", label="tax rate",
    fields=(col("id", codec="int", read_only=True), col("tax_zone_id", codec="int"),
            col("name", codec="str", min_length=1), col("enabled", codec="bool"),
            col("priority", codec="int", minimum=0), col("class_rates", codec="list")),
    required=("class_rates", "name", "tax_zone_id"),
    filters={"id:in": on("id", op="in", kind="int"), "tax_zone_id:in": on("tax_zone_id", op="in", kind="int")},
    batch=Batch(ATOMIC), delete_filters=("id:in",),
    parent_table="tax_zones", parent_column="tax_zone_id", parent_label="tax zone",
)

TAX_SETTINGS = Family(name="tax_settings", table="tax_settings", label="tax settings",
                      fields=(col("id", codec="int", read_only=True),))


# ------------------------------------------------------------------ tax classes

def _problem(status: int, title: str, detail: str, errors: Mapping[str, str] | None = None) -> StoreResponse:
    """The tax classes' problem envelope: ``{errors: [problem], meta: {}}``."""
    problem: dict[str, Any] = {"title": title, "status": status, "type": ERROR_TYPE, "detail": detail,
                               "code": status}
    if errors:
        problem["errors"] = dict(errors)
    return StoreResponse(status, dumps({"errors": [problem], "meta": {}}), {})


def _class_body(row: Mapping[str, Any]) -> dict[str, Any]:
    dates = {name: iso8601(row[name]) if isinstance(row.get(name), int) else row.get(name)
             for name in ("created_at", "updated_at")}
    return {"id": row["id"], "name": row.get("name", ""), **dates}


def _name_problem(name: object) -> str | None:
    if not isinstance(name, str) or not 1 <= len(name) <= 100:
        return "The name must be a string of 1 to 100 characters."
    if FORBIDDEN & set(name):
        return "The name cannot contain < > { } ` ( ) ; |."
    return None


def _write_classes(state: State, call: Call, updating: bool) -> StoreResponse:
    """POST (create) or PUT (update by ``id``) an array of tax classes, all or nothing."""
    body = call.body
    if not isinstance(body, list) or not body:
        return _problem(422, "Invalid batch", "The request body must be a non-empty JSON array.")
    if len(body) > MAX_CLASSES:
        return _problem(413, "Batch too large", f"At most {MAX_CLASSES} tax classes per request.")
    rows = state.tables["tax_classes"].rows
    errors: dict[str, str] = {}
    missing: list[str] = []
    seen_names: set[str] = set()
    seen_ids: set[int] = set()
    for index, item in enumerate(body):
        if not isinstance(item, dict):
            errors[f"{index}"] = "Each item must be a JSON object."
            continue
        if updating:
            item_id = item.get("id")
            if isinstance(item_id, bool) or not isinstance(item_id, int) or item_id < 1:
                errors[f"{index}.id"] = "The field 'id' must be a positive integer."
            elif item_id in seen_ids:
                errors[f"{index}.id"] = f"The id {item_id} is sent twice."
            elif item_id not in rows:
                missing.append(str(item_id))
            if isinstance(item_id, int):
                seen_ids.add(item_id)
        problem = _name_problem(item.get("name"))
        if problem is not None:
            errors[f"{index}.name"] = problem
        elif item["name"].lower() in seen_names:
            errors[f"{index}.name"] = f"The name '{item['name']}' is sent twice."
        else:
            seen_names.add(item["name"].lower())
    if errors:
        return _problem(422, "Invalid tax classes", "Some tax classes are not valid.", errors)
    if missing:
        return _problem(400, "Tax classes not found", f"No tax class has the id {', '.join(missing)}.")
    renamed = {item.get("id") for item in body} if updating else set()
    taken = {str(row.get("name", "")).lower(): row["id"] for row in rows.values() if row["id"] not in renamed}
    conflicts = {f"{index}.name": f"A tax class named '{item['name']}' exists."
                 for index, item in enumerate(body) if item["name"].lower() in taken}
    if conflicts:
        return _problem(409, "Duplicate tax class names", "Tax class names must be unique.", conflicts)
    resource = state.tables["tax_classes"].resource
    now = state.now()
    written = [merge_row(state, resource, rows[item["id"]], {"name": item["name"], "updated_at": now})
               if updating else
               insert_row(state, resource, None, {"name": item["name"], "created_at": now, "updated_at": now})
               for item in body]
    return data_response([_class_body(row) for row in written])


def _delete_classes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE ?id:in=: 404 without ids, 413 above 50, 422 for ids that are not integers, 400 for unknown ones."""
    raw = [part.strip() for part in call.query.get("id:in", "").split(",") if part.strip()]
    if not raw:
        return _problem(404, "Missing filter", "The id:in filter is required.")
    if len(raw) > MAX_CLASSES:
        return _problem(413, "Too many ids", f"At most {MAX_CLASSES} tax classes can be deleted at once.")
    if not all(part.isdigit() for part in raw):
        return _problem(422, "Invalid ids", "Every id in id:in must be an integer.")
    table = state.tables["tax_classes"]
    unknown = [part for part in raw if int(part) not in table.rows]
    if unknown:
        return _problem(400, "Delete failed", f"No tax class has the id {', '.join(unknown)}.")
    for part in raw:
        state.drop(table.resource, table.rows[int(part)])
    return NO_CONTENT


# ------------------------------------------------------------------ tax settings

SETTINGS_DEFAULTS: Mapping[str, Any] = {
    "tax_entered_with_prices": False,
    "price_display_settings": {"control_panel_price_display_strategy": "ZONE",
                               "invoice_price_display_strategy": "ZONE"},
    "fallback_strategy": "FIXED", "should_subtract_store_tax": True,
    "should_use_geolocation_to_determine_guest_shopper_tax_zone": False,
    "guest_shopper_tax_zone_id": 1, "store_tax_zone_id": 1,
    "document_submission_strategy": "ON_PAYMENT_CAPTURE", "rounding_strategy": "RATE_ROUNDING",
}
CHOICES: Mapping[str, tuple[str, ...]] = {
    "fallback_strategy": ("FIXED", "BASIC", "DISABLE"),
    "document_submission_strategy": ("ON_PAYMENT_CAPTURE", "ON_ORDER_CREATION"),
    "rounding_strategy": ("NO_ROUNDING", "RATE_ROUNDING"),
    "price_display_settings.control_panel_price_display_strategy": ("ZONE", "INCLUSIVE", "EXCLUSIVE"),
    "price_display_settings.invoice_price_display_strategy": ("ZONE", "INCLUSIVE", "EXCLUSIVE"),
}
SETTINGS_ID = 1


def _settings(state: State) -> dict[str, Any]:
    row = state.tables["tax_settings"].rows.get(SETTINGS_ID)
    stored: Mapping[str, Any] = row.get("settings", {}) if row is not None else {}
    display = {**SETTINGS_DEFAULTS["price_display_settings"], **stored.get("price_display_settings", {})}
    return {**SETTINGS_DEFAULTS, **stored, "price_display_settings": display}


def _setting_problem(key: str, value: Any, default: Any) -> str | None:
    choices = CHOICES.get(key)
    if choices is not None:
        return None if value in choices else f"Must be one of: {', '.join(choices)}."
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "Must be a boolean."
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "Must be a positive integer."
    return None


def _get_settings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(_settings(state))


def _put_settings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT: the fields sent replace the stored ones; unknown fields are ignored, wrong values 422."""
    body = call.body
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    values = _settings(state)
    errors: dict[str, str] = {}
    for key, value in body.items():
        if key not in SETTINGS_DEFAULTS:
            continue
        if key == "price_display_settings":
            if not isinstance(value, dict):
                errors[key] = "Must be an object."
                continue
            for inner, given in value.items():
                if inner in values[key]:
                    problem = _setting_problem(f"{key}.{inner}", given, None)
                    if problem is None:
                        values[key][inner] = given
                    else:
                        errors[f"{key}.{inner}"] = problem
            continue
        problem = _setting_problem(key, value, SETTINGS_DEFAULTS[key])
        if problem is None:
            values[key] = value
        else:
            errors[key] = problem
    if errors:
        raise invalid(errors, "Tax settings are not valid.")
    state.add_row("tax_settings", {"id": SETTINGS_ID, "settings": values})
    return data_response(values)


FAMILIES: Mapping[str, Family] = {family.name: family for family in (TAX_CLASSES, TAX_ZONES, TAX_RATES, TAX_SETTINGS)}

COLLECTION = {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_WHERE}

ROUTES: tuple[Route, ...] = (
    Route("tax/classes", "tax_classes", {"POST": "tax_classes_create", "PUT": "tax_classes_update",
                                         "DELETE": "tax_classes_delete"}),
    Route("tax/zones", "tax_zones", COLLECTION),
    Route("tax/rates", "tax_rates", COLLECTION),
    Route("tax/settings", "tax_settings", {"GET": "tax_settings_get", "PUT": "tax_settings_put"}),
)

ACTIONS: Mapping[str, Action] = {
    "tax_classes_create": lambda state, renderer, call: _write_classes(state, call, updating=False),
    "tax_classes_update": lambda state, renderer, call: _write_classes(state, call, updating=True),
    "tax_classes_delete": _delete_classes,
    "tax_settings_get": _get_settings,
    "tax_settings_put": _put_settings,
}
