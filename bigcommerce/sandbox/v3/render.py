"""Rows as v3 objects: each family's fields read through their codecs, computed fields, includes.

``Renderer`` compiles one getter per field of each family once (a column read with the v2
catalog's default, a ``_v3`` value, or a ``COMPUTED`` function of the state), so rendering a
row is one pass over its getters. ``include=`` embeds child rows rendered by their own family;
``include_fields``/``exclude_fields`` narrow the object (``id`` always stays). ``json`` serves
lists: plain objects are kept serialized until ``forget`` (any write), and embedded children
are spliced into a cached parent, so a page costs joins, not renders, once it has been read.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Callable

from bigcommerce.sandbox.responses import dumps
from bigcommerce.sandbox.rows import EXTRA
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.codecs import READ, REDIRECT_TYPES, number, row_uuid
from bigcommerce.sandbox.v3.customer_fields import CUSTOMER_COMPUTED
from bigcommerce.sandbox.v3.platform_fields import PLATFORM_COMPUTED
from bigcommerce.sandbox.v3.schema import Family, Field
from bigcommerce.sandbox.values import image_url, slug

Row = Mapping[str, Any]
Getter = Callable[[Row], Any]


# ------------------------------------------------------------------ computed fields

def _base_variant_id(state: State, row: Row) -> int | None:
    """The one option-less SKU of a simple product; None for a product with option variants."""
    skus = state.tables["product_skus"].by_parent.get(row["id"])
    if not skus or len(skus) != 1:
        return None
    only = next(iter(skus.values()))
    return None if only.get("options") else int(only["id"])


def _custom_url(state: State, row: Row) -> dict[str, Any]:
    url = row.get("custom_url", "")
    return {"url": url, "is_customized": url != f"/{slug(str(row.get('name', '')))}/"}


def _variant_product(state: State, row: Row) -> Row:
    return state.tables["products"].rows.get(row.get("product_id"), {})


def _variant_price(state: State, row: Row) -> Any:
    price = row.get("price")
    return number(price if price is not None else _variant_product(state, row).get("calculated_price", "0"))


def _variant_weight(state: State, row: Row) -> Any:
    weight = row.get("weight")
    return number(weight if weight is not None else _variant_product(state, row).get("weight", "0"))


def option_values(state: State, row: Row) -> list[dict[str, Any]]:
    """A SKU's ``options`` ({product_option_id, option_value_id}) as v3 ``option_values``."""
    product_options = state.tables["product_options"].rows
    values = state.tables["option_values"].rows
    out = []
    for choice in row.get("options") or ():
        option = product_options.get(choice.get("product_option_id"), {})
        value = values.get(choice.get("option_value_id"), {})
        out.append({"id": choice.get("option_value_id"), "label": value.get("label", ""),
                    "option_id": choice.get("product_option_id"),
                    "option_display_name": option.get("display_name", "")})
    return out


def _image_url(size: str) -> Callable[[State, Row], str]:
    return lambda state, row: image_url(state.store_hash, row, size)


def _image_source(state: State, row: Row) -> str:
    """Where an image came from: the URL it was created from, else its zoom-size CDN copy."""
    source = str(row.get("image_file", ""))
    return source if source.startswith(("http://", "https://")) else image_url(state.store_hash, row, "zoom")


def _rule_conditions(state: State, row: Row) -> list[dict[str, Any]]:
    """A v2 rule's conditions (option, option value, SKU) in v3 words; the SKU is also the combination."""
    return [{"rule_id": row["id"], "modifier_id": item.get("product_option_id"),
             "modifier_value_id": item.get("option_value_id"), "variant_id": item.get("sku_id"),
             "combination_id": item.get("sku_id") or 0} for item in row.get("conditions") or ()]


def _category_url(row: Row) -> tuple[str, bool]:
    """A category's stored url and whether it differs from the one made from its name."""
    url = str(row.get("url") or "")
    return url, url != f"/{slug(str(row.get('name', '')))}/"


def _brand_url(row: Row) -> dict[str, Any]:
    """A brand's ``custom_url``: the one written through v3, else the storefront's ``/brands/Name.html``."""
    written = (row.get(EXTRA) or {}).get("custom_url")
    made = "/brands/" + "-".join(str(row.get("name", "")).split()) + ".html"
    return {"url": written or made, "is_customized": bool(written) and written != made}


def _address_count(state: State, row: Row) -> int:
    return len(state.tables["customer_addresses"].by_parent.get(row["id"], ()))


