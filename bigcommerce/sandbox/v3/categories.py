"""v3 categories (deprecated), their metafields and product sort order.

A v3 category IS a v2 ``categories`` row: ``image_url`` is ``image_file``, ``custom_url`` the
row's ``url``, ``meta_keywords`` the comma string v2 keeps as a list; ``views`` and
``default_product_sort`` are v3-only (``_v3``). The same rows are the tree categories of
``trees``. Metafields are ``metafields`` rows with ``resource_type`` ``category``. A product's
sort order inside a category is kept in the category's ``_v3`` (``product_sort_order``);
category assignments are in ``assignments``. Rules from
``catalog_categories_catalog.v3.yml`` and ``catalog_products_catalog.v3.yml`` (v3-resources.md
§3.5, §3.1): ``parent_id`` and ``name`` required, names unique among siblings (409), a bulk
DELETE needs a filter and refuses categories that hold products (422), the sort-order PUT
answers a bare array. ``DELETE …/image`` empties the row's ``image_file``.

Choice: the deprecated endpoints serve the default storefront, so top-level names are
unique across trees there (the tree endpoints compare siblings of one tree only).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse, dumps
from bigcommerce.sandbox.rows import EXTRA, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.catalog import MAX_INT
from bigcommerce.sandbox.v3.errors import bad_input, invalid, not_found
from bigcommerce.sandbox.v3.lists import items_page
from bigcommerce.sandbox.v3.metafields import METAFIELD_FILTERS, metafield_routes, metafields_of
from bigcommerce.sandbox.v3.query import predicates
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    ITEM,
    LIST,
    Action,
    Call,
    Family,
    Field,
    Route,
    Unique,
    bounds,
    col,
    computed,
    extra,
    id_filters,
    on,
)

PRODUCT_SORTS = ("use_store_settings", "featured", "newest", "best_selling", "alpha_asc", "alpha_desc",
                 "avg_customer_review", "price_asc", "price_desc")
MAX_DEPTH = 8  # levels of child categories (the create text)
SORT_ORDER_KEY = "product_sort_order"  # in a category's _v3: product id (as text) -> sort order

# The fields the deprecated category and the tree category share, after their ids and parent.
BODY_FIELDS: tuple[Field, ...] = (
    col("name", codec="str", min_length=1, max_length=50),
    col("description", codec="str", max_length=65535),
    extra("views", 0, "int", minimum=0),
    col("sort_order", codec="int", minimum=-MAX_INT - 1, maximum=MAX_INT),
    col("page_title", codec="str", max_length=255),
    col("meta_keywords", codec="csv_strs"),
    col("meta_description", codec="str", max_length=65535),
    col("layout_file", codec="str", max_length=500),
    col("image_url", "image_file", "str"),
    col("is_visible", codec="bool"),
    col("search_keywords", codec="str", max_length=255),
    extra("default_product_sort", "use_store_settings", "str", choices=PRODUCT_SORTS),
)

CATEGORY_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("parent_id", codec="int", minimum=0),
    *BODY_FIELDS,
    computed("custom_url", "category_custom_url", codec="custom_url", column="url"),
)

NAME_FILTERS = {
    "name": on("name"), "name:like": on("name", op="like"), "page_title": on("page_title"),
    "page_title:like": on("page_title", op="like"), "is_visible": on("is_visible", kind="bool"),
    "keyword": on("name", "description", "page_title", "search_keywords", op="keyword"),
}

CATEGORIES = Family(
    name="categories", table="categories", label="category", fields=CATEGORY_FIELDS,
    required=("parent_id", "name"),
    filters={**id_filters(), **bounds("parent_id", "int", ops="in min max greater less"), **NAME_FILTERS},
    sorts={name: name for name in ("name", "id", "parent_id", "sort_order")},
    unique=(Unique(("name",), among=("parent_id",)),),
    delete_filters=("id", "id:in", "id:not_in", "id:min", "id:max", "id:greater", "id:less", "name", "parent_id",
                    "page_title", "keyword", "is_visible", "name:like", "parent_id:in", "parent_id:min",
                    "parent_id:max", "parent_id:greater", "parent_id:less", "page_title:like"),
)




CATEGORY_METAFIELDS = metafields_of("category_metafields", "category", "categories", parent_label="category",
                                    filters={**METAFIELD_FILTERS, **id_filters()})

# Answered by actions; their fields only name what the items hold.
SORT_ORDERS = Family(name="category_sort_orders", table="categories", label="sort order",
                     fields=(col("product_id", codec="int"), col("sort_order", codec="int")))


# ------------------------------------------------------------------ actions

def in_category(state: State, category_id: int) -> list[dict[str, Any]]:
    """The products filed in a category, ascending id."""
    return [row for row in state.tables["products"].ordered().values() if category_id in (row.get("categories") or ())]


def _delete_categories(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /catalog/categories: a filter is required, and no matched category may hold products (422)."""
    family, query = call.family, call.query
    if not any(query.get(name) for name in family.delete_filters):
        raise invalid({"filter": f"Give at least one of: {', '.join(family.delete_filters)}."},
                      "A filter is required to delete categories.")
    tests = predicates(state, family, query)
    table = state.tables["categories"]
    matched = [row for row in table.ordered().values() if all(test(row) for test in tests)]
    holding = {str(row["id"]): "The category holds products: move them first." for row in matched
               if in_category(state, row["id"])}
    if holding:
        raise invalid(holding, "Categories that hold products cannot be deleted.")
    for row in matched:
        state.drop(table.resource, row)
    return NO_CONTENT


