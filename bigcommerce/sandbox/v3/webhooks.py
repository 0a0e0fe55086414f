"""v3 webhooks over the shared ``hooks`` rows (v3-resources.md §3.24).

A v3 hook IS a v2 ``hooks`` row: one created through ``/v3/hooks`` is listed by ``/v2/hooks``
and the other way round; v3 wraps it in ``{data, meta}`` and pages the list by offset.
Rules from ``webhooks.v3.yml``: ``scope`` and ``destination`` are required; ``scope`` must be
one of the events the spec documents (wildcards such as ``store/order/*`` included); the
destination must be an https URL on port 443 ("custom ports are not currently supported");
``is_active`` is a boolean (a new hook is inactive unless ``true`` is sent, api-facts.md §13);
``headers`` an object of strings or null; ``created_at``/``updated_at`` are Unix epoch
integers; a PUT needs at least one field; ``DELETE /hooks/{webhook_id}`` answers 200 with the
deleted hook (§2.13). The list filters ``is_active``, ``scope`` and ``destination``.
``/hooks/admin``: GET answers the notification emails, every hook with its ``status``
(``active``/``inactive``; ``is_active`` filters them) and no blocked domains (the sandbox never
calls a destination); PUT sets the emails (``emails`` required, an array of addresses) and
answers 204.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse
from bigcommerce.sandbox.rows import remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import V3Error, bad_input, invalid
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import LIST, Action, Call, Family, Field, Route, col, on
from bigcommerce.sandbox.v3.writes import ItemError, apply, prepare
from bigcommerce.sandbox.values import to_bool

# The events of the spec's webhook payload schemas (their titles).
_EVENTS = """
store/app/uninstalled
store/cart/* store/cart/abandoned store/cart/converted store/cart/couponApplied store/cart/created
store/cart/deleted store/cart/updated store/cart/lineItem/* store/cart/lineItem/created
store/cart/lineItem/deleted store/cart/lineItem/updated
store/category/* store/category/created store/category/deleted store/category/updated
store/channel/* store/channel/created store/channel/updated
store/customer/* store/customer/created store/customer/deleted store/customer/updated
store/customer/address/created store/customer/address/deleted store/customer/address/updated
store/customer/payment/instrument/default/updated
store/information/updated
store/order/* store/order/archived store/order/created store/order/message/created
store/order/refund/created store/order/statusUpdated store/order/updated
store/product/* store/product/created store/product/deleted store/product/updated
store/product/inventory/order/updated store/product/inventory/updated
store/shipment/* store/shipment/created store/shipment/deleted store/shipment/updated
store/sku/* store/sku/created store/sku/deleted store/sku/updated store/sku/inventory/order/updated
store/sku/inventory/updated
store/subscriber/* store/subscriber/created store/subscriber/deleted store/subscriber/updated
"""
SCOPES = frozenset(_EVENTS.split())
INVALID_JSON = "JSON data is missing or invalid"

HOOK_FIELDS: tuple[Field, ...] = (  # the order of the spec's example
    col("id", codec="int", read_only=True),
    col("client_id", codec="str", read_only=True), col("store_hash", codec="str", read_only=True),
    col("created_at", codec="int", read_only=True), col("updated_at", codec="int", read_only=True),
    col("scope", codec="str"), col("destination", codec="str"),
    col("is_active", codec="bool"),
    col("headers", codec="dict_or_null"),
)

WEBHOOKS = Family(
    name="webhooks", table="hooks", label="webhook", fields=HOOK_FIELDS, required=("scope", "destination"),
    filters={"is_active": on("is_active", kind="bool"), "scope": on("scope"), "destination": on("destination")},
)


def _check(body: Mapping[str, Any]) -> None:
    """The spec's rules beyond types: a documented scope, an https destination on port 443, string headers."""
    errors = {}
    scope = body.get("scope")
    if isinstance(scope, str) and scope not in SCOPES:
        errors["scope"] = f"'{scope}' is not a webhook event (for example store/order/created or store/order/*)."
    destination = body.get("destination")
    if isinstance(destination, str):
        try:
            parts = urlsplit(destination)
            port = parts.port
        except ValueError:
            parts, port = urlsplit(""), None
        if parts.scheme != "https" or not parts.hostname:
            errors["destination"] = "The destination must be an https URL."
        elif port not in (None, 443):
            errors["destination"] = "The destination must be served on port 443; custom ports are not supported."
    headers = body.get("headers")
    if isinstance(headers, dict) and not all(isinstance(value, str) for value in headers.values()):
        errors["headers"] = "Every header value must be a string."
    if errors:
        raise invalid(errors, INVALID_JSON)


def _find(state: State, call: Call) -> dict[str, Any]:
    row = state.tables["hooks"].rows.get(call.ids[-1])
    if row is None:
        raise V3Error(404, f"Webhook with id [{call.ids[-1]}] not found")
    return row


def _write(state: State, renderer: Renderer, body: object, row: dict[str, Any] | None) -> StoreResponse:
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    try:
        prepared = prepare(state, FAMILIES, WEBHOOKS, body, row=row)
    except ItemError as exc:
        raise V3Error(exc.status, INVALID_JSON, exc.errors) from None
    _check(body)
    return data_response(renderer.render(WEBHOOKS, apply(state, prepared)))


def create_hook(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return _write(state, renderer, call.body, None)


def update_hook(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = _find(state, call)
    writable = {item.name for item in HOOK_FIELDS if not item.read_only}
    if isinstance(call.body, dict) and not writable & set(call.body):
        raise invalid({"body": f"Give at least one of: {', '.join(sorted(writable))}."},
                      "The webhook update needs at least one field.")
    return _write(state, renderer, call.body, row)


def delete_hook(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """200 with the deleted hook, not 204."""
    row = _find(state, call)
    shown = renderer.render(WEBHOOKS, row)
    remove_row(state, state.tables["hooks"].resource, row)
    return data_response(shown)


def get_hook(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(renderer.render(WEBHOOKS, _find(state, call)))


def get_admin(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    hooks = list(state.tables["hooks"].ordered().values())
    raw = call.query.get("is_active")
    if raw is not None:
        try:
            wanted = to_bool(raw)
        except ValueError:
            raise invalid({"is_active": f"'{raw}' is not true or false."},
                          "The filter 'is_active' is invalid.") from None
        hooks = [row for row in hooks if bool(row.get("is_active")) == wanted]
    listed = [{**renderer.render(WEBHOOKS, row), "status": "active" if row.get("is_active") else "inactive"}
              for row in hooks]
    settings = state.tables["hook_admin"].rows.get(1, {})
    pagination = {"total": len(listed), "count": len(listed), "per_page": max(len(listed), 1), "current_page": 1,
                  "total_pages": 1, "links": {"current": "?page=1"}}
    return data_response({"emails": list(settings.get("emails") or ()), "hooks_list": listed, "blocked_domains": []},
                         {"pagination": pagination})


def set_admin(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """Upsert the notification emails: 204."""
    body = call.body
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    emails = body.get("emails")
    if emails is None:
        raise invalid({"emails": "error.path.missing"}, INVALID_JSON)
    if not isinstance(emails, list) or not all(isinstance(email, str) and "@" in email for email in emails):
        raise invalid({"emails": "The field 'emails' must be an array of email addresses."}, INVALID_JSON)
    state.add_row("hook_admin", {"id": 1, "emails": list(emails)})
    return NO_CONTENT


FAMILIES: Mapping[str, Family] = {WEBHOOKS.name: WEBHOOKS}

ACTIONS: Mapping[str, Action] = {"create_hook": create_hook, "update_hook": update_hook,
                                 "delete_hook": delete_hook, "get_hook": get_hook, "get_admin": get_admin,
                                 "set_admin": set_admin}

ROUTES: tuple[Route, ...] = (
    Route("hooks", "webhooks", {"GET": LIST, "POST": "create_hook"}),
    Route("hooks/{webhook_id}", "webhooks", {"GET": "get_hook", "PUT": "update_hook", "DELETE": "delete_hook"}),
    Route("hooks/admin", "webhooks", {"GET": "get_admin", "PUT": "set_admin"}),
)
