"""v3 channel listings: the products a channel lists, with their variants (v3-resources.md §3.19).

Rows of the state-only ``channel_listings`` table under their channel; a listing names a v2
``products`` row and its variants name that product's ``product_skus`` rows. Rules from
``channels.v3.yml``: the list pages by **keyset** (``after`` = the previous page's last
``listing_id``, plus ``limit``; no ``page``) with ``meta.pagination`` ``{count, total, links,
total_pages}`` (§2.5), and an unknown channel, or one without listings, answers 200 with empty
``data``; POST and PUT take arrays (``product_id``, ``state``, ``variants`` required; each
variant ``product_id``, ``variant_id``, ``state``), a write with any invalid item saves
nothing (422 in the spec's words: ``"0.state": "error.path.missing"``); the PUT needs
``listing_id`` (> 0), leaves an unknown one out of its answer, cannot change ``product_id``
and merges variants by ``variant_id``; a listing is read by id, never deleted through this
path (it goes with its product, ``state.DEPENDENTS``).

Choices: ``limit`` defaults to 1000, as the spec's links show (``?limit=1000``), and at most
1000; a listing's ``name`` defaults to its product's name.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import insert_row, merge_row
from bigcommerce.sandbox.state import CHANNEL_LISTINGS as LISTING_ROWS
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import V3Error, bad_input, invalid
from bigcommerce.sandbox.v3.lists import keyset
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Field, Route, bounds, col, computed, on

LISTING_STATES = ("active", "disabled", "error", "pending", "pending_disable", "pending_delete",
                  "partially_rejected", "queued", "rejected", "submitted", "deleted")
VARIANT_STATES = tuple(state for state in LISTING_STATES if state != "partially_rejected")
LIMIT = 1000
INVALID_JSON = "JSON data is missing or invalid"

LISTING_FIELDS: tuple[Field, ...] = (
    col("channel_id", codec="int", read_only=True),
    col("listing_id", "id", "int", read_only=True),
    col("external_id", codec="str"),
    col("product_id", codec="int", read_only=True),
    col("state", codec="str"),
    col("name", codec="str"), col("description", codec="str"),
    col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True),
    computed("variants", "listing_variants"),
)

LISTINGS = Family(
    name="channel_listings", table="channel_listings", label="listing", fields=LISTING_FIELDS,
    filters={"product_id:in": on("product_id", op="in", kind="int"),
             **bounds("date_created", "date"), **bounds("date_modified", "date")},
    default_limit=LIMIT, max_limit=LIMIT,
    parent_table="channels", parent_column="channel_id",
)

# (field, JSON type it must have, the spec's word for another type)
_LISTING_KEYS = (("product_id", int, "jsnumber"), ("external_id", str, "jsstring"), ("state", str, "jsstring"),
                 ("name", str, "jsstring"), ("description", str, "jsstring"), ("variants", list, "jsarray"))
_VARIANT_KEYS = (("product_id", int, "jsnumber"), ("variant_id", int, "jsnumber"), ("external_id", str, "jsstring"),
                 ("state", str, "jsstring"), ("name", str, "jsstring"), ("description", str, "jsstring"))


def _shape(item: Any, prefix: str, keys: tuple[tuple[str, type, str], ...], required: tuple[str, ...],
           states: tuple[str, ...], errors: dict[str, str]) -> None:
    """Type errors and missing fields of one object, keyed ``<prefix><field>`` as the spec's 422s."""
    if not isinstance(item, dict):
        errors[prefix.rstrip(".")] = "error.expected.jsobject"
        return
    for name, kind, word in keys:
        value = item.get(name)
        if value is None:
            if name in required:
                errors[f"{prefix}{name}"] = "error.path.missing"
        elif not isinstance(value, kind) or isinstance(value, bool):
            errors[f"{prefix}{name}"] = f"error.expected.{word}"
        elif name == "state" and value not in states:
            errors[f"{prefix}{name}"] = "error.expected.validenumvalue"
    if isinstance(item.get("variants"), list):
        for index, variant in enumerate(item["variants"]):
            _shape(variant, f"{prefix}variants.{index}.", _VARIANT_KEYS, ("product_id", "variant_id", "state"),
                   VARIANT_STATES, errors)


