"""v3 content pages over the shared v2 ``pages`` rows (v3-resources.md §3.27, ``pages.v3.yml``).

A v3 page IS a v2 page row: every field the v3 schemas print has a v2 column of the same name
except ``channel_id`` (v3 only, stored in ``_v3``, 1 until written). The collection path takes
one object or an array, and answers in the form it was sent (§2.7): POST saves the valid
entries, answering 201, or 422 naming the invalid ones while the others stay created; PUT
checks every entry first (404 for an id that is no page, 422 for invalid input) and changes
nothing unless all are valid. ``DELETE ?id:in=`` (required) deletes the pages it finds and
answers 404 naming an id it did not find; a deleted page's children are re-parented to 0 and
hidden, or deleted with it under ``delete_children=true``. ``GET /content/pages/{pageId}`` applies
the list's filters (a page that does not match them is a 404). Errors are the spec's
``{status, title, type, detail}``; a ``{pageId}`` that is not an integer is a 422 (the spec's
"pageId is bar" example); a duplicate name is a 422 (the spec declares no 409). Every
object prints every field, whatever its type (the spec's per-type schemas are subsets).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse
from bigcommerce.sandbox.rows import merge_row, remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import V3Error
from bigcommerce.sandbox.v3.query import predicates, wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import LIST, Call, Family, Field, Reference, Route, Unique, col, extra, on
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

PAGE_TYPES = ("page", "raw", "contact_form", "link", "blog")
# Fields a page of a type needs when it is created (pages.v3.yml: typeRaw, typeLink).
REQUIRED_BY_TYPE: Mapping[str, str] = {"raw": "body", "link": "link"}
MAX_PAGES = 4000  # the platform limit the create text names

PAGE_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    extra("channel_id", 1, "int"),
    col("name", codec="str", min_length=1, max_length=100),
    col("meta_title", codec="nullable_str"),
    col("email", codec="str", max_length=255),
    col("is_visible", codec="bool"),
    col("parent_id", codec="int"),
    col("sort_order", codec="int"),
    col("meta_keywords", codec="nullable_str"),
    col("contact_fields", codec="str"),
    col("type", codec="str", choices=PAGE_TYPES),
    col("meta_description", codec="nullable_str"),
    col("is_homepage", codec="bool"),
    col("is_customers_only", codec="bool"),
    col("search_keywords", codec="nullable_str"),
    col("url", codec="str"),
    col("link", codec="str"),
    col("content_type", codec="str"),
    col("body", codec="nullable_str", include="body"),
)

PAGES = Family(
    name="pages", table="pages", label="page", fields=PAGE_FIELDS, required=("name", "type"),
    filters={"channel_id": on("_v3.channel_id", kind="int"), "id:in": on("id", op="in", kind="int"),
             "name": on("name"), "name:like": on("name", "body", op="keyword")},
    unique=(Unique(("name",)),),
    references=(Reference("parent_id", "pages", "parent page"),),
    delete_filters=("id:in",), malformed_id=422,
)

INPUT_INVALID = "Input is invalid"


def _invalid(detail: str) -> V3Error:
    return V3Error(422, INPUT_INVALID, detail=detail)


def _missing(page_id: Any) -> V3Error:
    return V3Error(404, f"A Page was not found with an ID of {page_id}")


def _words(error: ItemError) -> str:
    return "; ".join(f"{name}: {message}" for name, message in error.errors.items())


def _entries(body: object) -> tuple[list[Any], bool]:
    """The entries of a body that is one object or an array, and whether it was one object."""
    if isinstance(body, dict):
        return [body], True
    if isinstance(body, list) and body:
        return body, False
    raise V3Error(400, "Bad Request", detail="The body must be a page object or a non-empty array of them.")


def _prepare(state: State, body: Any, row: dict[str, Any] | None = None) -> Prepared:
    """One entry checked against the family and the rules of its type (ItemError 422)."""
    try:
        prepared = prepare(state, FAMILIES, PAGES, body, row=row)
    except ItemError as exc:
        raise ItemError(422, exc.errors) from None
    page_type = body.get("type", (row or {}).get("type", "page"))
    needed = REQUIRED_BY_TYPE.get(page_type)
    if row is None and needed and not body.get(needed):
        raise ItemError(422, {needed: f"missing the required field: {needed}"})
    return prepared


def _answer(state: State, renderer: Renderer, call: Call, rows: list[dict[str, Any]], single: bool,
            status: int) -> StoreResponse:
    includes = wanted(call.query, "include")
    data = [renderer.render(PAGES, row, includes) for row in rows]
    return data_response(data[0] if single else data, status=status)


def create_pages(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /content/pages: valid entries are created even when others are refused (then 422)."""
    entries, single = _entries(call.body)
    table = state.tables["pages"]
    created, refused = [], []
    for index, entry in enumerate(entries):
        try:
            if len(table.rows) >= MAX_PAGES:
                raise ItemError(422, {"name": f"A store can have at most {MAX_PAGES} pages."})
            created.append(apply(state, _prepare(state, entry)))
        except ItemError as exc:
            refused.append(f"{index}: {_words(exc)}" if not single else _words(exc))
    if refused:
        raise _invalid("; ".join(refused))
    return _answer(state, renderer, call, created, single, 201)


