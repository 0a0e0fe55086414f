"""Brands and categories: where products are filed (D16).

A category's ``tree_id`` names the v3 category tree holding it (the state-only
``category_trees`` table); v2 has no trees, so it neither prints nor writes it, and every
category v2 creates sits in the default tree 1.
"""
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
    hidden=frozenset({"_v3"}),  # fields only the v3 view knows (custom_url)
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
        "tree_id": 1,  # the v3 category tree holding the category (1: the default tree); never printed
    },
    required=("name",),
    types={
        "parent_id": "int", "name": "str", "description": "str", "sort_order": "int",
        "is_visible": "bool", "url": "str",
    },
    read_only=frozenset({"parent_category_list", "tree_id"}),
    filters=merge(eq("parent_id", "int"), eq("name"), eq("is_visible", "bool"), ids()),
    counts=COLLECTION_COUNT,
    hidden=frozenset({"_v3", "tree_id"}),  # _v3: fields only the v3 view knows (views, product sort order)
)
