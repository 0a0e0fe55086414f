"""Write rules of the catalog family: products, their images and videos, options, categories."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import ZERO
from bigcommerce.sandbox.responses import ApiError, invalid
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import as_number, slug, youtube_id

MAX_PRODUCT_CATEGORIES = 1000


def prepare_product(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Category limit, option set check, ``custom_url`` from the name, ``calculated_price``."""
    categories = fields.get("categories")
    if categories is not None and len(categories) > MAX_PRODUCT_CATEGORIES:
        raise ApiError(403, "A product cannot belong to more than 1,000 categories.")
    set_id = fields.get("option_set_id")
    if set_id is not None and set_id not in state.table("option_sets").rows:
        raise invalid("option_set_id", f"The option set {set_id} does not exist.")
    if row is None and not fields.get("custom_url") and fields.get("name"):
        fields["custom_url"] = f"/{slug(fields['name'])}/"
    merged = {**(row or {}), **fields}
    price = merged.get("price", ZERO)
    sale = merged.get("sale_price", ZERO)
    fields["calculated_price"] = sale if as_number(sale) > 0 else price


def sync_product_options(state: State, product: dict[str, Any], changed: Mapping[str, Any]) -> None:
    """Products expose their option set's options read-only: rebuild them when it changes."""
    if "option_set_id" not in changed:
        return
    table = state.table("product_options")
    for key in list(table.children(product["id"])):
        table.remove(key)
    set_id = product.get("option_set_id")
    if set_id is None:
        return
    for option in state.table("option_set_options").children(set_id).values():
        state.add_row("product_options", {
            "product_id": product["id"], "option_id": option.get("option_id", 0),
            "display_name": option.get("display_name", ""), "sort_order": option.get("sort_order", 0),
            "is_required": option.get("is_required", False),
        })


def prepare_image(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """The first image is the thumbnail; a new thumbnail demotes the others."""
    if row is not None:
        product_id = row["product_id"]
    else:
        product_id = fields["product_id"]
        siblings = state.table("product_images").children(product_id)
        fields.setdefault("sort_order", len(siblings))
        if not siblings:
            fields.setdefault("is_thumbnail", True)
    if fields.get("is_thumbnail"):
        for other in state.table("product_images").children(product_id).values():
            other["is_thumbnail"] = False


def prepare_video(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """A video's id is its YouTube id, read from ``url`` (v2) or given as the id (v3 ``video_id``)."""
    url = fields.pop("url", None)
    if url is not None:
        try:
            fields["id"] = youtube_id(str(url))
        except ValueError as exc:
            raise invalid("url", "The field 'url' must be a YouTube video URL.") from exc
    if row is None and fields.get("id") is not None:
        fields.setdefault("name", f"YouTube video {fields['id']}")
        fields.setdefault("sort_order", len(state.table("product_videos").children(fields["product_id"])))


def prepare_option_value(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """One default value per option."""
    if fields.get("is_default"):
        option_id = row["option_id"] if row is not None else fields["option_id"]
        for other in state.table("option_values").children(option_id).values():
            other["is_default"] = False


def prepare_option_set_option(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """The option must exist; its display name is the default one."""
    if row is not None:
        fields.pop("option_id", None)  # read-only on update (D16)
        return
    if fields.get("option_id") not in state.table("options").rows:
        raise invalid("option_id", f"The option {fields.get('option_id')!r} does not exist.")
    if not fields.get("display_name"):
        option = state.table("options").rows[fields["option_id"]]
        fields["display_name"] = option.get("display_name") or option.get("name", "")


def prepare_category(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """The parent must be another existing category, whose (v3) tree the category joins; ``url`` from the name."""
    parent_id = fields.get("parent_id")
    if parent_id:
        categories = state.table("categories")
        if parent_id not in categories.rows or (row is not None and parent_id == row["id"]):
            raise invalid("parent_id", f"The category {parent_id} cannot be the parent.")
        fields["tree_id"] = categories.rows[parent_id].get("tree_id", categories.resource.fields["tree_id"])
    if row is None and not fields.get("url") and fields.get("name"):
        fields["url"] = f"/{slug(fields['name'])}/"


def check_category_delete(state: State, row: Mapping[str, Any]) -> None:
    """409 when a product would be left without a category."""
    for product in state.table("products").rows.values():
        if product.get("categories") == [row["id"]]:
            raise ApiError(409, "The category cannot be deleted: a product would be left without a category.",
                           {"conflict_reason": f"Product {product['id']} belongs only to this category."})
