"""Rows as v2 JSON bodies: catalog defaults, RFC 2822 dates, link objects, computed fields.

``render`` fills a sparse row with its resource's defaults (in the API's field order),
prints dates, adds the ``{url, resource}`` link objects, hides stored-only fields and
runs ``RENDER_EXTRAS[name](state, row, out)`` for the fields computed from other rows
(a product's primary image, a category's parent chain...).
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.catalog import ZERO, Resource
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import image_urls as cdn_image_urls
from bigcommerce.sandbox.values import rfc2822, slug, to_int


def render(state: State, res: Resource, row: Mapping[str, Any]) -> dict[str, Any]:
    """The v2 body of one row."""
    out = dict(res.fields)
    out.update(row)
    for name in res.dates:
        out[name] = rfc2822(out[name])
    api = f"{state.base_url}/api/v2/"
    for link in res.links:
        if link.when is not None and not out.get(link.when):
            out[link.field] = None
            continue
        path = link.template.format_map(out)
        out[link.field] = {"url": f"{api}{path}.json", "resource": f"/{path}"}
    for name in res.hidden:
        out.pop(name, None)
    extra = RENDER_EXTRAS.get(res.name)
    if extra is not None:
        extra(state, row, out)
    if res.id_kind == "int_str":
        out["id"] = str(out["id"])
    return out


def link(state: State, path: str) -> dict[str, str]:
    """A ``{url, resource}`` link object to a v2 path."""
    return {"url": f"{state.base_url}/api/v2/{path}.json", "resource": f"/{path}"}


# ------------------------------------------------------------------ computed fields

def _render_product(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    images = state.table("product_images").by_parent.get(row["id"])
    if not images:
        return
    chosen = next((image for image in images.values() if image.get("is_thumbnail")), None)
    chosen = chosen or next(iter(images.values()))
    urls = image_urls(state, chosen)
    out["primary_image"] = {"id": chosen["id"], **urls}


def image_urls(state: State, image: Mapping[str, Any]) -> dict[str, str]:
    """The four CDN URLs of a product image (``values.image_urls``)."""
    return cdn_image_urls(state.store_hash, image)


def _render_image(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    out.update(image_urls(state, row))


def _render_sku(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    product = state.table("products").rows.get(row.get("product_id"), {})
    if out.get("price") is None:
        out["adjusted_price"] = product.get("calculated_price", ZERO)
    else:
        out["adjusted_price"] = out["price"]
    weight = out.get("weight")
    out["adjusted_weight"] = weight if weight is not None else product.get("weight", ZERO)


def _render_option_set_option(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    values = state.table("option_values").children(row.get("option_id", 0)).values()
    out["values"] = [
        {"label": value.get("label", ""), "sort_order": value.get("sort_order", 0),
         "value": value.get("value", ""), "option_value_id": value["id"]}
        for value in values
    ]


def _render_category(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    chain = [row["id"]]
    rows = state.table("categories").rows
    parent_id = row.get("parent_id", 0)
    while parent_id and parent_id in rows and parent_id not in chain and len(chain) < 8:
        chain.insert(0, parent_id)
        parent_id = rows[parent_id].get("parent_id", 0)
    out["parent_category_list"] = chain


def _render_blog_post(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    stamp = row.get("published_date")
    if stamp is None:
        return
    moment = time.gmtime(stamp)
    out["published_date"] = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S.000000", moment),
        "timezone_type": 1,
        "timezone": "+00:00",
    }
    out["published_date_iso8601"] = time.strftime("%Y-%m-%dT%H:%M:%S+0000", moment)


def _render_redirect(state: State, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    forward = row.get("forward") or {}
    kind, ref = forward.get("type"), forward.get("ref")
    target = ""
    try:
        ref_id = to_int(ref)
    except ValueError:
        ref_id = None
    if kind == "manual":
        target = str(ref or "")
    elif kind == "product" and ref_id in state.table("products").rows:
        target = state.table("products").rows[ref_id].get("custom_url", "")
    elif kind == "category" and ref_id in state.table("categories").rows:
        target = state.table("categories").rows[ref_id].get("url", "")
    elif kind == "page" and ref_id in state.table("pages").rows:
        target = state.table("pages").rows[ref_id].get("url", "")
    elif kind == "brand" and ref_id in state.table("brands").rows:
        target = f"/brands/{slug(state.table('brands').rows[ref_id].get('name', ''))}/"
    if target.startswith("/"):
        target = f"https://store-{state.store_hash}.mybigcommerce.com{target}"
    out["url"] = target


RENDER_EXTRAS: dict[str, Callable[[State, Mapping[str, Any], dict[str, Any]], None]] = {
    "products": _render_product,
    "product_images": _render_image,
    "product_skus": _render_sku,
    "option_set_options": _render_option_set_option,
    "categories": _render_category,
    "blog_posts": _render_blog_post,
    "redirects": _render_redirect,
}
