"""v3 channels, channel currency assignments and channel metafields (v3-resources.md §3.19).

Channels have no v2 resource: they are rows of the state-only ``channels`` table, and every
store has channel 1, its own ``storefront``/``bigcommerce`` channel (``seed.reference``). Rules
from ``channels.v3.yml``: ``name``, ``type`` and ``platform`` are required and the pair must be
one the spec's platform table accepts; the writable statuses depend on the type (``deleted``
is not valid on POST, ``prelaunch`` not on PUT, ``terminated`` never); ``type`` and
``platform`` cannot change; a ``deleted`` or ``terminated`` channel cannot be updated; a second
channel with the same name, platform and type is a 409; there is no DELETE. ``available``
filters on the statuses the spec lists. A currency assignment is stored on its channel
(``enabled_currencies``, ``default_currency``); until one is set, or after its DELETE, the
channel inherits the store's enabled currencies and default (the v2 ``currencies`` rows), and
only those currencies can be assigned. Channel metafields are ``metafields`` rows with
``resource_type`` ``channel``, answered in the ``{data, meta}`` envelope every other metafield
family uses (the spec declares the per-channel answers bare, §2.4; clients accept both).

Choices: channel names may also hold spaces (the spec's own examples do); a new channel's
status defaults to ``prelaunch`` for storefronts and ``connected`` otherwise, and
``is_listable_from_ui`` to true for storefront and POS channels; a currency assignment's
DELETE answers ``{data: <assignments removed>}`` (1, or 0 when the channel inherited).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import CHANNELS as CHANNEL_ROWS
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, list_response
from bigcommerce.sandbox.v3.errors import V3Error, bad_input, invalid
from bigcommerce.sandbox.v3.lists import filtered
from bigcommerce.sandbox.v3.metafields import metafield_routes, metafields_of
from bigcommerce.sandbox.v3.platform_fields import currency_assignment, store_currencies
from bigcommerce.sandbox.v3.query import page_meta
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    GET,
    Action,
    Call,
    Family,
    Field,
    Route,
    bounds,
    col,
    computed,
    on,
)
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare
from bigcommerce.sandbox.values import to_bool

POS, MARKETPLACE, STOREFRONT, MARKETING = "pos", "marketplace", "storefront", "marketing"
TYPES = (POS, MARKETPLACE, STOREFRONT, MARKETING)
STATUSES = ("active", "prelaunch", "inactive", "connected", "disconnected", "archived", "deleted", "terminated")
# The statuses a channel of each type can be given (the spec's "Status" table).
WRITABLE_STATUSES: Mapping[str, tuple[str, ...]] = {
    STOREFRONT: ("prelaunch", "active", "inactive", "archived", "deleted"),
    **dict.fromkeys((POS, MARKETPLACE, MARKETING), ("connected", "disconnected", "archived", "deleted")),
}
NOT_ON_CREATE, NOT_ON_UPDATE = ("deleted", "terminated"), ("prelaunch", "terminated")
CLOSED = ("deleted", "terminated")  # such a channel cannot be updated
AVAILABLE = frozenset({"prelaunch", "active", "inactive", "connected"})  # ``available=true``

_MARKETPLACES = ("amazon belk catch ebay etsy hudsons_bay macys mirakl overstock pinterest target_plus tiktok "
                 "wayfair wish walmart")
_STOREFRONTS = "acquia bigcommerce bloomreach catalyst deity drupal gatsby next vue wordpress"
# The spec's "Platform" table: platform -> the types it accepts.
PLATFORM_TYPES: Mapping[str, tuple[str, ...]] = {
    **dict.fromkeys("clover square stripe talech vend".split(), (POS,)),
    **dict.fromkeys(_MARKETPLACES.split(), (MARKETPLACE,)),
    **dict.fromkeys(("facebook", "google", "instagram", "meta"), (MARKETPLACE, MARKETING)),
    "google_shopping": (MARKETING,), "microsoft": (MARKETING,),
    **dict.fromkeys(_STOREFRONTS.split(), (STOREFRONT,)),
    "custom": TYPES,
}
NAME = re.compile(r"^[A-Za-z0-9 _-]+$")
NAME_TITLE = "Only latin alphabet letters, arabic numerals, dash and underscore are allowed to be used as channel name."
INVALID_JSON = "JSON data is missing or invalid"

CHANNEL_FIELDS: tuple[Field, ...] = (  # the order of the spec's examples
    col("id", codec="int", read_only=True),
    computed("icon_url", "channel_icon_url"),
    col("is_listable_from_ui", codec="bool"), col("is_visible", codec="bool"),
    col("date_created", codec="date", read_only=True),
    col("external_id", codec="str"),
    col("type", codec="str", choices=TYPES), col("platform", codec="str", min_length=1),
    col("date_modified", codec="date", read_only=True),
    col("name", codec="str", min_length=1),
    col("status", codec="str", choices=STATUSES),
    computed("currencies", "channel_currencies", include="currencies"),
)

_DATES = {**bounds("date_created", "date"), **bounds("date_modified", "date")}

CHANNELS = Family(
    name="channels", table="channels", label="channel", fields=CHANNEL_FIELDS,
    required=("name", "type", "platform"),
    filters={"status:in": on("status", op="in"), "type:in": on("type", op="in"),
             "platform:in": on("platform", op="in"), **_DATES},
)

# Rendered by hand (``currency_assignment``): the family names the channels table for the 404 check.
CURRENCY_ASSIGNMENTS = Family(name="currency_assignments", table="channels", label="currency assignment",
                              fields=(), parent_table="channels")

CHANNEL_METAFIELDS = metafields_of("channel_metafields", "channel", "channels")


# ------------------------------------------------------------------ channels

def _prepared(state: State, body: object, row: dict[str, Any] | None = None) -> Prepared:
    try:
        return prepare(state, FAMILIES, CHANNELS, body, row=row)
    except ItemError as exc:
        raise V3Error(exc.status, INVALID_JSON, exc.errors) from None


def _check(state: State, fields: Mapping[str, Any], row: Mapping[str, Any] | None) -> None:
    """Name characters, the status the type allows, and no twin of name, platform and type (409)."""
    current = {**CHANNEL_ROWS.fields, **(row or {}), **fields}
    kind, platform, name, status = current["type"], current["platform"], current["name"], current["status"]
    if "name" in fields and not NAME.match(name):
        raise invalid({"name": NAME_TITLE}, NAME_TITLE)
    if "status" in fields:
        refused = NOT_ON_CREATE if row is None else NOT_ON_UPDATE
        if status in refused or status not in WRITABLE_STATUSES.get(kind, ()):
            raise invalid({"status": f"The status '{status}' is not valid for a {kind} channel here."},
                          f"Input channel status [{status}] is not supported for channel type [{kind}]")
    for other in state.tables["channels"].rows.values():
        if other is not row and (str(other.get("name", "")).casefold(), other.get("platform"),
                                 other.get("type")) == (name.casefold(), platform, kind):
            raise V3Error(409, f'Channel already exists with name: "{name}", platform: "{platform}", and type: '
                               f'"{kind}"', {"name": "A channel with this name, platform and type exists."})


def list_channels(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    source = state.tables["channels"].ordered()
    raw = call.query.get("available")
    if raw is not None:
        try:
            wanted = to_bool(raw)
        except ValueError:
            raise invalid({"available": f"'{raw}' is not true or false."},
                          "The filter 'available' is invalid.") from None
        source = {key: row for key, row in source.items() if (row.get("status") in AVAILABLE) == wanted}
    page, items = filtered(state, renderer, CHANNELS, source, call.query)
    return list_response(items, page_meta(CHANNELS, page, call.query))


def create_channel(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    prepared = _prepared(state, call.body)
    fields = prepared.fields
    kind, platform = fields["type"], fields["platform"]
    if kind not in PLATFORM_TYPES.get(platform, ()):
        raise invalid({"platform": f"The platform '{platform}' does not take the type '{kind}'."},
                      f"Input channel type [{kind}] with platform [{platform}] is not supported")
    fields.setdefault("status", "prelaunch" if kind == STOREFRONT else "connected")
    fields.setdefault("is_listable_from_ui", kind in (STOREFRONT, POS))
    _check(state, fields, None)
    return data_response(renderer.render(CHANNELS, apply(state, prepared)))


def update_channel(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = _channel(state, call.ids[0])
    if row.get("status") in CLOSED:
        raise invalid({"status": f"The channel is {row.get('status')}."},
                      f"A {row.get('status')} channel cannot be updated. Channel can be restored within 90 days "
                      "after deleting by contacting BigCommerce support team")
    prepared = _prepared(state, call.body, row)
    fixed: dict[str, str] = {name: f"The field '{name}' can not be updated after channel is created."
             for name in ("type", "platform") if name in prepared.fields and prepared.fields[name] != row.get(name)}
    if fixed:
        raise invalid(fixed, f"The following fields are invalid: {', '.join(fixed)}")
    for name in ("type", "platform"):
        prepared.fields.pop(name, None)
    _check(state, prepared.fields, row)
    return data_response(renderer.render(CHANNELS, apply(state, prepared)))


def _channel(state: State, channel_id: int) -> dict[str, Any]:
    row = state.tables["channels"].rows.get(channel_id)
    if row is None:
        raise V3Error(404, "The requested entity was not found.")
    return row


# ------------------------------------------------------------------ currency assignments

def _assignment(state: State, item: object, prefix: str = "") -> tuple[list[str], str]:
    """The currencies an assignment names, checked against the store's enabled ones (422)."""
    if not isinstance(item, dict):
        raise invalid({prefix.rstrip(".") or "body": "error.expected.jsobject"}, INVALID_JSON)
    enabled, default = item.get("enabled_currencies"), item.get("default_currency")
    errors = {}
    if enabled is None:
        errors[f"{prefix}enabled_currencies"] = "error.path.missing"
    elif not isinstance(enabled, list) or not all(isinstance(code, str) for code in enabled):
        errors[f"{prefix}enabled_currencies"] = "error.expected.jsarray"
    if default is None:
        errors[f"{prefix}default_currency"] = "error.path.missing"
    elif not isinstance(default, str):
        errors[f"{prefix}default_currency"] = "error.expected.jsstring"
    if errors:
        raise invalid(errors, INVALID_JSON)
    assert isinstance(enabled, list) and isinstance(default, str)
    known, _ = store_currencies(state)
    unknown = [code for code in enabled if code not in known]
    if unknown:
        message = f"The field `enabled_currencies` contains the following currencies that have not been enabled " \
                  f"[{', '.join(unknown)}]"
        raise invalid({"enabled_currencies": message}, "The following fields are invalid: `enabled_currencies`")
    if default not in enabled:
        raise invalid({"default_currency": "The default currency must be one of the enabled currencies."},
                      "The following fields are invalid: `default_currency`")
    return list(dict.fromkeys(enabled)), default


