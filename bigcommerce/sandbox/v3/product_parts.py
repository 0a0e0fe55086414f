"""The v3 product subresources over the v2 rows: images, videos, custom fields, bulk pricing rules,
reviews, complex rules, and variant metafields.

A v3 image IS a ``product_images`` row (``image_url`` is stored as the v2 ``image_file``, as a
v2 create with a URL stores it), a video a ``product_videos`` row (``video_id`` is the row's
YouTube id, ``title`` its ``name``; the v3 integer ``id`` is the row's ``serial``), a custom
field a ``product_custom_fields`` row (``value`` is ``text``), a bulk pricing rule a
``product_discount_rules`` row (``quantity_min``/``quantity_max`` are ``min``/``max``, ``amount``
``type_value``), a review a ``product_reviews`` row (``text`` is ``review``, ``name`` ``author``,
``date_reviewed`` ``date_created``, ``status`` the v2 number), a complex rule a ``product_rules``
row (``enabled`` is ``is_enabled``...; a condition's modifier, modifier value and variant are the
v2 option, option value and SKU, the SKU also its ``combination_id``). Variant metafields are rows of the
state-only ``metafields`` table with ``resource_type`` ``variant``, reached three levels deep.

Rules (v3-resources.md §3.1, §3.2, ``catalog_products_catalog.v3.yml``): JSON ``image_url`` only,
≤ 255 characters, ≤ 1000 images a product; empty image and review lists answer 204 (§2.13);
≤ 200 custom fields a product, each name and value pair once; one video per YouTube id a
product; bulk pricing ranges that do not overlap (409) and a ``quantity_max`` above
``quantity_min`` unless 0, ``fixed`` rules from 2 (422); complex rules need conditions, and two
rules of a product may not have the same ones (409).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import SERIAL, State
from bigcommerce.sandbox.v3.answers import data_response, item_error
from bigcommerce.sandbox.v3.errors import invalid, not_found
from bigcommerce.sandbox.v3.metafields import metafield_routes, metafields_of
from bigcommerce.sandbox.v3.query import wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    DELETE,
    GET,
    ITEM,
    LIST,
    Call,
    Family,
    Field,
    Route,
    Unique,
    col,
    computed,
    extra,
    on,
)
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

MAX_INT = 2_147_483_647


def sort_order() -> Field:
    """``sort_order``: a 32-bit signed integer in the specs."""
    return col("sort_order", codec="int", minimum=-MAX_INT - 1, maximum=MAX_INT)


IMAGE_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True), col("product_id", codec="int", read_only=True),
    col("is_thumbnail", codec="bool"), sort_order(),
    col("description", codec="str"),
    col("image_file", codec="str", read_only=True),  # multipart uploads only: not through JSON
    computed("image_url", "image_source", column="image_file", codec="str", min_length=1, max_length=255),
    computed("url_zoom", "image_zoom"), computed("url_standard", "image_standard"),
    computed("url_thumbnail", "image_thumbnail"), computed("url_tiny", "image_tiny"),
    col("date_modified", "date_created", "date", read_only=True),
)

VIDEO_FIELDS: tuple[Field, ...] = (
    col("id", SERIAL, "int", read_only=True),
    extra("type", "youtube", "str", choices=("youtube",)),
    col("video_id", "id", "str", min_length=1, max_length=25),
    col("product_id", codec="int", read_only=True),
    sort_order(),
    col("title", "name", "str", max_length=255),
    extra("description", "", "str"),
    extra("length", "", "str", read_only=True),  # filled in by the host site: unknown here
)

CUSTOM_FIELD_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True), col("name", codec="str", min_length=1, max_length=250),
    col("value", "text", "str", min_length=1, max_length=250),
)

BULK_PRICING_TYPES = ("price", "percent", "fixed")
BULK_PRICING_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("quantity_min", "min", "int", minimum=0, maximum=MAX_INT),
    col("quantity_max", "max", "int", minimum=0, maximum=MAX_INT),
    col("type", codec="str", choices=BULK_PRICING_TYPES), col("amount", "type_value", "amount"),
)

REVIEW_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True), col("product_id", codec="int", read_only=True),
    col("title", codec="str", max_length=255), col("text", "review", "str"), col("status", codec="review_status"),
    col("rating", codec="int", choices=(0, 1, 2, 3, 4, 5)), extra("email", "", "email_or_empty"),
    col("name", "author", "str", max_length=255),
    col("date_reviewed", "date_created", "date"), col("date_created", codec="date", read_only=True),
    col("date_modified", "date_created", "date", read_only=True),
)

COMPLEX_RULE_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True), col("product_id", codec="int", read_only=True),
    sort_order(), col("enabled", "is_enabled", "bool"), col("stop", "is_stop", "bool"),
    col("price_adjuster", codec="adjuster"), col("weight_adjuster", codec="adjuster"),
    col("purchasing_disabled", "is_purchasing_disabled", "bool"),
    col("purchasing_disabled_message", codec="str", max_length=255),
    col("purchasing_hidden", "is_purchasing_hidden", "bool"),
    col("image_url", "image_file", "str", max_length=255),
    computed("conditions", "rule_conditions", column="conditions", codec="rule_conditions"),
)


def _product_part(name: str, table: str, label: str, fields: tuple[Field, ...], **rules: Any) -> Family:
    return Family(name=name, table=table, label=label, fields=fields, parent_table="products",
                  parent_column="product_id", **rules)


IMAGES = _product_part("images", "product_images", "image", IMAGE_FIELDS, required=("image_url",),
                       max_per_parent=1000, empty_list=204)
VIDEOS = _product_part("videos", "product_videos", "video", VIDEO_FIELDS, required=("video_id",),
                       unique=(Unique(("video_id",), per_parent=True),))
CUSTOM_FIELDS = _product_part("custom_fields", "product_custom_fields", "custom field", CUSTOM_FIELD_FIELDS,
                              required=("name", "value"), unique=(Unique(("name", "value"), per_parent=True),),
                              max_per_parent=200)
BULK_PRICING_RULES = _product_part("bulk_pricing_rules", "product_discount_rules", "bulk pricing rule",
                                   BULK_PRICING_FIELDS, required=("quantity_min", "quantity_max", "type", "amount"))
REVIEWS = _product_part("reviews", "product_reviews", "review", REVIEW_FIELDS, required=("title", "date_reviewed"),
                        filters={"status": on("status", kind="int")}, empty_list=204)
COMPLEX_RULES = _product_part("complex_rules", "product_rules", "complex rule", COMPLEX_RULE_FIELDS,
                              required=("conditions",), unique=(Unique(("conditions",), per_parent=True),))

VARIANT_METAFIELDS = metafields_of("variant_metafields", "variant", "product_skus", parent_label="variant")

FAMILIES: Mapping[str, Family] = {
    family.name: family
    for family in (IMAGES, VIDEOS, CUSTOM_FIELDS, BULK_PRICING_RULES, REVIEWS, COMPLEX_RULES, VARIANT_METAFIELDS)
}


# ------------------------------------------------------------------ bulk pricing rules

def _rule_range(prepared: Prepared, row: Mapping[str, Any] | None) -> tuple[int, int, str]:
    """quantity_min, quantity_max and type the rule will have once written."""
    merged = {"min": 0, "max": 0, "type": "price", **(row or {}), **prepared.fields}
    return int(merged["min"]), int(merged["max"]), str(merged["type"])


def _check_rule(state: State, prepared: Prepared, product_id: int, row: Mapping[str, Any] | None) -> None:
    """422 for a range that is empty or a ``fixed`` rule below 2; 409 for one overlapping another rule."""
    low, high, kind = _rule_range(prepared, row)
    if high and high <= low:
        raise ItemError(422, {"quantity_max": "The field 'quantity_max' must be greater than quantity_min, "
                                              "or 0 for no maximum."})
    if kind == "fixed" and low < 2:
        raise ItemError(422, {"quantity_min": "The field 'quantity_min' must be at least 2 for a fixed rule."})
    for other in state.tables["product_discount_rules"].children(product_id).values():
        if other is row:
            continue
        other_low, other_high = int(other.get("min", 0)), int(other.get("max", 0))
        if low <= (other_high or float("inf")) and other_low <= (high or float("inf")):
            shown = f"{other_low}-{other_high or ''}"
            raise ItemError(409, {"quantity_min": f"The quantity range overlaps bulk pricing rule {other['id']} "
                                                  f"({shown})."})


def save_bulk_pricing_rule(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST or PUT of one rule: the generic checks, then the ranges of the product's other rules."""
    family, product_id = call.family, call.ids[0]
    row = None
    if len(call.ids) > 1:
        row = state.tables[family.table].rows.get(call.ids[-1])
        if row is None or row.get("product_id") != product_id:
            raise not_found(family.label)
    try:
        prepared = prepare(state, renderer.families, family, call.body, parent_id=product_id, row=row)
        _check_rule(state, prepared, product_id, row)
    except ItemError as exc:
        raise item_error(family, exc) from None
    saved = apply(state, prepared)
    return data_response(renderer.render(family, saved, (), wanted(call.query, "include_fields")))


