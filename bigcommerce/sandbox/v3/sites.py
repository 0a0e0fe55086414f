"""v3 sites, channel sites and site routes (v3-resources.md §3.19, §3.20).

Rows of the state-only ``sites`` (one per channel; site 1 is channel 1's, in every store) and
``site_routes`` tables. Rules from ``sites.v3.yml`` and ``channels.v3.yml``: ``GET /sites``
takes ``page``/``limit`` but answers ``meta.pagination`` as ``{offset, limit, total_items}``
(§2.5) and filters ``channel_id:in`` and ``url_type:in``; ``POST /sites`` answers 201,
``DELETE /sites/{site_id}`` 204 (its routes go with it). ``/channels/{channel_id}/site`` is the
same site seen from its channel: POST creates it (200), DELETE answers 200 ``{}``;
``…/site/checkout-url`` PUT sets the checkout URL and answers the bare site object, its DELETE
answers 200 with empty ``data`` and ``meta`` (§2.4, §2.13). Routes: the list's pagination
spells ``total_page`` (singular); POST creates one route (201), ``PUT …/routes/{route_id}``
replaces one (201; ``type``, ``matching``, ``route`` required), ``PUT …/routes`` upserts an
array (``id`` only for existing routes; nothing saved if any item fails: 422 ``{meta:
{saved_records: 0}, errors: {"0.matching.type": ...}}``); a second route of a site with the
same ``type`` and ``matching`` is a 422; DELETE answers 204.

Choices: ``url`` and ``channel_id`` are required on a new site, which must name a channel
without one (422); URLs must be absolute http(s) URLs.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import insert_row, merge_row, remove_row
from bigcommerce.sandbox.state import SITE_ROUTES as ROUTE_ROWS
from bigcommerce.sandbox.state import SITES as SITE_ROWS
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, list_response
from bigcommerce.sandbox.v3.errors import SHORT_ERROR_TYPE, V3Error, bad_input, invalid, not_found
from bigcommerce.sandbox.v3.lists import filtered
from bigcommerce.sandbox.v3.query import page_meta
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import DELETE, GET, Action, Call, Family, Field, Route, col, computed, on

URL_TYPES = ("primary", "canonical", "checkout")
ROUTE_TYPES = ("product", "brand", "category", "page", "blog", "home", "cart", "checkout", "search", "account",
               "login", "returns", "static")

SITE_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("url", codec="str"),
    col("channel_id", codec="int", read_only=True),
    col("created_at", codec="date", read_only=True), col("updated_at", codec="date", read_only=True),
    col("ssl_status", codec="str", read_only=True),
    computed("urls", "site_urls"),
    computed("is_checkout_url_customized", "site_checkout_customized"),
)
ROUTE_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("type", codec="str", choices=ROUTE_TYPES),
    col("matching", codec="str"),
    col("route", codec="str"),
)

SITES = Family(name="sites", table="sites", label="site", fields=SITE_FIELDS,
               filters={"channel_id:in": on("channel_id", op="in", kind="int")})
SITE_ROUTES = Family(name="site_routes", table="site_routes", label="route", fields=ROUTE_FIELDS,
                     required=("type", "matching", "route"), filters={"type": on("type")},
                     parent_table="sites", parent_column="site_id")


# ------------------------------------------------------------------ sites

def _url(body: Mapping[str, Any], name: str = "url") -> str:
    value = body.get(name)
    if value is None:
        raise invalid({name: f"The field '{name}' is required."}, "The site was not valid.")
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise invalid({name: f"The field '{name}' must be an absolute http or https URL."}, "The site was not valid.")
    return str(value)


def _site_of(state: State, channel_id: int) -> dict[str, Any] | None:
    return next((row for row in state.tables["sites"].ordered().values() if row.get("channel_id") == channel_id),
                None)


def _new_site(state: State, body: object, channel_id: int | None) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    url = _url(body)
    if channel_id is None:
        channel_id = body.get("channel_id")
        if isinstance(channel_id, bool) or not isinstance(channel_id, int):
            raise invalid({"channel_id": "The field 'channel_id' is required and must be an integer."},
                          "The site was not valid.")
    if channel_id not in state.tables["channels"].rows:
        raise invalid({"channel_id": f"The channel {channel_id} does not exist."}, "The site was not valid.")
    if _site_of(state, channel_id) is not None:
        raise invalid({"channel_id": f"The channel {channel_id} already has a site."}, "The site was not valid.")
    return insert_row(state, SITE_ROWS, None, {"url": url, "channel_id": channel_id})


def list_sites(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    source = state.tables["sites"].ordered()
    raw = call.query.get("url_type:in")
    if raw:
        unknown = [part for part in raw.split(",") if part.strip() not in URL_TYPES]
        if unknown:
            raise invalid({"url_type:in": f"'{unknown[0]}' is not one of: {', '.join(URL_TYPES)}."},
                          "The filter 'url_type:in' is invalid.")
    page, items = filtered(state, renderer, SITES, source, call.query)
    meta = {"pagination": {"offset": page.offset, "limit": page.limit, "total_items": page.total}}
    return list_response(items, meta)


def create_site(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(renderer.render(SITES, _new_site(state, call.body, None)), status=201)


def update_site(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = state.tables["sites"].rows.get(call.ids[-1])
    if row is None:
        raise not_found("site")
    return data_response(renderer.render(SITES, _update(state, row, call.body)))


def _update(state: State, row: dict[str, Any], body: object) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_input("The request body must be a JSON object.")
    return merge_row(state, SITE_ROWS, row, {"url": _url(body)} if "url" in body else {})


# ------------------------------------------------------------------ a channel's site

def _channel_site(state: State, call: Call) -> dict[str, Any]:
    site = _site_of(state, call.ids[0])
    if site is None:
        raise not_found("site")
    return site


def get_channel_site(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(renderer.render(SITES, _channel_site(state, call)))


def create_channel_site(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(renderer.render(SITES, _new_site(state, call.body, call.ids[0])))


def update_channel_site(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return data_response(renderer.render(SITES, _update(state, _channel_site(state, call), call.body)))


def delete_channel_site(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    remove_row(state, SITE_ROWS, _channel_site(state, call))
    return StoreResponse(200, b"{}", {})


def set_checkout_url(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """The bare site object, no envelope (channels.v3.yml)."""
    site = _channel_site(state, call)
    if not isinstance(call.body, dict):
        raise bad_input("The request body must be a JSON object.")
    row = merge_row(state, SITE_ROWS, site, {"checkout_url": _url(call.body)})
    return StoreResponse(200, dumps(renderer.render(SITES, row)), {})


def delete_checkout_url(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    merge_row(state, SITE_ROWS, _channel_site(state, call), {"checkout_url": ""})
    return data_response({})


# ------------------------------------------------------------------ routes

def _route_fields(state: State, site_id: int, body: object, row: Mapping[str, Any] | None,
                  pending: list[dict[str, Any]], prefix: str = "") -> dict[str, Any]:
    """A route's stored fields, all three required; 422 naming the field, or ``matching.type`` for a twin."""
    if not isinstance(body, dict):
        raise invalid({prefix.rstrip(".") or "body": "Each route must be a JSON object."}, "The route was not valid.")
    errors, fields = {}, {}
    for name in ("type", "matching", "route"):
        value = body.get(name)
        if value is None:
            errors[f"{prefix}{name}"] = f"The field '{name}' is required."
        elif not isinstance(value, str):
            errors[f"{prefix}{name}"] = f"The field '{name}' must be a string."
        elif name == "type" and value not in ROUTE_TYPES:
            errors[f"{prefix}{name}"] = f"The field 'type' must be one of: {', '.join(ROUTE_TYPES)}."
        else:
            fields[name] = value
    if errors:
        raise invalid(errors, "The route was not valid.")
    siblings = [*state.tables["site_routes"].children(site_id).values(), *pending]
    if any(other is not row and other.get("id") != (row or {}).get("id", 0) and other.get("type") == fields["type"]
           and other.get("matching") == fields["matching"] for other in siblings):
        message = f"Route already exists for site {site_id} matching {fields['matching']} for type {fields['type']}"
        raise invalid({f"{prefix}matching.type": message}, "The route was not valid.")
    return fields


