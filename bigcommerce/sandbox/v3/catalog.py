"""The v3 catalog over the shared rows: products, variants and product metafields.

A v3 product IS a ``products`` row and a v3 variant IS a ``product_skus`` row of that product;
each ``Field`` names the column v2 shares (``product_tax_code`` is ``avalara_product_tax_code``,
``reviews_count`` is ``rating_count``, a variant's ``option_values`` are the SKU's ``options``)
or, for what only v3 has (``gtin``, ``mpn``, a variant's ``sale_price``), a key of the row's
``_v3`` dict that v2 never prints. Metafields are rows of the state-only ``metafields`` table,
``resource_type`` ``product``. Field order and names follow the specs' examples
(``catalog/products_catalog.v3.yml``, ``catalog/product-variants_catalog.v3.yml``); limits,
filters and sorts are those the specs declare (v3-resources.md §3.1, §3.2). What a product
embeds (images, videos, custom fields, bulk pricing rules, reviews) is declared in ``product_parts``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.v3.metafields import metafield_routes, metafields_of
from bigcommerce.sandbox.v3.schema import (
    BATCH_ERRORS,
    CREATE,
    DELETE_WHERE,
    ITEM,
    LIST,
    MULTI_STATUS,
    SUMMARY,
    UPDATE_MANY,
    UPSERT_MANY,
    Batch,
    Family,
    Field,
    Include,
    Reference,
    Route,
    Unique,
    bounds,
    col,
    computed,
    extra,
    id_filters,
    on,
)

PRODUCT_TYPES = ("physical", "digital")
AVAILABILITY = ("available", "disabled", "preorder")
CONDITIONS = ("New", "Used", "Refurbished")
OPEN_GRAPH_TYPES = ("product", "album", "book", "drink", "food", "game", "movie", "song", "tv_show")
GIFT_WRAPPING = ("any", "none", "list")

MAX_SIZE = 9_999_999_999
MAX_INT = 2_147_483_647


def amount(name: str, column: str = "", codec: str = "number", **options: Any) -> Field:
    """A price, weight or dimension: a JSON number the specs bound below by 0."""
    return col(name, column, codec, minimum=0, **options)


def count(name: str, column: str = "", maximum: int = MAX_INT, **options: Any) -> Field:
    """A level, quantity or id: an integer from 0."""
    return col(name, column, "int", minimum=0, maximum=maximum, **options)


PRODUCT_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("name", codec="str", min_length=1, max_length=250),
    col("type", codec="str", choices=PRODUCT_TYPES),
    col("sku", codec="str", max_length=255),
    col("description", codec="str"),
    amount("weight", maximum=MAX_SIZE), amount("width", maximum=MAX_SIZE), amount("depth", maximum=MAX_SIZE),
    amount("height", maximum=MAX_SIZE), amount("price"), amount("cost_price"),
    amount("retail_price"), amount("sale_price"),
    extra("map_price", 0, "number", minimum=0),
    count("tax_class_id", maximum=255),
    col("product_tax_code", "avalara_product_tax_code", "str"),
    col("calculated_price", codec="number", read_only=True),
    col("categories", codec="int_list"),
    count("brand_id", maximum=1_000_000_000),
    col("option_set_id", codec="int_or_null"),
    col("option_set_display", codec="str"),
    count("inventory_level"), count("inventory_warning_level"),
    col("inventory_tracking", codec="inventory_tracking"),
    col("reviews_rating_sum", "rating_total", "int"), col("reviews_count", "rating_count", "int"),
    col("total_sold", codec="int"),
    amount("fixed_cost_shipping_price"),
    col("is_free_shipping", codec="bool"), col("is_visible", codec="bool"), col("is_featured", codec="bool"),
    col("related_products", codec="csv_ints"),
    col("warranty", codec="str"), col("bin_picking_number", codec="str"), col("layout_file", codec="str"),
    col("upc", codec="str"), extra("mpn", "", "str"), extra("gtin", "", "str"),
    col("search_keywords", codec="str"),
    col("availability", codec="str", choices=AVAILABILITY),
    col("availability_description", codec="str"),
    extra("gift_wrapping_options_type", "any", "str", choices=GIFT_WRAPPING),
    extra("gift_wrapping_options_list", [], "int_list"),
    col("sort_order", codec="int", minimum=-MAX_INT - 1, maximum=MAX_INT),
    col("condition", codec="str", choices=CONDITIONS), col("is_condition_shown", codec="bool"),
    count("order_quantity_minimum", maximum=1_000_000_000), count("order_quantity_maximum", maximum=1_000_000_000),
    col("page_title", codec="str"), col("meta_keywords", codec="csv_strs"), col("meta_description", codec="str"),
    col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True),
    col("date_last_imported", codec="date_text"),
    count("view_count", maximum=1_000_000_000),
    col("preorder_release_date", codec="date_text"), col("preorder_message", codec="str"),
    col("is_preorder_only", codec="bool"), col("is_price_hidden", codec="bool"),
    col("price_hidden_label", codec="str"),
    computed("custom_url", codec="custom_url", column="custom_url"),
    computed("base_variant_id"),
    col("open_graph_type", codec="str", choices=OPEN_GRAPH_TYPES),
    col("open_graph_title", codec="str"), col("open_graph_description", codec="str"),
    extra("open_graph_use_meta_description", True, "bool"), extra("open_graph_use_product_name", True, "bool"),
    col("open_graph_use_image", "is_open_graph_thumbnail", "bool"),
)

VARIANT_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("product_id", codec="int"),
    col("sku", codec="str", min_length=1, max_length=255),
    col("sku_id", "id", "int", read_only=True),
    amount("price", codec="number_or_null"),
    computed("calculated_price", "variant_price"),
    extra("sale_price", None, "number_or_null", minimum=0), extra("retail_price", None, "number_or_null", minimum=0),
    extra("map_price", None, "number_or_null", minimum=0),
    amount("weight", codec="number_or_null"),
    computed("calculated_weight", "variant_weight"),
    extra("width", None, "number_or_null", minimum=0), extra("height", None, "number_or_null", minimum=0),
    extra("depth", None, "number_or_null", minimum=0),
    extra("is_free_shipping", False, "bool"),
    extra("fixed_cost_shipping_price", None, "number_or_null", minimum=0),
    col("purchasing_disabled", "is_purchasing_disabled", "bool"),
    col("purchasing_disabled_message", codec="str", max_length=255),
    col("image_url", "image_file", "str"),
    amount("cost_price", codec="number_or_null"),
    col("upc", codec="str"), extra("mpn", "", "str"), extra("gtin", "", "str"),
    col("inventory_level", codec="int", maximum=MAX_INT), col("inventory_warning_level", codec="int", maximum=MAX_INT),
    col("bin_picking_number", codec="str"),
    computed("option_values", column="options", codec="option_values"),
)

PRODUCT_FILTERS = {
    **id_filters(), "name": on("name"), "sku": on("sku"), "sku:in": on("sku", op="in"),
    "upc": on("upc"), "mpn": on("_v3.mpn"), "type": on("type"), "condition": on("condition"),
    "availability": on("availability"), "price": on("price", kind="number"), "weight": on("weight", kind="number"),
    "brand_id": on("brand_id", kind="int"), "total_sold": on("total_sold", kind="int"),
    "is_visible": on("is_visible", kind="bool"), "is_featured": on("is_featured", kind="bool"),
    "is_free_shipping": on("is_free_shipping", kind="bool"),
    "categories": on("categories", op="has", kind="int"), "categories:in": on("categories", op="has_any", kind="int"),
    "date_modified": on("date_modified", kind="date"),
    "date_modified:min": on("date_modified", op="min", kind="date", bare_date="now"),
    "date_modified:max": on("date_modified", op="max", kind="date"),
    **bounds("date_last_imported", "date", ops="min max"),
    **bounds("inventory_level", "int", ops="in not_in min max greater less"),
    "inventory_low": on("inventory_level", "inventory_warning_level", op="low", kind="bool"),
    "out_of_stock": on("inventory_level", op="out", kind="bool"),
    "keyword": on("name", "description", "sku", "brand_id>brands.name", op="keyword"),
}

PRODUCT_SORTS = {name: name for name in (
    "id", "name", "sku", "price", "date_modified", "date_last_imported", "inventory_level", "is_visible",
    "total_sold", "calculated_price",
)}

PRODUCTS = Family(
    name="products", table="products", label="product", fields=PRODUCT_FIELDS,
    required=("name", "type", "weight", "price"),
    filters=PRODUCT_FILTERS, sorts=PRODUCT_SORTS,
    includes={
        "variants": Include("variants", "product_skus"),
        "images": Include("images", "product_images"),
        "primary_image": Include("images", "product_images", single="thumbnail"),
        "custom_fields": Include("custom_fields", "product_custom_fields"),
        "bulk_pricing_rules": Include("bulk_pricing_rules", "product_discount_rules"),
        "reviews": Include("reviews", "product_reviews"),
        "videos": Include("videos", "product_videos"),
    },
    unique=(Unique(("name",)), Unique(("sku",), skip_empty=True)),
    references=(Reference("categories", "categories", "category"), Reference("brand_id", "brands", "brand"),
                Reference("tax_class_id", "tax_classes", "tax class"),
                Reference("option_set_id", "option_sets", "option set")),
    nested={"variants": "variants", "custom_fields": "custom_fields", "images": "images", "videos": "videos",
            "bulk_pricing_rules": "bulk_pricing_rules"},
    batch=Batch(MULTI_STATUS, 10, "The request payload is too large. The maximum items allowed in the array is 10."),
    delete_filters=("name", "sku", "price", "weight", "condition", "brand_id", "date_modified", "date_last_imported",
                    "is_visible", "is_featured", "id:in", "inventory_level", "total_sold", "type", "categories",
                    "keyword"),
    delete_max=250,
)

VARIANTS = Family(
    name="variants", table="product_skus", label="variant", fields=VARIANT_FIELDS,
    required=("sku", "option_values"),
    filters={"id": on("id", kind="int"), "sku": on("sku"), "upc": on("upc"),
             "product_id:in": on("product_id", op="in", kind="int")},
    unique=(Unique(("sku",)),),
    batch=Batch(BATCH_ERRORS, 50, "The request payload is too large. The maximum items allowed in the array is 50"),
    parent_table="products", parent_column="product_id", max_per_parent=600,
)

PRODUCT_METAFIELDS = metafields_of("product_metafields", "product", "products")

FAMILIES: Mapping[str, Family] = {
    family.name: family
    for family in (PRODUCTS, VARIANTS, PRODUCT_METAFIELDS)
}

ROUTES: tuple[Route, ...] = (
    Route("catalog/products", "products", {"GET": LIST, "POST": CREATE, "PUT": UPDATE_MANY, "DELETE": DELETE_WHERE}),
    Route("catalog/products/{product_id}", "products", ITEM),
    Route("catalog/products/{product_id}/variants", "variants", {"GET": LIST, "POST": CREATE}, per_parent=True),
    Route("catalog/products/{product_id}/variants/{variant_id}", "variants", ITEM, per_parent=True),
    Route("catalog/variants", "variants", {"GET": LIST, "PUT": UPSERT_MANY}),
    *metafield_routes("catalog/products/{product_id}", "product_metafields"),
    Route("catalog/summary", "", {"GET": SUMMARY}),
)