def _assign(state: State, row: dict[str, Any], currencies: tuple[list[str] | None, str | None]) -> None:
    enabled, default = currencies
    merge_row(state, CHANNEL_ROWS, row, {"enabled_currencies": enabled, "default_currency": default})


def list_assignments(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    rows = state.tables["channels"].ordered().values()
    return data_response([currency_assignment(state, row) for row in rows])


def set_assignments(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST or PUT of an array of assignments: every item checked, then all written (or none)."""
    if not isinstance(call.body, list):
        raise bad_input("The request body must be a JSON array.")
    channels = state.tables["channels"].rows
    checked = []
    for index, item in enumerate(call.body):
        channel_id = item.get("channel_id") if isinstance(item, dict) else None
        if isinstance(channel_id, bool) or not isinstance(channel_id, int):
            reason = "error.path.missing" if channel_id is None else "error.expected.jsnumber"
            raise invalid({f"{index}.channel_id": reason}, INVALID_JSON)
        checked.append((channel_id, _assignment(state, item, f"{index}.")))
    missing = [channel_id for channel_id, _ in checked if channel_id not in channels]
    if missing:
        raise invalid({"channel_id": f"No channel has the id {missing[0]}."},
                      f"The following `channel_id`s {missing} are not valid for store {state.store_hash}.")
    for channel_id, currencies in checked:
        _assign(state, channels[channel_id], currencies)
    return data_response([currency_assignment(state, channels[channel_id]) for channel_id, _ in checked])


def get_assignment(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(currency_assignment(state, state.tables["channels"].rows[call.ids[0]]))


def set_assignment(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = state.tables["channels"].rows[call.ids[0]]
    _assign(state, row, _assignment(state, call.body))
    return data_response(currency_assignment(state, row))


def delete_assignment(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = state.tables["channels"].rows[call.ids[0]]
    removed = int(row.get("enabled_currencies") is not None)
    _assign(state, row, (None, None))
    return data_response(removed)


FAMILIES: Mapping[str, Family] = {family.name: family for family in (CHANNELS, CURRENCY_ASSIGNMENTS,
                                                                      CHANNEL_METAFIELDS)}

ACTIONS: Mapping[str, Action] = {
    "list_channels": list_channels, "create_channel": create_channel, "update_channel": update_channel,
    "list_assignments": list_assignments, "set_assignments": set_assignments, "get_assignment": get_assignment,
    "set_assignment": set_assignment, "delete_assignment": delete_assignment,
}

ROUTES: tuple[Route, ...] = (
    Route("channels", "channels", {"GET": "list_channels", "POST": "create_channel"}),
    Route("channels/{channel_id}", "channels", {"GET": GET, "PUT": "update_channel"}),
    Route("channels/currency-assignments", "currency_assignments",
          {"GET": "list_assignments", "POST": "set_assignments", "PUT": "set_assignments"}),
    Route("channels/{channel_id}/currency-assignments", "currency_assignments",
          {"GET": "get_assignment", "POST": "set_assignment", "PUT": "set_assignment",
           "DELETE": "delete_assignment"}, per_parent=True),
    *metafield_routes("channels/{channel_id}", "channel_metafields"),
)
