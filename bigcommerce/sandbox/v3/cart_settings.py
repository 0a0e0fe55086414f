"""v3 cart settings: the store's and each channel's ``allow_purchasing`` (v3-resources.md §3.21).

``carts.v3.yml``: GET/PUT /carts/settings answer ``{data: {allow_purchasing}, meta}`` (true until
set; the PUT requires a boolean, else 422); GET/PUT /carts/settings/channels/{channel_id} answer a
channel's override, null while the channel follows the store (the PUT takes a boolean or null).
An unknown channel is a 404. Rows of the state-only ``cart_settings`` table: id 0 the store's.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import invalid, not_found
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Route, col

STORE_SETTINGS_ID = 0

CART_SETTINGS = Family(name="cart_settings", table="cart_settings", label="cart settings",
                       fields=(col("allow_purchasing", codec="bool"),))


def _settings_id(state: State, call: Call) -> int:
    if not call.ids:
        return STORE_SETTINGS_ID
    if call.ids[0] not in state.tables["channels"].rows:
        raise not_found("channel")
    return call.ids[0]


def _value(state: State, settings_id: int) -> Any:
    stored = state.tables["cart_settings"].rows.get(settings_id, {}).get("allow_purchasing")
    return True if stored is None and settings_id == STORE_SETTINGS_ID else stored


def _get(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response({"allow_purchasing": _value(state, _settings_id(state, call))})


def _put(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    settings_id = _settings_id(state, call)
    body = call.body if isinstance(call.body, dict) else {}
    given = body.get("allow_purchasing")
    if settings_id == STORE_SETTINGS_ID and not isinstance(given, bool):
        raise invalid({"allow_purchasing": "allow_purchasing is required and must be a boolean."},
                      "The cart settings are not valid.")
    if settings_id != STORE_SETTINGS_ID and "allow_purchasing" in body and not isinstance(given, (bool, type(None))):
        raise invalid({"allow_purchasing": "allow_purchasing must be a boolean or null."},
                      "The cart settings are not valid.")
    if "allow_purchasing" in body:
        state.add_row("cart_settings", {"id": settings_id, "allow_purchasing": given})
    return data_response({"allow_purchasing": _value(state, settings_id)})


FAMILIES: Mapping[str, Family] = {CART_SETTINGS.name: CART_SETTINGS}

ACTIONS: Mapping[str, Action] = {"cart_settings_get": _get, "cart_settings_put": _put}

ROUTES: tuple[Route, ...] = (
    Route("carts/settings", "cart_settings", {"GET": "cart_settings_get", "PUT": "cart_settings_put"}),
    Route("carts/settings/channels/{channel_id}", "cart_settings",
          {"GET": "cart_settings_get", "PUT": "cart_settings_put"}),
)