def _redirect_target(state: State, row: Row) -> tuple[str, int | None, str]:
    """A redirect's v3 ``to`` type, entity id and storefront path, from its v2 ``forward``."""
    forward = row.get("forward") or {}
    kind, ref = forward.get("type"), forward.get("ref")
    if kind == "manual" or kind not in REDIRECT_TYPES.values():
        return "url", None, str(ref or "")
    entity_id = ref if isinstance(ref, int) else int(str(ref)) if str(ref).isdigit() else None
    paths = {"product": ("products", "custom_url"), "category": ("categories", "url"), "page": ("pages", "url"),
             "post": ("blog_posts", "url")}
    path = ""
    if kind == "brand":
        brand = state.tables["brands"].rows.get(entity_id)
        path = f"/brands/{slug(str(brand.get('name', '')))}/" if brand else ""
    elif kind in paths:
        table, column = paths[kind]
        path = str(state.tables[table].rows.get(entity_id, {}).get(column, ""))
    return str(kind), entity_id, path


def _redirect_to(state: State, row: Row) -> dict[str, Any]:
    kind, entity_id, path = _redirect_target(state, row)
    return {"type": kind, "url": path} if kind == "url" else {"type": kind, "entity_id": entity_id, "url": path}


def _redirect_to_url(state: State, row: Row) -> str:
    """The full destination URL (``include=to_url``): a storefront path on the store's domain."""
    path = _redirect_target(state, row)[2]
    return f"https://store-{state.store_hash}.mybigcommerce.com{path}" if path.startswith("/") else path


COMPUTED: Mapping[str, Callable[[State, Row], Any]] = {
    # A cart metafield's owner is named by the cart's uuid (carts.v3.yml: resource_id is a string).
    "cart_uuid": lambda state, row: state.tables["carts"].rows.get(row.get("resource_id"), {}).get("uuid"),
    "base_variant_id": _base_variant_id,
    "custom_url": _custom_url,
    "variant_price": _variant_price,
    "variant_weight": _variant_weight,
    "option_values": option_values,
    "image_zoom": _image_url("zoom"), "image_standard": _image_url("standard"),
    "image_thumbnail": _image_url("thumbnail"), "image_tiny": _image_url("tiny"), "image_source": _image_source,
    "rule_conditions": _rule_conditions,
    "address_count": _address_count,
    "category_uuid": lambda state, row: row_uuid(row["id"]),
    "category_custom_url": lambda state, row: dict(zip(("url", "is_customized"), _category_url(row))),
    "category_url_path": lambda state, row: dict(zip(("path", "is_customized"), _category_url(row))),
    "brand_custom_url": lambda state, row: _brand_url(row),
    "authentication": lambda state, row: {"force_password_reset": bool(row.get("reset_pass_on_login"))},
    "store_credit_amounts": lambda state, row: [{"amount": number(row.get("store_credit", "0")) or 0}],
    "zero": lambda state, row: 0,
    "null": lambda state, row: None,
    "empty_list": lambda state, row: [],
    "redirect_to": _redirect_to,
    "redirect_to_url": _redirect_to_url,
    **PLATFORM_COMPUTED,
    **CUSTOMER_COMPUTED,
    "variant_sku": lambda state, row: state.tables["product_skus"].rows.get(row.get("variant_id"), {}).get("sku", ""),
    "wishlist_items": lambda state, row: [
        {"id": item["id"], "product_id": item.get("product_id"), "variant_id": item.get("variant_id")}
        for item in state.tables["wishlist_items"].children(row["id"]).values()],
}


# ------------------------------------------------------------------ the renderer

def _getter(state: State, item: Field, defaults: Mapping[str, Any]) -> Getter:
    if item.computed:
        compute = COMPUTED[item.computed]
        return lambda row: compute(state, row)
    read = READ[item.codec]
    if item.extra:
        name, default = item.name, item.default
        return lambda row: read(row[EXTRA].get(name, default)) if EXTRA in row else read(default)
    key, fallback = item.key, defaults.get(item.key)
    return lambda row: read(row.get(key, fallback))


# ``Field.computed`` of an object embedded whole: ``embed:<family>:<column naming its key>``.
EMBED = "embed:"

# Serialized objects kept at most (a v3 product is about 2 KB of JSON).
JSON_CACHE_MAX = 50_000