def _items(state: State, call: Call, updating: bool) -> list[dict[str, Any]]:
    """The array of a POST or PUT, every item checked (422 before anything is written)."""
    body = call.body
    if not isinstance(body, list):
        raise bad_input("The request body must be a JSON array.")
    channel_id = call.ids[0]
    if channel_id not in state.tables["channels"].rows:
        raise invalid({}, f"Channel id ({channel_id}) is not valid for store ({state.store_hash})!")
    errors: dict[str, str] = {}
    required = ("listing_id", "product_id", "state", "variants") if updating else ("product_id", "state", "variants")
    for index, item in enumerate(body):
        keys = ((("listing_id", int, "jsnumber"),) if updating else ()) + _LISTING_KEYS
        _shape(item, f"{index}.", keys, required, LISTING_STATES, errors)
    if errors:
        raise invalid(errors, INVALID_JSON)
    listings = state.tables["channel_listings"].rows
    products, skus = state.tables["products"].rows, state.tables["product_skus"].rows
    groups, variants = len(body), sum(len(item["variants"]) for item in body)
    for index, item in enumerate(body):
        product_id = item["product_id"]
        if updating:
            if item["listing_id"] <= 0:
                errors["group_id"] = (f"Group id ({item['listing_id']}) for store ({state.store_hash}) cannot be "
                                      "less than or equal to zero!")
                continue
            stored = listings.get(item["listing_id"])
            if stored is not None and stored.get("channel_id") == channel_id and stored["product_id"] != product_id:
                errors[f"{index}.product_id"] = "The product_id of a listing cannot be updated."
        if product_id not in products:
            errors[f"{index}.product_id"] = f"The product {product_id} does not exist."
        for number, variant in enumerate(item["variants"]):
            sku = skus.get(variant["variant_id"])
            if variant["product_id"] != product_id:
                errors[f"{index}.variants.{number}.product_id"] = "The variant's product_id is not the listing's."
            elif sku is None or sku.get("product_id") != product_id:
                errors[f"{index}.variants.{number}.variant_id"] = \
                    f"The variant {variant['variant_id']} is not a variant of the product {product_id}."
    if errors:
        fields = "".join(f"{key.rsplit('.', 1)[-1]}," for key in errors)
        raise invalid(errors, f"0/{groups} product listing group(s) and 0/{variants} product listing(s) upserted. "
                              f"Invalid fields: {fields}")
    return body


def _variant(state: State, channel_id: int, body: Mapping[str, Any], now: int) -> dict[str, Any]:
    return {"channel_id": channel_id, "product_id": body["product_id"], "variant_id": body["variant_id"],
            "external_id": body.get("external_id", ""), "state": body["state"], "name": body.get("name", ""),
            "description": body.get("description", ""), "date_created": now, "date_modified": now}


def _merged(state: State, channel_id: int, old: list[dict[str, Any]], given: list[Mapping[str, Any]],
            now: int) -> list[dict[str, Any]]:
    """A PUT's variants: those named update the stored one of the same ``variant_id`` or are appended."""
    out = [dict(variant) for variant in old]
    by_id = {variant["variant_id"]: variant for variant in out}
    for body in given:
        current = by_id.get(body["variant_id"])
        if current is None:
            current = by_id[body["variant_id"]] = _variant(state, channel_id, body, now)
            out.append(current)
            continue
        current.update({key: body[key] for key in ("external_id", "state", "name", "description") if key in body})
        current["date_modified"] = now
    return out


def _written(renderer: Renderer, rows: list[dict[str, Any]]) -> StoreResponse:
    data = [renderer.render(LISTINGS, row) for row in rows]
    pagination = {"count": len(data), "total": len(data), "links": {"current": f"?limit={LIMIT}"},
                  "total_pages": 1 if data else 0}
    return StoreResponse(200, dumps({"data": data, "meta": {"pagination": pagination}}), {})


def create_listings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    channel_id, now = call.ids[0], state.now()
    products = state.tables["products"].rows
    rows = []
    for item in _items(state, call, updating=False):
        fields = {"product_id": item["product_id"], "state": item["state"],
                  "external_id": item.get("external_id", ""),
                  "name": item.get("name", products[item["product_id"]].get("name", "")),
                  "description": item.get("description", ""),
                  "variants": [_variant(state, channel_id, variant, now) for variant in item["variants"]]}
        rows.append(insert_row(state, LISTING_ROWS, channel_id, fields))
    return _written(renderer, rows)


def update_listings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    channel_id, now = call.ids[0], state.now()
    listings = state.tables["channel_listings"].rows
    rows = []
    for item in _items(state, call, updating=True):
        row = listings.get(item["listing_id"])
        if row is None or row.get("channel_id") != channel_id:
            continue  # an unknown listing_id is left out of the answer (200)
        fields: dict[str, Any] = {key: item[key] for key in ("external_id", "state", "name", "description")
                                  if key in item}
        fields["variants"] = _merged(state, channel_id, row.get("variants") or [], item["variants"], now)
        rows.append(merge_row(state, LISTING_ROWS, row, fields))
    return _written(renderer, rows)


def list_listings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """Keyset pages; an unknown channel has no listings (200, empty data)."""
    source = state.tables["channel_listings"].children(call.ids[0])
    items, meta = keyset(state, renderer, LISTINGS, source, call.query)
    return StoreResponse(200, b'{"data":[' + b",".join(items) + b'],"meta":' + dumps(meta) + b"}", {})


def get_listing(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    channel_id, listing_id = call.ids
    row = state.tables["channel_listings"].rows.get(listing_id)
    if row is None or row.get("channel_id") != channel_id:
        raise V3Error(404, f"Listing [{listing_id}] not found")
    return data_response(renderer.render(LISTINGS, row))


FAMILIES: Mapping[str, Family] = {LISTINGS.name: LISTINGS}

ACTIONS: Mapping[str, Action] = {"list_listings": list_listings, "create_listings": create_listings,
                                 "update_listings": update_listings, "get_listing": get_listing}

ROUTES: tuple[Route, ...] = (
    Route("channels/{channel_id}/listings", "channel_listings",
          {"GET": "list_listings", "POST": "create_listings", "PUT": "update_listings"}),
    Route("channels/{channel_id}/listings/{listing_id}", "channel_listings", {"GET": "get_listing"}),
)
