"""Products and their subresources: images, SKUs, rules, videos, custom fields, bulk pricing,
configurable fields, reviews, options and Google Shopping mappings.

Sources: the 2016 v2 docs (D16, L23), the catalog having no v2 OpenAPI file.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.catalog.schema import (
    COLLECTION_COUNT,
    PER_PARENT_AND_STORE,
    SUB_OPS,
    ZERO,
    Filter,
    Link,
    Resource,
    dates,
    eq,
    ids,
    merge,
    min_max,
    op_set,
)

PRODUCT_FIELDS: dict[str, Any] = {
    "id": None, "keyword_filter": None, "name": "", "type": "physical", "sku": "",
    "description": "", "search_keywords": None, "availability_description": "",
    "price": ZERO, "cost_price": ZERO, "retail_price": ZERO, "sale_price": ZERO,
    "calculated_price": ZERO, "sort_order": 0, "is_visible": False, "is_featured": False,
    "related_products": "-1", "inventory_level": 0, "inventory_warning_level": 0,
    "warranty": None, "weight": ZERO, "width": ZERO, "height": ZERO, "depth": ZERO,
    "fixed_cost_shipping_price": ZERO, "is_free_shipping": False, "inventory_tracking": "none",
    "rating_total": 0, "rating_count": 0, "total_sold": 0, "date_created": None,
    "brand_id": 0, "view_count": 0, "page_title": "", "meta_keywords": None,
    "meta_description": None, "layout_file": "product.html", "is_price_hidden": False,
    "price_hidden_label": "", "categories": [], "date_modified": None,
    "event_date_field_name": "Delivery Date", "event_date_type": "none",
    "event_date_start": "", "event_date_end": "", "myob_asset_account": "",
    "myob_income_account": "", "myob_expense_account": "", "peachtree_gl_account": "",
    "condition": "New", "is_condition_shown": False, "preorder_release_date": "",
    "is_preorder_only": False, "preorder_message": "", "order_quantity_minimum": 0,
    "order_quantity_maximum": 0, "open_graph_type": "product", "open_graph_title": "",
    "open_graph_description": None, "is_open_graph_thumbnail": True, "upc": None,
    "avalara_product_tax_code": "", "date_last_imported": "", "option_set_id": None,
    "tax_class_id": 0, "option_set_display": "right", "bin_picking_number": "",
    "custom_url": "", "primary_image": None, "availability": "available", "brand": None,
    "images": None, "discount_rules": None, "configurable_fields": None,
    "custom_fields": None, "videos": None, "skus": None, "rules": None, "option_set": None,
    "options": None, "tax_class": None,
}

PRODUCT_TYPES: dict[str, str] = {
    "name": "str", "type": "str", "sku": "str", "description": "str", "price": "decimal",
    "cost_price": "decimal", "retail_price": "decimal", "sale_price": "decimal",
    "weight": "decimal", "width": "decimal", "height": "decimal", "depth": "decimal",
    "fixed_cost_shipping_price": "decimal", "categories": "int_list", "brand_id": "int",
    "is_visible": "bool", "is_featured": "bool", "is_free_shipping": "bool",
    "inventory_level": "int", "inventory_warning_level": "int", "sort_order": "int",
    "availability": "str", "condition": "str", "inventory_tracking": "str",
    "option_set_id": "int_or_null", "tax_class_id": "int", "custom_url": "str",
    "order_quantity_minimum": "int", "order_quantity_maximum": "int",
}

PRODUCTS = Resource(
    name="products",
    path="products",
    ops=op_set("L G C U D N"),  # DA sunset (SUN)
    fields=PRODUCT_FIELDS,
    required=("name", "type", "price", "categories", "availability", "weight"),
    types=PRODUCT_TYPES,
    enums={
        "type": ("physical", "digital"),
        "availability": ("available", "disabled", "preorder"),
        "condition": ("New", "Used", "Refurbished"),
        "inventory_tracking": ("none", "simple", "sku"),
    },
    read_only=frozenset({
        "keyword_filter", "calculated_price", "rating_total", "rating_count", "total_sold",
        "date_created", "date_last_imported", "primary_image", "view_count",
    }),
    dates=("date_created", "date_modified"),
    created="date_created",
    modified="date_modified",
    filters=merge(
        ids(), eq("name"), {"keyword_filter": Filter("name", "keyword", "str")},
        {"description": Filter("description", "like", "str")}, eq("sku"),
        eq("condition"), eq("availability"), eq("brand_id", "int"),
        dates("date_created", "date_modified"),
        min_max("date_last_imported", "date"), min_max("price", "decimal"),
        min_max("number_sold", "int", "total_sold"), eq("is_visible", "bool"),
        eq("is_featured", "bool"), min_max("inventory_level", "int"),
        {"category": Filter("categories", "has", "int")},
        {"product_tax_code": Filter("avalara_product_tax_code", "eq", "str")},
    ),
    counts=COLLECTION_COUNT,
    links=(
        Link("brand", "brands/{brand_id}", "brand_id"),
        Link("images", "products/{id}/images"),
        Link("discount_rules", "products/{id}/discountrules"),
        Link("configurable_fields", "products/{id}/configurablefields"),
        Link("custom_fields", "products/{id}/customfields"),
        Link("videos", "products/{id}/videos"),
        Link("skus", "products/{id}/skus"),
        Link("rules", "products/{id}/rules"),
        Link("option_set", "optionsets/{option_set_id}", "option_set_id"),
        Link("options", "products/{id}/options"),
        Link("tax_class", "taxclasses/{tax_class_id}"),
    ),
    hidden=frozenset({"_v3"}),  # fields only the v3 view knows (gtin, mpn...)
)


def product_sub(name: str, sub: str, fields: dict[str, Any], **kw: Any) -> Resource:
    """A subresource of products at ``products/{pid}/{sub}``: every operation and both counts unless told."""
    kw.setdefault("ops", SUB_OPS)
    kw.setdefault("counts", PER_PARENT_AND_STORE)
    kw.setdefault("hidden", frozenset({"_v3"}))  # fields only the v3 view knows (a review's email...)
    return Resource(
        name=name, path=f"products/{{pid}}/{sub}", fields=fields, parent="products",
        parent_key="product_id", **kw,
    )


PRODUCT_IMAGES = product_sub(
    "product_images", "images",
    {
        "id": None, "product_id": None, "image_file": "", "zoom_url": "", "thumbnail_url": "",
        "standard_url": "", "tiny_url": "", "is_thumbnail": False, "sort_order": 0,
        "description": "", "date_created": None,
    },
    required=("image_file",),
    types={"image_file": "str", "is_thumbnail": "bool", "sort_order": "int", "description": "str"},
    read_only=frozenset({"zoom_url", "thumbnail_url", "standard_url", "tiny_url", "date_created"}),
    dates=("date_created",),
    created="date_created",
)

PRODUCT_SKUS = product_sub(
    "product_skus", "skus",
    {
        "id": None, "product_id": None, "sku": "", "price": None, "adjusted_price": ZERO,
        "cost_price": ZERO, "upc": "", "inventory_level": 0, "inventory_warning_level": 0,
        "bin_picking_number": "", "weight": None, "adjusted_weight": ZERO,
        "is_purchasing_disabled": False, "purchasing_disabled_message": "", "image_file": "",
        "options": [],
    },
    required=("sku", "options"),
    types={
        "sku": "str", "price": "decimal_or_null", "cost_price": "decimal", "upc": "str",
        "inventory_level": "int", "inventory_warning_level": "int", "weight": "decimal_or_null",
        "bin_picking_number": "str", "is_purchasing_disabled": "bool", "options": "list",
    },
    read_only=frozenset({"adjusted_price", "adjusted_weight"}),
    filters=merge(
        ids(), eq("sku"), eq("upc"), eq("inventory_level", "int"),
        eq("inventory_warning_level", "int"), eq("bin_picking_number"),
        min_max("inventory_level", "int"),
        {"is_low_inventory": Filter("inventory_level", "low", "bool")},
    ),
    hidden=frozenset({"_v3"}),  # fields only the v3 view knows (sale_price, mpn...)
)

PRODUCT_RULES = product_sub(
    "product_rules", "rules",
    {
        "id": None, "product_id": None, "sort_order": 0, "is_enabled": True, "is_stop": False,
        "price_adjuster": None, "weight_adjuster": None, "is_purchasing_disabled": False,
        "purchasing_disabled_message": "", "is_purchasing_hidden": False, "image_file": "",
        "conditions": [],
    },
    required=("conditions",),
    types={
        "sort_order": "int", "is_enabled": "bool", "is_stop": "bool", "conditions": "list",
        "is_purchasing_disabled": "bool", "is_purchasing_hidden": "bool",
    },
)

PRODUCT_VIDEOS = product_sub(
    "product_videos", "videos",
    {"id": None, "product_id": None, "sort_order": 0, "name": ""},
    required=("url",),
    types={"url": "str", "name": "str", "sort_order": "int"},
    writable_extra=frozenset({"url"}),
    id_kind="str",
    hidden=frozenset({"_v3", "serial"}),  # serial: the integer id v3 shows (state.SERIAL)
)

PRODUCT_CUSTOM_FIELDS = product_sub(
    "product_custom_fields", "custom_fields",
    {"id": None, "product_id": None, "name": "", "text": ""},
    required=("name", "text"),
    types={"name": "str", "text": "str"},
)

PRODUCT_DISCOUNT_RULES = product_sub(
    "product_discount_rules", "discount_rules",
    {"id": None, "product_id": None, "min": 0, "max": 0, "type": "price", "type_value": 0},
    required=("type", "type_value"),
    types={"min": "int", "max": "int", "type": "str", "type_value": "number"},
    enums={"type": ("price", "percent", "fixed")},
    id_kind="int_str",  # L23 prints "id": "1"
)

PRODUCT_CONFIGURABLE_FIELDS = product_sub(
    "product_configurable_fields", "configurable_fields",
    {
        "id": None, "product_id": None, "name": "", "type": "T", "allowed_file_types": "",
        "max_size": 0, "select_options": "", "is_required": False, "sort_order": 0,
    },
    ops=op_set("L G D DA N"),
)

PRODUCT_REVIEWS = product_sub(
    "product_reviews", "reviews",
    {
        "id": None, "product_id": None, "author": "", "date_created": None, "title": "",
        "review": "", "rating": 0, "status": 0,
    },
    ops=op_set("L G C U D DA"),
    counts=frozenset(),
    required=("author", "title", "review", "rating"),
    types={
        "author": "str", "title": "str", "review": "str", "rating": "int", "status": "int",
        "date_created": "date",
    },
    enums={"rating": (1, 2, 3, 4, 5), "status": (0, 1, 2)},
    dates=("date_created",),
    created="date_created",
)

PRODUCT_OPTIONS = product_sub(
    "product_options", "options",
    {"id": None, "option_id": 0, "display_name": "", "sort_order": 0, "is_required": False},
    ops=op_set("L G"),
    counts=frozenset(),
    hidden=frozenset({"product_id", "_v3"}),  # _v3: what only v3 knows (kind, config)
)

PRODUCT_GOOGLE_MAPPINGS = product_sub(
    "product_google_mappings", "googleproductsearch",
    {
        "enabled": True, "product_id": None, "category_id": 0, "custom_item": False,
        "global_trade_item_number": "", "manufacturer_part_number": "", "gender": "",
        "age_group": "", "color": "", "size": "", "material": "", "pattern": "",
        "google_shopping_product_category_path": "",
    },
    ops=op_set("L"),
    counts=frozenset(),
    hidden=frozenset({"id"}),
)
