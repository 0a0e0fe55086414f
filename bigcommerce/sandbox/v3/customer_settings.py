"""v3 customer settings and customer metafields (v3-resources.md §3.8).

Settings are singletons in the state-only ``customer_settings`` table: id 0 holds the store's,
any other id a channel's overrides (the channel must exist: 404). A channel's field that was
never set, or was set to ``null``, is shown as ``null`` and inherits the store's value; the
store's fields start at the spec's zero values. Customer group ids name existing groups (0: none).
Customer metafields are ``metafields`` rows with ``resource_type`` customer, served as every
metafield family is (``metafields.metafields_of``); the path parameters are camelCase.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import bad_input, invalid, not_found
from bigcommerce.sandbox.v3.metafields import METAFIELD_FILTERS, metafield_routes, metafields_of
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    Action,
    Call,
    Family,
    Route,
    col,
    id_filters,
)

CUSTOMER_METAFIELDS = metafields_of("customer_metafields", "customer", "customers", parent_label="customer",
                                    filters={**METAFIELD_FILTERS, **id_filters()})
CUSTOMER_SETTINGS = Family(name="customer_settings", table="customer_settings", label="customer settings",
                           fields=(col("id", codec="int", read_only=True),))

GLOBAL_ID = 0
# Group -> field -> the store's starting value; its type is each field's type.
GROUPS: Mapping[str, Mapping[str, Any]] = {
    "privacy_settings": {"ask_shopper_for_tracking_consent": False, "policy_url": "",
                         "ask_shopper_for_tracking_consent_on_checkout": False},
    "customer_group_settings": {"guest_customer_group_id": 0, "default_customer_group_id": 0},
}


def _settings_id(state: State, call: Call) -> int:
    """0 for the store; a channel's id (the path's text parameter), which must name a channel."""
    if not call.keys:
        return GLOBAL_ID
    raw = call.keys[0]
    if not raw.isdigit() or int(raw) not in state.tables["channels"].rows:
        raise not_found("channel")
    return int(raw)


def _shown(state: State, settings_id: int) -> dict[str, Any]:
    row = state.tables["customer_settings"].rows.get(settings_id) or {}
    channel = settings_id != GLOBAL_ID
    body: dict[str, Any] = {}
    for group, defaults in GROUPS.items():
        stored = row.get(group) or {}
        body[group] = {name: stored.get(name, None if channel else default) for name, default in defaults.items()}
    if channel:
        allowed = row.get("allow_global_logins")
        body["allow_global_logins"] = True if allowed is None else allowed
    return body


def _problem(state: State, name: str, value: Any, default: Any, channel: bool) -> str | None:
    if value is None:
        return None if channel else "Must not be null."
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "Must be a boolean."
    if isinstance(default, str):
        return None if isinstance(value, str) else "Must be a string."
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "Must be a customer group id (0: none)."
    if value and value not in state.tables["customer_groups"].rows:
        return f"The customer group {value} does not exist."
    return None


def _get(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(_shown(state, _settings_id(state, call)))


def _put(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT: the fields sent replace the stored ones (``null`` in a channel: inherit again)."""
    settings_id = _settings_id(state, call)
    channel = settings_id != GLOBAL_ID
    body = call.body
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    row = dict(state.tables["customer_settings"].rows.get(settings_id) or {"id": settings_id})
    errors: dict[str, str] = {}
    for group, defaults in GROUPS.items():
        given = body.get(group)
        if given is None:
            continue
        if not isinstance(given, dict):
            errors[group] = "Must be an object."
            continue
        stored = dict(row.get(group) or {})
        for name, value in given.items():
            if name not in defaults:
                continue
            problem = _problem(state, name, value, defaults[name], channel)
            if problem is not None:
                errors[f"{group}.{name}"] = problem
            elif value is None:
                stored.pop(name, None)
            else:
                stored[name] = value
        row[group] = stored
    if channel and "allow_global_logins" in body:
        allowed = body["allow_global_logins"]
        if allowed is not None and not isinstance(allowed, bool):
            errors["allow_global_logins"] = "Must be a boolean or null."
        row["allow_global_logins"] = allowed
    if errors:
        raise invalid(errors, "Customer settings are not valid.")
    state.add_row("customer_settings", row)
    return data_response(_shown(state, settings_id))


FAMILIES: Mapping[str, Family] = {family.name: family for family in (CUSTOMER_METAFIELDS, CUSTOMER_SETTINGS)}

SETTINGS_OPS = {"GET": "customer_settings_get", "PUT": "customer_settings_put"}

ROUTES: tuple[Route, ...] = (
    *metafield_routes("customers/{customerId}", "customer_metafields", item="metafieldId"),
    Route("customers/settings", "customer_settings", SETTINGS_OPS),
    Route("customers/settings/channels/{channel_id}", "customer_settings", SETTINGS_OPS, text_params=1),
)

ACTIONS: Mapping[str, Action] = {"customer_settings_get": _get, "customer_settings_put": _put}
