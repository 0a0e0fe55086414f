"""The v2 endpoints outside the catalog's CRUD pattern: ``/store``, ``/time``, ``/blog/tags``...

``catalog.SPECIAL_ROUTES`` maps (method, path) to a handler name, ``HANDLERS`` the name to
its function ``(state, method, params, query, body) -> StoreResponse``. Also here: the
``GET /store`` profile (also the GraphQL ``store`` object) and the consignment view of
an order, which ``include=consignments`` adds to order bodies too.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.catalog import ADDRESS_FIELDS, BY_NAME
from bigcommerce.sandbox.responses import NO_CONTENT, NOT_AN_OBJECT, ApiError, StoreResponse, invalid, ok, required
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v2.query import parse_paging
from bigcommerce.sandbox.v2.render import link, render
from bigcommerce.sandbox.v2.routes import int_param

Handler = Callable[[State, str, Mapping[str, str], Mapping[str, str], Any], StoreResponse]


def store_profile(state: State) -> dict[str, Any]:
    """The ``GET /store`` body: fields of the S21 example, values of this sandbox."""
    host = f"store-{state.store_hash}.mybigcommerce.com"
    currency = next((row for row in state.table("currencies").rows.values() if row.get("is_default")), {})
    return {
        "id": state.store_hash,
        "domain": host,
        "secure_url": state.base_url or f"https://{host}",
        "control_panel_base_url": f"https://{host}",
        "status": "live",
        "name": "Sandbox Store",
        "first_name": "Jane",
        "last_name": "Doe",
        "address": "100 Congress Avenue\nAustin, TX 78701\nUnited States",
        "country": "United States",
        "country_code": "US",
        "phone": "512-555-0100",
        "admin_email": "jane.doe@example.com",
        "order_email": f"orders@{host}",
        "favicon_url": f"https://cdn11.bigcommerce.com/s-{state.store_hash}/product_images/favicon.ico",
        "timezone": {
            "name": "America/Chicago", "raw_offset": -21600, "dst_offset": -18000,
            "dst_correction": True,
            "date_format": {"display": "M jS Y", "export": "M jS Y", "extended_display": "M jS Y @ g:i A"},
        },
        "language": "en",
        "currency": currency.get("currency_code", "USD"),
        "currency_symbol": currency.get("token", "$"),
        "decimal_separator": currency.get("decimal_token", "."),
        "thousands_separator": currency.get("thousands_token", ","),
        "decimal_places": currency.get("decimal_places", 2),
        "currency_symbol_location": currency.get("token_location", "left"),
        "weight_units": "LBS",
        "dimension_units": "Inches",
        "dimension_decimal_places": 2,
        "dimension_decimal_token": ".",
        "dimension_thousands_token": ",",
        "plan_name": "Sandbox",
        "plan_level": "Sandbox",
        "plan_is_trial": False,
        "industry": "Home & Garden",
        "logo": [],
        "is_price_entered_with_tax": False,
        "store_id": 1000000 + sum(ord(char) for char in state.store_hash),
        "default_site_id": 1000,
        "default_channel_id": 1,
        "active_comparison_modules": [],
        "features": {
            "stencil_enabled": True, "sitewidehttps_enabled": True, "facebook_catalog_id": "",
            "checkout_type": "optimized", "wishlists_enabled": True,
            "graphql_storefront_api_enabled": True, "shopper_consent_tracking_enabled": False,
            "multi_storefront_enabled": False,
        },
    }


def consignments(state: State, order: Mapping[str, Any], with_items: bool) -> dict[str, Any]:
    """Consignment view of a legacy order: one shipping consignment per address."""
    addresses = state.table("order_shipping_addresses").children(order["id"])
    products = state.table("order_products").children(order["id"])
    shipping = []
    for address in addresses.values():
        lines = [p for p in products.values() if p.get("order_address_id") == address["id"]]
        entry = {key: address.get(key, "") for key in ADDRESS_FIELDS}
        entry["id"] = address["id"]
        entry["shipping_method"] = address.get("shipping_method", "None")
        if with_items:
            entry["line_items"] = [render(state, BY_NAME["order_products"], p) for p in lines]
        else:
            entry["line_items"] = [link(state, f"orders/{order['id']}/products/{p['id']}") for p in lines]
        entry["shipping_quotes"] = link(
            state, f"orders/{order['id']}/consignments/shipping/{address['id']}/shipping_quotes")
        shipping.append(entry)
    return {"pickups": [], "shipping": shipping, "downloads": [], "email": {"gift_certificates": []}}


# ------------------------------------------------------------------ handlers

def _store_info(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
                body: Any) -> StoreResponse:
    return ok(store_profile(state))


def _time(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
          body: Any) -> StoreResponse:
    return ok({"time": state.now()})


def _blog_tags(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
               body: Any) -> StoreResponse:
    page, limit = parse_paging(query)
    tags: dict[str, list[int]] = {}
    for post in state.table("blog_posts").ordered().values():
        for tag in post.get("tags", ()):
            tags.setdefault(tag, []).append(post["id"])
    items = [{"tag": tag, "post_ids": ids} for tag, ids in tags.items()]
    chunk = items[(page - 1) * limit: page * limit]
    return ok(chunk) if chunk else NO_CONTENT


def _validate_password(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
                       body: Any) -> StoreResponse:
    customer = state.require("customers", int_param(params["pid"]))
    if not isinstance(body, dict):
        raise ApiError(400, NOT_AN_OBJECT)
    password = body.get("password")
    if not isinstance(password, str):
        raise required("password") if password is None else invalid("password", "must be a string")
    stored = customer.get("_password")
    return ok({"success": stored is not None and stored == password})


def _shipping_quotes(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
                     body: Any) -> StoreResponse:
    order_id = int_param(params["pid"])
    state.require("orders", order_id)
    state.find(BY_NAME["order_shipping_addresses"], order_id, int_param(params["id"]))
    return NO_CONTENT  # orders made by API or control panel have no quote


def _consignments(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
                  body: Any) -> StoreResponse:
    order = state.require("orders", int_param(params["pid"]))
    with_items = "consignments.line_items" in query.get("include", "")
    return ok(consignments(state, order, with_items))


def _fees(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
          body: Any) -> StoreResponse:
    order = state.require("orders", int_param(params["pid"]))
    return ok({"fees": list(order.get("fees", []))})


def _carrier_connection(state: State, method: str, params: Mapping[str, str], query: Mapping[str, str],
                        body: Any) -> StoreResponse:
    if not isinstance(body, dict):
        raise ApiError(400, NOT_AN_OBJECT)
    carrier_id = body.get("carrier_id")
    if not isinstance(carrier_id, str) or not carrier_id:
        raise required("carrier_id") if carrier_id is None else invalid("carrier_id", "must be a string")
    if method == "DELETE":
        state.carrier_connections.pop(carrier_id, None)
    else:
        connection = body.get("connection", {})
        if not isinstance(connection, dict):
            raise invalid("connection", "The field 'connection' must be an object.")
        state.carrier_connections[carrier_id] = dict(connection)
    return NO_CONTENT


HANDLERS: Mapping[str, Handler] = {
    "store_info": _store_info,
    "time": _time,
    "blog_tags": _blog_tags,
    "validate_password": _validate_password,
    "shipping_quotes": _shipping_quotes,
    "consignments": _consignments,
    "consignment_quotes": _shipping_quotes,
    "fees": _fees,
    "carrier_connection": _carrier_connection,
}
