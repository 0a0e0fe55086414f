"""Seed files: ``Store.dump()`` writes every stored row as JSON, ``Store.load()`` reads it back.

Format::

    {
      "format": "bigcommerce-sandbox/1",
      "next_ids": {"products": 101, ...},          # optional: ids are never reused
      "products": [{"id": 1, "name": "...", "date_created": "Tue, 10 Apr 2018 ...", ...}],
      "product_images": [{"id": 1, "product_id": 1, "image_file": "..."}],
      "orders": [...], "order_products": [...], ...,
      "metafields": [{"id": 1, "resource_type": "product", "resource_id": 5, "namespace": "...",
                      "key": "...", "value": "...", "date_created": "2024-05-14T09:34:00+00:00"}],
      "carrier_connections": {"carrier_id": {...connection fields...}}
    }

Keys are the resource names of ``catalog.RESOURCES`` and of the state-only tables
(``metafields``, ``channels``, ``channel_listings``, ``sites``, ``site_routes``, ``hook_admin``,
``price_lists``, ``price_list_records``, ``price_list_assignments``, ``inventory_locations``,
``location_inventory``, which only v3 shows: dates in ISO 8601; a file without ``channels`` or
``sites`` keeps the store's default channel 1 and site 1); subresource rows carry their parent
key (``product_id``, ``order_id``, ``customer_id``, ``country_id``, ``option_id``,
``option_set_id``, ``zone_id``). Rows hold API field names with API values (RFC 2822
dates, decimal strings; a product's or SKU's ``_v3`` dict holds the fields only v3 has);
fields left out take the API defaults, rows without ``id`` get
the next one, rows whose id exists replace it. ``dump`` writes only stored fields (no
link objects or computed fields); a customer's password appears as
``"_authentication": {"password": ...}``. For hand-written files, subresources may also
be nested in their parent under the subresource's path name (``"images": [...]`` in a
product, ``"addresses"`` in a customer, ``"states"`` in a country...), and an order given
with a ``products`` list of line items and no ``total_inc_tax`` is built like
``POST /orders`` (lines, shipping address and totals computed).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import BY_NAME, CHILDREN, RESOURCES, Resource
from bigcommerce.sandbox.state import STATE_ONLY, State
from bigcommerce.sandbox.v2.writes import create
from bigcommerce.sandbox.values import COERCE, iso8601, parse_date, rfc2822, slug, youtube_id

DUMP_FORMAT = "bigcommerce-sandbox/1"

COMPUTED_FIELDS: Mapping[str, frozenset[str]] = {
    "products": frozenset({"primary_image"}),
    "product_images": frozenset({"zoom_url", "thumbnail_url", "standard_url", "tiny_url"}),
    "product_skus": frozenset({"adjusted_price", "adjusted_weight"}),
    "option_set_options": frozenset({"values"}),
    "categories": frozenset({"parent_category_list"}),
    "blog_posts": frozenset({"published_date_iso8601"}),
    "redirects": frozenset({"url"}),
}


def dump_data(store: State) -> dict[str, Any]:
    """Every stored row, JSON-ready, in the seed-file format of this module's docstring."""
    data: dict[str, Any] = {"format": DUMP_FORMAT}
    data["next_ids"] = {res.name: store.table(res.name).next_id for res in RESOURCES if res.id_kind != "str"}
    for res in RESOURCES:
        rows = []
        for row in store.table(res.name).ordered().values():
            out = dict(row)
            for name in res.dates:
                if isinstance(out.get(name), (int, float)):
                    out[name] = rfc2822(out[name])
            password = out.pop("_password", None)
            if password is not None:
                out["_authentication"] = {"password": password}
            rows.append(out)
        data[res.name] = rows
    for res in STATE_ONLY:
        data["next_ids"][res.name] = store.table(res.name).next_id
        data[res.name] = [{**row, **{name: iso8601(row[name]) for name in res.dates if isinstance(row.get(name), int)}}
                          for row in store.table(res.name).ordered().values()]
    data["carrier_connections"] = {key: dict(value) for key, value in store.carrier_connections.items()}
    return data