class Renderer:
    """Compiled getters of every family over one state, and a cache of serialized plain objects."""

    def __init__(self, state: State, families: Mapping[str, Family]) -> None:
        self.state = state
        self.families = families
        self._cache: dict[tuple[str, int], bytes] = {}
        self._id_keys = {family.name: family.id_key for family in families.values()}  # cache keys: the v3 id
        self._getters: dict[str, tuple[tuple[str, str, Getter], ...]] = {}
        self._plain: dict[str, tuple[tuple[str, Getter], ...]] = {}
        for family in families.values():
            defaults = state.tables[family.table].resource.fields
            getters = tuple((item.name, item.include, self._embedded_row(item) if item.computed.startswith(EMBED)
                             else _getter(state, item, defaults)) for item in family.fields)
            self._getters[family.name] = getters
            self._plain[family.name] = tuple((name, get) for name, include, get in getters if not include)
        # Per family: the include= values that add fields to it or to the children it embeds.
        self._field_includes = {
            family.name: frozenset(item.include for item in family.fields if item.include) | frozenset(
                item.include for embed in family.includes.values()
                for item in families[embed.family].fields if item.include)
            for family in families.values()
        }

    def _embedded_row(self, item: Field) -> Getter:
        """``embed:<family>:<column>``: the row of another family whose key the row's column holds,
        rendered by that family (a widget's template, a placement's widget); None when it is gone."""
        _, family_name, column = item.computed.split(":")

        def get(row: Row) -> Any:
            family = self.families[family_name]
            value = row.get(column)
            target = next((other for other in self.state.tables[family.table].rows.values()
                           if other.get(family.key_column) == value), None)
            return None if target is None else self.plain(family, target)
        return get

    def forget(self) -> None:
        """Drop every serialized object: rows changed."""
        self._cache.clear()

    def json(self, family: Family, row: Row, includes: Collection[str] = (), only: Collection[str] = (),
             exclude: Collection[str] = ()) -> bytes:
        """One object serialized: from the cache when plain, spliced when it only embeds children."""
        if only or exclude or not self._field_includes[family.name].isdisjoint(includes):
            return dumps(self.render(family, row, includes, only, exclude))
        base = self._plain_json(family, row)
        parts = []
        for name, embed in family.includes.items():
            if name not in includes:
                continue
            child_family = self.families[embed.family]
            children = self.state.tables[embed.table].children(row["id"]).values()
            if embed.single:
                chosen = _thumbnail(children)
                value = b"null" if chosen is None else self._plain_json(child_family, chosen)
            else:
                value = b"[" + b",".join(self._plain_json(child_family, child) for child in children) + b"]"
            parts.append(b'"' + name.encode("ascii") + b'":' + value)
        return base[:-1] + b"," + b",".join(parts) + b"}" if parts else base

    def _plain_json(self, family: Family, row: Row) -> bytes:
        key = (family.name, row[self._id_keys[family.name]])
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) >= JSON_CACHE_MAX:
                self._cache.clear()
            cached = self._cache[key] = dumps(self.plain(family, row))
        return cached

    def render(self, family: Family, row: Row, includes: Collection[str] = (),
               only: Collection[str] = (), exclude: Collection[str] = ()) -> dict[str, Any]:
        """The v3 object of one row: ``includes`` embedded, narrowed to ``only`` / without ``exclude``."""
        if only or exclude:
            out = {name: get(row) for name, include, get in self._getters[family.name]
                   if (not include or include in includes)
                   and (name == family.id_field or ((not only or name in only) and name not in exclude))}
        elif includes:
            out = {name: get(row) for name, include, get in self._getters[family.name]
                   if not include or include in includes}
        else:
            return {name: get(row) for name, get in self._plain[family.name]}
        out.update(self.embedded(family, row, includes))
        return out

    def embedded(self, family: Family, row: Row, includes: Collection[str]) -> dict[str, Any]:
        """The child objects ``include=`` asks for, by include name (values the family lacks are ignored)."""
        out: dict[str, Any] = {}
        for name, embed in family.includes.items():
            if name not in includes:
                continue
            child_family = self.families[embed.family]
            children = self.state.tables[embed.table].children(row["id"]).values()
            if embed.single:
                chosen = _thumbnail(children)
                out[name] = None if chosen is None else self.render(child_family, chosen, includes)
            else:  # field-level includes (formfields) reach the children too
                out[name] = [self.render(child_family, child, includes) for child in children]
        return out

    def plain(self, family: Family, row: Row) -> dict[str, Any]:
        """The object with no include and every default field (what list caches hold)."""
        return {name: get(row) for name, get in self._plain[family.name]}


def _thumbnail(children: Collection[Row]) -> Row | None:
    """The image flagged as thumbnail, else the first one, else None."""
    chosen = next((child for child in children if child.get("is_thumbnail")), None)
    return chosen or next(iter(children), None)
