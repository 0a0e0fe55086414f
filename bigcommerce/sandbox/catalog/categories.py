"""Brands and categories: where products are filed (D16)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import ALL_OPS, COLLECTION_COUNT, Resource, eq, ids, merge

BRANDS = Resource(
    name="brands",
    path="brands",
    ops=ALL_OPS,
    fields={
        "id": None, "name": "", "page_title": "", "meta_keywords": "", "meta_description": "",
        "image_file": "", "search_keywords": "",
    },
    required=("name",),
    types={"name": "str", "page_title": "str", "image_file": "str", "search_keywords": "str"},
    filters=merge(eq("name"), ids()),
    counts=COLLECTION_COUNT,
)

CATEGORIES = Resource(
    name="categories",
    path="categories",
    ops=ALL_OPS,
    fields={
        "id": None, "parent_id": 0, "name": "", "description": "", "sort_order": 0,
        "page_title": "", "meta_keywords": "", "meta_description": "",
        "layout_file": "category.html", "parent_category_list": [], "image_file": "",
        "is_visible": True, "search_keywords": "", "url": "",
    },
    required=("name",),
    types={
        "parent_id": "int", "name": "str", "description": "str", "sort_order": "int",
        "is_visible": "bool", "url": "str",
    },
    read_only=frozenset({"parent_category_list"}),
    filters=merge(eq("parent_id", "int"), eq("name"), eq("is_visible", "bool"), ids()),
    counts=COLLECTION_COUNT,
)