def _route(state: State, call: Call) -> dict[str, Any]:
    row = state.tables["site_routes"].rows.get(call.ids[-1])
    if row is None or row.get("site_id") != call.ids[0]:
        raise not_found("route")
    return row


def list_routes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    source = state.tables["site_routes"].children(call.ids[0])
    page, items = filtered(state, renderer, SITE_ROUTES, source, call.query)
    return list_response(items, _route_meta(page_meta(SITE_ROUTES, page, call.query)))


def _route_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The routes' pagination spells ``total_page`` (sites.v3.yml)."""
    pagination = meta["pagination"]
    pagination["total_page"] = pagination.pop("total_pages")
    return meta


def create_route(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    site_id = call.ids[0]
    fields = _route_fields(state, site_id, call.body, None, [])
    return data_response(renderer.render(SITE_ROUTES, insert_row(state, ROUTE_ROWS, site_id, fields)), status=201)


def replace_route(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = _route(state, call)
    fields = _route_fields(state, call.ids[0], call.body, row, [])
    return data_response(renderer.render(SITE_ROUTES, merge_row(state, ROUTE_ROWS, row, fields)), status=201)


def upsert_routes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT of an array: items with ``id`` update that route, others create one; all or nothing."""
    site_id, body = call.ids[0], call.body
    if not isinstance(body, list):
        raise bad_input("The request body must be a JSON array.")
    routes = state.tables["site_routes"].rows
    planned: list[tuple[dict[str, Any] | None, dict[str, Any]]] = []
    errors: dict[str, str] = {}
    for index, item in enumerate(body):
        row = None
        if isinstance(item, dict) and item.get("id") is not None:
            row = routes.get(item["id"])
            if row is None or row.get("site_id") != site_id:
                errors[f"{index}.id"] = f"The route {item['id']} does not exist on site {site_id}."
                continue
        try:
            pending = [{**(old or {}), **fields} for old, fields in planned]
            planned.append((row, _route_fields(state, site_id, item, row, pending, f"{index}.")))
        except V3Error as error:
            errors.update(error.errors)
    if errors:
        body_out = {"meta": {"saved_records": 0}, "title": "Bulk operation has failed", "type": SHORT_ERROR_TYPE,
                    "errors": errors, "status": 422}
        return StoreResponse(422, dumps(body_out), {})
    written = [merge_row(state, ROUTE_ROWS, row, fields) if row is not None
               else insert_row(state, ROUTE_ROWS, site_id, fields) for row, fields in planned]
    count = len(written)
    pagination = {"total": count, "count": count, "per_page": count, "current_page": 1, "total_page": 1,
                  "links": {"current": f"?page=1&limit={count}"}}
    return data_response([renderer.render(SITE_ROUTES, row) for row in written], {"pagination": pagination})


FAMILIES: Mapping[str, Family] = {family.name: family for family in (SITES, SITE_ROUTES)}

ACTIONS: Mapping[str, Action] = {
    "list_sites": list_sites, "create_site": create_site, "update_site": update_site,
    "get_channel_site": get_channel_site, "create_channel_site": create_channel_site,
    "update_channel_site": update_channel_site, "delete_channel_site": delete_channel_site,
    "set_checkout_url": set_checkout_url, "delete_checkout_url": delete_checkout_url,
    "list_routes": list_routes, "create_route": create_route, "replace_route": replace_route,
    "upsert_routes": upsert_routes,
}

ROUTES: tuple[Route, ...] = (
    Route("sites", "sites", {"GET": "list_sites", "POST": "create_site"}),
    Route("sites/{site_id}", "sites", {"GET": GET, "PUT": "update_site", "DELETE": DELETE}),
    Route("channels/{channel_id}/site", "sites",
          {"GET": "get_channel_site", "POST": "create_channel_site", "PUT": "update_channel_site",
           "DELETE": "delete_channel_site"}),
    Route("channels/{channel_id}/site/checkout-url", "sites",
          {"PUT": "set_checkout_url", "DELETE": "delete_checkout_url"}),
    Route("sites/{site_id}/routes", "site_routes",
          {"GET": "list_routes", "POST": "create_route", "PUT": "upsert_routes"}, per_parent=True),
    Route("sites/{site_id}/routes/{route_id}", "site_routes",
          {"GET": GET, "PUT": "replace_route", "DELETE": DELETE}, per_parent=True),
)