def _category(state: State, call: Call) -> dict[str, Any]:
    row = state.tables["categories"].rows.get(call.ids[0])
    if row is None:
        raise not_found("category")
    return row


def _list_sort_order(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET …/products/sort-order: the category's products by their sort order there (nulls last)."""
    category = _category(state, call)
    orders: Mapping[str, int] = (category.get(EXTRA) or {}).get(SORT_ORDER_KEY, {})
    items = [{"product_id": row["id"], "sort_order": orders.get(str(row["id"]))}
             for row in in_category(state, category["id"])]
    items.sort(key=lambda item: (item["sort_order"] is None, item["sort_order"] or 0, item["product_id"]))
    return items_page(call, items)


def _whole(value: Any, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low


def _update_sort_order(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT …/products/sort-order: every product must be in the category (422); a bare array answers."""
    category = _category(state, call)
    items = call.body
    if not isinstance(items, list):
        raise bad_input("The request body must be a JSON array.")
    filed = {row["id"] for row in in_category(state, category["id"])}
    errors: dict[str, str] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors[str(index)] = "Each item must be a JSON object."
            continue
        if not _whole(item.get("product_id"), 1):
            errors[f"{index}.product_id"] = "The field 'product_id' must be an integer from 1."
        elif item["product_id"] not in filed:
            errors[f"{index}.product_id"] = f"The product {item['product_id']} is not in this category."
        if not _whole(item.get("sort_order"), 0):
            errors[f"{index}.sort_order"] = "The field 'sort_order' must be an integer from 0."
    if errors:
        raise invalid(errors, "The product sort order was not valid.")
    orders = dict((category.get(EXTRA) or {}).get(SORT_ORDER_KEY, {}))
    orders.update({str(item["product_id"]): item["sort_order"] for item in items})
    merge_row(state, state.tables["categories"].resource, category, {EXTRA: {SORT_ORDER_KEY: orders}})
    answer = [{"product_id": item["product_id"], "sort_order": item["sort_order"]} for item in items]
    return StoreResponse(200, dumps(answer), {})


def delete_image(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE …/{id}/image: the category's or brand's ``image_file`` emptied; 204 (404 without the object)."""
    table = state.tables[call.family.table]
    row = table.rows.get(call.ids[0])
    if row is None:
        raise not_found(call.family.label)
    merge_row(state, table.resource, row, {"image_file": ""})
    return NO_CONTENT


def upload_image(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST …/{id}/image (multipart ``image_file``, read by ``sandbox.forms``): the category's or
    brand's ``image_file`` becomes the stored upload's address; answers ``{data: {image_url}}``.
    Choice: a JSON ``image_url`` is taken too (the API takes only the file)."""
    table = state.tables[call.family.table]
    row = table.rows.get(call.ids[0])
    if row is None:
        raise not_found(call.family.label)
    body = call.body if isinstance(call.body, dict) else {}
    address = body.get("image_url")
    if not isinstance(address, str) or not address:
        raise invalid({"image_file": "Send the image as a multipart/form-data file named image_file."},
                      "The image file is missing.")
    merge_row(state, table.resource, row, {"image_file": address})
    return data_response({"image_url": address})


FAMILIES: Mapping[str, Family] = {
    family.name: family for family in (CATEGORIES, CATEGORY_METAFIELDS, SORT_ORDERS)
}

ROUTES: tuple[Route, ...] = (
    Route("catalog/categories", "categories", {"GET": LIST, "POST": CREATE, "DELETE": "delete_categories"}),
    Route("catalog/categories/{category_id}", "categories", ITEM),
    *metafield_routes("catalog/categories/{category_id}", "category_metafields"),
    Route("catalog/categories/{category_id}/image", "categories", {"POST": "upload_image", "DELETE": "delete_image"}),
    Route("catalog/categories/{category_id}/products/sort-order", "category_sort_orders",
          {"GET": "list_sort_order", "PUT": "update_sort_order"}),
)

ACTIONS: Mapping[str, Action] = {
    "delete_categories": _delete_categories, "delete_image": delete_image, "upload_image": upload_image,
    "list_sort_order": _list_sort_order, "update_sort_order": _update_sort_order,
}