def update_pages(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /content/pages: every entry names its page; nothing changes unless all are valid."""
    entries, single = _entries(call.body)
    rows = state.tables["pages"].rows
    ready = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("id") is None:
            raise _invalid("missing the required field: id")
        row = rows.get(entry["id"])
        if row is None:
            raise _missing(entry["id"])
        try:
            ready.append(_prepare(state, entry, row))
        except ItemError as exc:
            raise _invalid(_words(exc)) from None
    return _answer(state, renderer, call, [apply(state, prepared) for prepared in ready], single, 200)


def _page(state: State, call: Call) -> dict[str, Any]:
    """The page a per-id path names (an action's call keeps the path ids in ``ids``)."""
    row = state.tables["pages"].rows.get(call.ids[-1])
    if row is None:
        raise _missing(call.ids[-1])
    return row


def _filtered_page(state: State, call: Call) -> dict[str, Any]:
    row = _page(state, call)
    if not all(test(row) for test in predicates(state, PAGES, call.query)):
        raise _missing(call.ids[-1])
    return row


def get_page(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET /content/pages/{pageId}: 404 also for a page the query's filters leave out."""
    return _answer(state, renderer, call, [_filtered_page(state, call)], True, 200)


def update_page(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = _page(state, call)
    if not isinstance(call.body, dict):
        raise V3Error(400, "Bad Request", detail="The body must be a page object.")
    try:
        prepared = _prepare(state, call.body, row)
    except ItemError as exc:
        raise _invalid(_words(exc)) from None
    return _answer(state, renderer, call, [apply(state, prepared)], True, 200)


def _delete(state: State, row: dict[str, Any], with_children: bool) -> None:
    """Delete one page; its children go with it, or move to the top level, hidden."""
    table = state.tables["pages"]
    for child in [other for other in table.rows.values() if other.get("parent_id") == row["id"]]:
        if with_children:
            _delete(state, child, True)
        else:
            merge_row(state, table.resource, child, {"parent_id": 0, "is_visible": False})
    remove_row(state, table.resource, row)


def delete_page(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /content/pages/{pageId}: query parameters are ignored, children are kept."""
    _delete(state, _page(state, call), False)
    return NO_CONTENT


def delete_pages(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /content/pages?id:in=: the pages found are deleted; 404 names one that was not."""
    raw = [part.strip() for part in call.query.get("id:in", "").split(",") if part.strip()]
    if not raw:
        raise _invalid("missing the required field: id")
    if not all(part.isdigit() for part in raw):
        raise _invalid("id:in must be a comma-separated list of page ids")
    with_children = call.query.get("delete_children", "").lower() == "true"
    rows = state.tables["pages"].rows
    missing = []
    for page_id in (int(part) for part in raw):
        row = rows.get(page_id)
        if row is None:
            missing.append(page_id)
        else:
            _delete(state, row, with_children)
    if missing:
        raise _missing(missing[0])
    return NO_CONTENT


FAMILIES: Mapping[str, Family] = {PAGES.name: PAGES}

ACTIONS = {
    "pages_create": create_pages, "pages_update": update_pages, "pages_delete": delete_pages,
    "page_get": get_page, "page_update": update_page, "page_delete": delete_page,
}

ROUTES: tuple[Route, ...] = (
    Route("content/pages", "pages",
          {"GET": LIST, "POST": "pages_create", "PUT": "pages_update", "DELETE": "pages_delete"}),
    Route("content/pages/{pageId}", "pages", {"GET": "page_get", "PUT": "page_update", "DELETE": "page_delete"}),
)