def load_data(store: State, data: Mapping[str, Any]) -> None:
    """Add or replace the rows of a seed file (format in this module's docstring)."""
    if not isinstance(data, Mapping):
        raise ValueError("a seed must be a JSON object")
    pending: dict[str, list[dict[str, Any]]] = {res.name: [] for res in RESOURCES}
    for res in RESOURCES:
        for row in data.get(res.name) or ():
            if not isinstance(row, Mapping):
                raise ValueError(f"{res.name}: every row must be an object")
            pending[res.name].append(dict(row))
    for res in RESOURCES:  # parents come before their children in RESOURCES
        for raw in pending[res.name]:
            _load_row(store, res, raw, pending)
    for res in STATE_ONLY:
        for raw in data.get(res.name) or ():
            if not isinstance(raw, Mapping):
                raise ValueError(f"{res.name}: every row must be an object")
            row = {name: value for name, value in raw.items() if name in res.fields}
            for name in res.dates:
                try:
                    row[name] = parse_date(row[name]) if row.get(name) is not None else store.now()
                except ValueError:
                    row[name] = store.now()
            store.add_row(res.name, row)
    known = {*BY_NAME, *(res.name for res in STATE_ONLY)}
    for name, next_id in (data.get("next_ids") or {}).items():
        if name in known and isinstance(next_id, int):
            table = store.table(name)
            table.next_id = max(table.next_id, next_id)
    for carrier_id, connection in (data.get("carrier_connections") or {}).items():
        store.carrier_connections[str(carrier_id)] = dict(connection)


_SKIP = object()
_NATIVE: Mapping[str, type] = {  # stored values already of these types need no coercion
    "str": str, "str_or_null": str, "int": int, "int_or_null": int, "bool": bool, "list": list,
    "dict": dict, "dict_or_null": dict, "date": int,
}
# Per resource: field -> coercion kind (or _SKIP); nested children as (child, key in the file, parent key).
Plan = tuple[dict[str, Any], tuple[tuple[Resource, str, str], ...]]
_PLANS: dict[str, Plan] = {}


def _plan(res: Resource) -> Plan:
    """Per resource, once: how each file field is read (coercion kind, or skipped) and
    which keys hold nested children."""
    plan = _PLANS.get(res.name)
    if plan is None:
        skip = COMPUTED_FIELDS.get(res.name, frozenset()) | {link.field for link in res.links}
        kinds: dict[str, Any] = {}
        for name in (*res.fields, *res.hidden, *((res.parent_key,) if res.parent_key else ())):
            kinds[name] = _SKIP if name in skip else ("date" if name in res.dates else res.types.get(name))
        nested = tuple((BY_NAME[child], BY_NAME[child].sub_name, BY_NAME[child].parent_key or "")
                       for child in CHILDREN[res.name])
        plan = _PLANS[res.name] = (kinds, nested)
    return plan


def _load_row(store: State, res: Resource, raw: dict[str, Any], pending: dict[str, list[dict[str, Any]]]) -> None:
    kinds, children = _plan(res)
    nested: list[tuple[Resource, str, list[Any]]] = []
    for child, sub_name, parent_key in children:
        value = raw.get(sub_name)
        if isinstance(value, list) and not (res.name == "orders" and sub_name == "products"):
            nested.append((child, parent_key, raw.pop(sub_name)))
    if res.name == "orders" and isinstance(raw.get("products"), list) and "total_inc_tax" not in raw:
        row = create(store, res, None, raw, validate=False)
    else:
        if res.name == "orders":
            raw.pop("products", None)
        row = store.add_row(res.name, _normalize(store, res, kinds, raw))
    for child, parent_key, rows in nested:
        for item in rows:
            if isinstance(item, Mapping):
                _load_row(store, child, {**item, parent_key: row["id"]}, pending)


def _normalize(store: State, res: Resource, kinds: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """A file row in storage form: known fields only, dates as unix seconds, decimals as strings."""
    row: dict[str, Any] = {}
    for name, value in raw.items():
        kind = kinds.get(name, _SKIP)
        if kind is _SKIP:
            if name == "_authentication" and isinstance(value, Mapping) and value.get("password") is not None:
                row["_password"] = str(value["password"])
            continue
        if kind is not None and value is not None and type(value) is not _NATIVE.get(kind):
            try:
                value = COERCE[kind](value)
            except (ValueError, TypeError, ArithmeticError):
                if kind == "date":
                    value = store.now()
        row[name] = value
    if res.id_kind == "str" and row.get("id") is None and raw.get("url"):
        row["id"] = youtube_id(str(raw["url"]))
    if res.name == "products":  # hand-written rows: derive what a POST would
        if "calculated_price" not in row:
            sale = row.get("sale_price", "0")
            row["calculated_price"] = sale if float(sale or 0) > 0 else row.get("price", "0.0000")
        if "custom_url" not in row and row.get("name"):
            row["custom_url"] = f"/{slug(str(row['name']))}/"
    return row