def set_variant_image(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST …/variants/{variant_id}/image (JSON ``image_url`` or a multipart ``image_file``, §3.2):
    replaces the SKU's ``image_file``, which v2 prints; answers ``{data: {image_url}}``."""
    product_id, variant_id = call.ids[0], call.ids[1]
    if product_id not in state.tables["products"].rows:
        raise not_found("product")
    sku = state.tables["product_skus"].rows.get(variant_id)
    if sku is None or sku.get("product_id") != product_id:
        raise not_found("variant")
    address = call.body.get("image_url") if isinstance(call.body, dict) else None
    if not isinstance(address, str) or not address or len(address) > 255:
        raise invalid({"image_url": "Send image_url (at most 255 characters) or a file named image_file."},
                      "The variant image is missing.")
    merge_row(state, state.tables["product_skus"].resource, sku, {"image_file": address})
    return data_response({"image_url": address})


ACTIONS = {"save_bulk_pricing_rule": save_bulk_pricing_rule, "set_variant_image": set_variant_image}
SAVE_RULE = "save_bulk_pricing_rule"

# ------------------------------------------------------------------ routes

PRODUCT = "catalog/products/{product_id}"
LIST_CREATE = {"GET": LIST, "POST": CREATE}

ROUTES: tuple[Route, ...] = (
    Route(f"{PRODUCT}/images", "images", LIST_CREATE, per_parent=True),
    Route(f"{PRODUCT}/images/{{image_id}}", "images", ITEM, per_parent=True),
    Route(f"{PRODUCT}/videos", "videos", LIST_CREATE, per_parent=True),
    Route(f"{PRODUCT}/videos/{{id}}", "videos", ITEM, per_parent=True),
    Route(f"{PRODUCT}/custom-fields", "custom_fields", LIST_CREATE, per_parent=True),
    Route(f"{PRODUCT}/custom-fields/{{custom_field_id}}", "custom_fields", ITEM, per_parent=True),
    Route(f"{PRODUCT}/bulk-pricing-rules", "bulk_pricing_rules", {"GET": LIST, "POST": SAVE_RULE}, per_parent=True),
    Route(f"{PRODUCT}/bulk-pricing-rules/{{bulk_pricing_rule_id}}", "bulk_pricing_rules",
          {"GET": GET, "PUT": SAVE_RULE, "DELETE": DELETE}, per_parent=True),
    Route(f"{PRODUCT}/complex-rules", "complex_rules", LIST_CREATE, per_parent=True),
    Route(f"{PRODUCT}/complex-rules/{{complex_rule_id}}", "complex_rules", ITEM, per_parent=True),
    Route(f"{PRODUCT}/reviews", "reviews", LIST_CREATE, per_parent=True),
    Route(f"{PRODUCT}/reviews/{{review_id}}", "reviews", ITEM, per_parent=True),
    Route(f"{PRODUCT}/variants/{{variant_id}}/image", "images", {"POST": "set_variant_image"}),
    *metafield_routes(f"{PRODUCT}/variants/{{variant_id}}", "variant_metafields", "catalog/variants", parent_index=1,
                      parent_owner="product_id"),
)
