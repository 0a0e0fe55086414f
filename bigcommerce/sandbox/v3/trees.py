"""v3 category trees and tree categories: the current category API over the same category rows.

A tree is a row of the state-only ``category_trees`` table (one channel each); the default
tree 1 (channel 1) is reference data. A tree category IS a ``categories`` row, the one the
deprecated ``/catalog/categories`` and v2 ``/categories`` serve: ``category_id`` is its id,
``category_uuid`` a uuid made from that id, ``tree_id`` its tree (a child is in its parent's
tree), ``url`` its stored url as ``{path, is_customized}``. Rules from
``catalog_category-trees_catalog.v3.yml`` (v3-resources.md §3.6, §2.7, §2.13): every write is
a batch; POST answers 201 ``{data, meta: {total, success, failed}}``, 207 when some items
failed, 422 when none was saved; PUT answers only ``meta`` (200 / 207 / 422); DELETE answers
202 with ``meta``; ``PUT /catalog/trees`` upserts at most 50 trees (413), a new tree needs
``name`` and exactly one ``channels`` entry, an update may not name ``channels``;
``DELETE /catalog/trees`` needs ``id:in``; ``GET /catalog/trees/{tree_id}/categories`` nests
the tree, cut at ``depth``.

Choices: a tree category DELETE without any filter is a 422 (the spec declares none as
required; nothing is wiped by accident); deleting categories (or a tree) deletes their
subcategories and takes them out of the products filed in them; a channel holds one tree.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, ApiError, StoreResponse, dumps
from bigcommerce.sandbox.rows import merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, merged_status
from bigcommerce.sandbox.v3.batch import write_many
from bigcommerce.sandbox.v3.categories import BODY_FIELDS, MAX_DEPTH, NAME_FILTERS
from bigcommerce.sandbox.v3.errors import ERROR_TYPE, SHORT_ERROR_TYPE, V3Error, bad_input, invalid, not_found
from bigcommerce.sandbox.v3.query import predicates
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    COUNTS,
    LIST,
    Action,
    Batch,
    Call,
    Family,
    Field,
    Route,
    Unique,
    col,
    computed,
    on,
)
from bigcommerce.sandbox.v3.writes import ItemError, apply, prepare

MAX_TREES = 50
TREES_TOO_LARGE = f"The request payload is too large. The maximum trees allowed in the array is {MAX_TREES}."

TREES = Family(
    name="category_trees", table="category_trees", label="category tree",
    fields=(col("id", codec="int", read_only=True), col("name", codec="str", min_length=1, max_length=255),
            col("channels", codec="int_list")),
    required=("name", "channels"),
    filters={"id:in": on("id", op="in", kind="int"), "channel_id:in": on("channels", op="has_any", kind="int")},
    batch=Batch(COUNTS, MAX_TREES, TREES_TOO_LARGE),
)

TREE_CATEGORY_FIELDS: tuple[Field, ...] = (
    col("category_id", "id", "int", read_only=True),
    computed("category_uuid"),
    col("parent_id", codec="int", minimum=0),
    col("tree_id", codec="int", minimum=1),
    *BODY_FIELDS,
    computed("url", "category_url_path", codec="url_path", column="url"),
)

# The filters DELETE /catalog/trees/categories declares (the list takes all of TREE_CATEGORIES.filters).
DELETE_FILTERS = ("category_uuid:in", "category_id:in", "tree_id:in", "parent_id:in")

TREE_CATEGORIES = Family(
    name="tree_categories", table="categories", label="category", fields=TREE_CATEGORY_FIELDS,
    required=("name",),
    filters={
        "category_uuid:in": on("id", op="in", kind="uuid"), "category_uuid:not_in": on("id", op="not_in", kind="uuid"),
        "category_id:in": on("id", op="in", kind="int"), "category_id:not_in": on("id", op="not_in", kind="int"),
        "tree_id:in": on("tree_id", op="in", kind="int"), "tree_id:not_in": on("tree_id", op="not_in", kind="int"),
        "parent_id:in": on("parent_id", op="in", kind="int"),
        "parent_id:not_in": on("parent_id", op="not_in", kind="int"), **NAME_FILTERS,
    },
    unique=(Unique(("name",), among=("parent_id", "tree_id")),),
    id_field="category_id",
)


# ------------------------------------------------------------------ where a category goes

def _tree_of(row: Mapping[str, Any]) -> int:
    return int(row.get("tree_id", 1))


def _depth(categories: Mapping[int, Mapping[str, Any]], category_id: int) -> int:
    """1 for a top-level category, 2 for its children..."""
    depth, seen = 0, set()
    while category_id and category_id in categories and category_id not in seen:
        seen.add(category_id)
        depth += 1
        category_id = categories[category_id].get("parent_id", 0)
    return depth


def _placed(state: State, item: object, row: Mapping[str, Any] | None) -> dict[str, Any]:
    """The item with its ``parent_id`` and ``tree_id`` resolved: a child joins its parent's tree."""
    if not isinstance(item, dict):
        raise ItemError(422, {"body": "Each item must be a JSON object."})
    parent_id, tree_id = item.get("parent_id"), item.get("tree_id")
    for key, value in (("parent_id", parent_id), ("tree_id", tree_id)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ItemError(422, {key: f"The field '{key}' must be an integer."})
    if row is not None and parent_id is None and tree_id is None:
        return dict(item)
    if row is None and parent_id is None and tree_id is None:
        raise ItemError(422, {"tree_id": "Give the tree_id (a top-level category) or the parent_id."})
    categories = state.tables["categories"].rows
    if parent_id is None:
        parent_id = row["parent_id"] if row is not None and tree_id == _tree_of(row) else 0
    if parent_id:
        parent = categories.get(parent_id)
        if parent is None:
            raise ItemError(422, {"parent_id": f"The category {parent_id} does not exist."})
        if tree_id is not None and tree_id != _tree_of(parent):
            raise ItemError(422, {"tree_id": f"The parent category {parent_id} is in tree {_tree_of(parent)}."})
        if row is not None and row["id"] in _ancestry(categories, parent_id):
            raise ItemError(422, {"parent_id": "A category cannot be moved below itself."})
        if _depth(categories, parent_id) >= MAX_DEPTH:
            raise ItemError(422, {"parent_id": f"Categories nest at most {MAX_DEPTH} levels deep."})
        tree_id = _tree_of(parent)
    elif tree_id not in state.tables["category_trees"].rows:
        raise ItemError(422, {"tree_id": f"The category tree {tree_id} does not exist."})
    return {**item, "parent_id": parent_id, "tree_id": tree_id}


def _ancestry(categories: Mapping[int, Mapping[str, Any]], category_id: int) -> list[int]:
    chain: list[int] = []
    while category_id and category_id in categories and category_id not in chain:
        chain.append(category_id)
        category_id = categories[category_id].get("parent_id", 0)
    return chain


# ------------------------------------------------------------------ tree category batches

def _array(body: object) -> list[Any]:
    if not isinstance(body, list):
        raise bad_input("The request body must be a JSON array.")
    return body


def _write(state: State, renderer: Renderer, items: list[Any], creating: bool) -> tuple[list[Any], list[Any]]:
    """Each item checked and saved on its own: the saved rows and the (index, ItemError) failures."""
    saved, failures = [], []
    rows = state.tables["categories"].rows
    for index, item in enumerate(items):
        try:
            row = None
            if not creating:
                category_id = item.get("category_id") if isinstance(item, dict) else None
                row = rows.get(category_id) if isinstance(category_id, int) else None
                if row is None:
                    raise ItemError(422, {"category_id": f"The category {category_id} does not exist."})
            placed = _placed(state, item, row)
            saved.append(apply(state, prepare(state, renderer.families, TREE_CATEGORIES, placed, row=row)))
        except ItemError as exc:
            failures.append((index, exc))
        except ApiError as error:
            failures.append((index, ItemError(422 if error.status == 400 else error.status,
                                              {error.field or "category": error.message})))
    return saved, failures


def _answer(total: int, data: list[Any] | None, saved: int, failures: list[Any], status: int) -> StoreResponse:
    """201/200 with counts, 207 when some were saved, 422 (409) ``{errors, meta}`` when none was."""
    meta = {"total": total, "success": saved, "failed": len(failures)}
    body: dict[str, Any] = {} if data is None else {"data": data}
    if failures:
        errors = {f"{index}.{key}": message for index, exc in failures for key, message in exc.errors.items()}
        code = merged_status([exc for _, exc in failures])
        body["errors"] = {"status": code, "title": f"{len(failures)} of {total} categories could not be saved.",
                          "type": ERROR_TYPE, "errors": errors}
        status = 207 if saved else code
        if not saved:
            body.pop("data", None)
    body["meta"] = meta
    return StoreResponse(status, dumps(body), {})


def _create_tree_categories(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    items = _array(call.body)
    saved, failures = _write(state, renderer, items, creating=True)
    data = [renderer.render(TREE_CATEGORIES, row) for row in saved]
    return _answer(len(items), data, len(saved), failures, 201)


def _update_tree_categories(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    items = _array(call.body)
    saved, failures = _write(state, renderer, items, creating=False)
    return _answer(len(items), None, len(saved), failures, 200)


def remove_categories(state: State, ids: Iterable[int]) -> int:
    """Delete categories with their subcategories, taking them out of products; how many went."""
    table = state.tables["categories"]
    gone: set[int] = set()
    frontier = [one for one in ids if one in table.rows]
    while frontier:
        gone.update(frontier)
        frontier = [row["id"] for row in table.rows.values() if row.get("parent_id") in gone and row["id"] not in gone]
    products = state.tables["products"]
    for product in list(products.rows.values()):
        listed = product.get("categories") or ()
        if not gone.isdisjoint(listed):
            merge_row(state, products.resource, product, {"categories": [one for one in listed if one not in gone]})
    for category_id in sorted(gone, reverse=True):
        state.drop(table.resource, table.rows[category_id])
    return len(gone)


def _delete_tree_categories(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    query = {name: value for name, value in call.query.items() if name in DELETE_FILTERS and value}
    if not query:
        raise invalid({"filter": f"Give at least one of: {', '.join(DELETE_FILTERS)}."},
                      "A filter is required to delete categories.")
    tests = predicates(state, TREE_CATEGORIES, query)
    matched = [row["id"] for row in state.tables["categories"].ordered().values() if all(t(row) for t in tests)]
    count = remove_categories(state, matched)
    return StoreResponse(202, dumps({"meta": {"total": count, "success": count, "failed": 0}}), {})


# ------------------------------------------------------------------ trees

def _upsert_trees(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /catalog/trees: the tree rules checked for every item first (one 422), then the upsert."""
    items = _array(call.body)
    if len(items) > MAX_TREES:
        raise V3Error(413, TREES_TOO_LARGE, {}, error_type=SHORT_ERROR_TYPE)
    trees = state.tables["category_trees"].rows
    taken = {channel: tree_id for tree_id, tree in trees.items() for channel in tree.get("channels") or ()}
    errors: dict[str, str] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue  # write_many words this one
        if item.get("id") is not None:
            if "channels" in item:
                errors[f"{index}.channels"] = "The channels of a category tree cannot be changed on an update."
            continue
        channels = item.get("channels")
        if channels is None:
            continue
        if not isinstance(channels, list) or len(channels) != 1:
            errors[f"{index}.channels"] = "A category tree is assigned to exactly one channel."
        elif channels[0] in taken:
            errors[f"{index}.channels"] = f"The channel {channels[0]} already has a category tree."
        else:
            taken[channels[0]] = index
    if errors:
        raise invalid(errors, "The category trees were not valid.")
    return write_many(state, renderer.families, renderer, call.family, items, "upsert")


def _delete_trees(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /catalog/trees?id:in=…: the trees and every category in them; 204."""
    raw = call.query.get("id:in", "")
    if not raw.strip():
        raise invalid({"id:in": "Give the ids of the trees to delete."}, "A filter is required to delete trees.")
    tests = predicates(state, TREES, {"id:in": raw})
    table = state.tables["category_trees"]
    for tree in [row for row in table.ordered().values() if all(test(row) for test in tests)]:
        remove_categories(state, [row["id"] for row in state.tables["categories"].rows.values()
                                  if _tree_of(row) == tree["id"]])
        state.drop(table.resource, tree)
    return NO_CONTENT


def _tree_view(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET /catalog/trees/{tree_id}/categories: nested nodes, siblings by sort order, cut at ``depth``."""
    tree_id = call.ids[0]
    if tree_id not in state.tables["category_trees"].rows:
        raise not_found("category tree")
    raw = call.query.get("depth", "")
    if raw and (not raw.isdigit() or int(raw) < 1):
        raise invalid({"depth": f"'{raw}' is not a positive integer."}, "The parameter 'depth' is invalid.")
    limit = int(raw) if raw else MAX_DEPTH
    table = state.tables["categories"]
    defaults = table.resource.fields
    children: dict[int, list[Mapping[str, Any]]] = {}
    for row in table.ordered().values():
        if _tree_of(row) == tree_id:
            children.setdefault(row.get("parent_id", 0), []).append(row)

    def nodes(parent_id: int, path: list[int]) -> list[dict[str, Any]]:
        level = len(path) + 1
        out = []
        for row in sorted(children.get(parent_id, ()), key=lambda r: (r.get("sort_order", 0), r["id"])):
            here = [*path, row["id"]]
            out.append({"id": row["id"], "parent_id": row.get("parent_id", 0), "depth": level, "path": here,
                        "name": row.get("name", ""), "is_visible": row.get("is_visible", defaults["is_visible"]),
                        "url": row.get("url", ""), "children": nodes(row["id"], here) if level < limit else []})
        return out

    return data_response(nodes(0, []))


FAMILIES: Mapping[str, Family] = {family.name: family for family in (TREES, TREE_CATEGORIES)}

ROUTES: tuple[Route, ...] = (
    Route("catalog/trees", "category_trees", {"GET": LIST, "PUT": "upsert_trees", "DELETE": "delete_trees"}),
    Route("catalog/trees/categories", "tree_categories", {
        "GET": LIST, "POST": "create_tree_categories", "PUT": "update_tree_categories",
        "DELETE": "delete_tree_categories"}),
    Route("catalog/trees/{tree_id}/categories", "tree_categories", {"GET": "tree_view"}),
)

ACTIONS: Mapping[str, Action] = {
    "upsert_trees": _upsert_trees, "delete_trees": _delete_trees, "tree_view": _tree_view,
    "create_tree_categories": _create_tree_categories, "update_tree_categories": _update_tree_categories,
    "delete_tree_categories": _delete_tree_categories,
}
