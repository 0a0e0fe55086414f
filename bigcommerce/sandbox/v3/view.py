"""The v3 view: v3 requests answered from the same ``State`` the v2 view serves.

``V3View.handle(method, path, query, body)`` matches the path (``routes``), runs the route's
operation for its family and answers in v3 words: ``{data, meta}`` envelopes, offset or cursor
``meta``, v3 error bodies, 204 for deletes. A template the sandbox does not serve answers 501
``{status, title, type, detail}`` naming the method and path; a method the spec does not declare
on the template, 405; a path in no spec, 404.

Choices where the sources leave room:

* A v3 variant is a SKU row, so a product without SKUs lists no variants (the real API shows
  a base variant); ``base_variant_id`` is the product's one option-less SKU, else null.
* ``limit`` above the family's maximum (250) is a 422 naming ``limit``; ``page`` past the end
  gives an empty ``data`` list with the true totals.
* Invalid filter values and unknown ``sort`` values are 422s; unknown parameters and unknown
  ``include`` values are ignored.
* ``DELETE /catalog/products`` deletes at most 250 matching products (ascending id) and refuses
  an ``id:in`` of more than 250 ids (422).

List items are cached serialized (``render.Renderer.json``) until the next write through
either view (``Store`` calls ``forget``).
"""
from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any, Callable

from bigcommerce.sandbox.responses import NO_CONTENT, ApiError, StoreResponse
from bigcommerce.sandbox.rows import remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, item_error, list_response, plural
from bigcommerce.sandbox.v3.batch import delete_listed, write_many
from bigcommerce.sandbox.v3.errors import V3Error, from_api_error, invalid, not_found
from bigcommerce.sandbox.v3.query import Page, has_filter, page_meta, paging, predicates, select, sort_rows, wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.routes import ACTIONS, FAMILIES, match
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    CREATE_MANY,
    DELETE,
    DELETE_LISTED,
    DELETE_WHERE,
    GET,
    LIST,
    SUMMARY,
    UPDATE,
    UPDATE_MANY,
    UPSERT_MANY,
    Call,
    Family,
    Route,
)
from bigcommerce.sandbox.v3.summary import catalog_summary
from bigcommerce.sandbox.v3.writes import ItemError, apply, prepare

ITEM_OPS = frozenset({GET, UPDATE, DELETE})


class V3View:
    """Answers v3 requests from a ``State``. Not thread-safe by itself: the Store locks."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.renderer = Renderer(state, FAMILIES)
        self._ops: Mapping[str, Callable[[Call], StoreResponse]] = {
            LIST: self._list, GET: self._get, CREATE: self._create, UPDATE: self._update, DELETE: self._delete,
            CREATE_MANY: lambda call: self._many(call, "create"), UPDATE_MANY: lambda call: self._many(call, "update"),
            UPSERT_MANY: lambda call: self._many(call, "upsert"), DELETE_WHERE: self._delete_where,
            DELETE_LISTED: lambda call: delete_listed(self.state, call.family, call.body),
        }

    def handle(self, method: str, path: str, query: Mapping[str, str], body: object) -> StoreResponse:
        """Answer one v3 request. ``path`` is below ``/v3/``, without a leading slash."""
        try:
            return self._dispatch(method.upper(), path.strip("/"), query or {}, body)
        except V3Error as error:
            return error.response()
        except ApiError as error:
            return from_api_error(error).response()

    def forget(self) -> None:
        """Drop every cached body: rows changed (a write through either view, seed, load)."""
        self.renderer.forget()

    # -- dispatch -----------------------------------------------------------------
    def _dispatch(self, method: str, path: str, query: Mapping[str, str], body: object) -> StoreResponse:
        found = match(path) if path else None
        if found is None:
            raise V3Error(404, "The requested resource was not found.", detail=f"No v3 path matches /v3/{path}.")
        template, params = found
        shown = "/".join(template.segments)
        if method not in template.methods:
            allowed = ", ".join(sorted(template.methods))
            raise V3Error(405, f"The method {method} is not supported by /v3/{shown}.",
                          detail=f"This path accepts: {allowed}.")
        route = template.route
        if route is None or method not in route.ops:
            raise V3Error(501, f"The sandbox does not serve {method} /v3/{path}",
                          detail=f"{method} /v3/{shown} is a BigCommerce v3 operation the sandbox does not emulate.")
        op = route.ops[method]
        if op == SUMMARY:
            return data_response(catalog_summary(self.state))
        family = FAMILIES[route.family]
        id_count = len(params) - route.text_params
        own = max(0, id_count - 1)  # the last id may name a row by a string column (a uuid)
        by_key = route.parent_index if route.per_parent and family.parent_key != "id" else -1  # a cart's uuid
        ids = [self._row_id(family.parent_table, family.parent_key, raw, family.parent_word) if index == by_key
               else _path_id(raw) if index < own else self._own_id(family, raw)
               for index, raw in enumerate(params[:id_count])]
        parent_id = ids[route.parent_index] if route.per_parent else None
        if parent_id is not None:
            self._check_parent(route, family, ids)
        item_id = ids[-1] if op in ITEM_OPS else None
        call = Call(route, family, parent_id, item_id, query, body, tuple(ids), tuple(params[id_count:]))
        action = ACTIONS.get(op)
        if action is not None:
            return action(self.state, self.renderer, call)
        return self._ops[op](call)

    def _own_id(self, family: Family, raw: str) -> int:
        """The last path id: an integer, or for a family keyed by a string column, the id of its row."""
        if family.key_column == "id":
            return _path_id(raw, family.malformed_id)
        for row in self.state.tables[family.table].rows.values():
            if row.get(family.key_column) == raw and all(row.get(c) == v for c, v in family.scope.items()):
                return int(row["id"])
        raise not_found(family.label)

    def _row_id(self, table: str, column: str, raw: str, label: str) -> int:
        """The id of the row of ``table`` whose ``column`` is ``raw`` (404 when none is)."""
        for row in self.state.tables[table].rows.values():
            if row.get(column) == raw:
                return int(row["id"])
        raise not_found(label)

    def _check_parent(self, route: Route, family: Family, ids: list[int]) -> None:
        """404 unless the parent exists (and, three levels deep, belongs to the id before it)."""
        parent = self.state.tables[family.parent_table].rows.get(ids[route.parent_index])
        if route.parent_owner and route.parent_index > 0:
            owner_id = ids[route.parent_index - 1]
            owner_table = self.state.tables[family.parent_table].resource.parent
            if owner_table is not None and owner_id not in self.state.tables[owner_table].rows:
                raise not_found(owner_table[:-1])
            if parent is not None and parent.get(route.parent_owner) != owner_id:
                parent = None
        if parent is None:
            raise not_found(family.parent_word)

    def _find(self, call: Call) -> dict[str, Any]:
        family = call.family
        table = self.state.tables[family.table]
        id_key = family.id_key
        if id_key == "id":
            row = table.rows.get(call.item_id)
        else:  # a table keyed by another id (videos: YouTube id), the v3 id in ``id_key``
            rows = table.children(call.parent_id) if call.parent_id is not None else table.rows
            row = next((one for one in rows.values() if one.get(id_key) == call.item_id), None)
        if row is None or (call.route.per_parent and row.get(family.parent_column) != call.parent_id) or any(
                row.get(column) != value for column, value in family.scope.items()):
            raise not_found(family.label)
        return row

    def _one(self, call: Call, row: Mapping[str, Any]) -> StoreResponse:
        query = call.query
        return data_response(self.renderer.render(call.family, row, wanted(query, "include"),
                                                  wanted(query, "include_fields"), wanted(query, "exclude_fields")))

    # -- reads --------------------------------------------------------------------
    def _list(self, call: Call) -> StoreResponse:
        family, query, state = call.family, call.query, self.state
        table = state.tables[family.table]
        source = table.children(call.parent_id) if call.parent_id is not None else table.ordered()
        plain = (not has_filter(family, query) and not family.scope and not query.get("sort")
                 and query.get("direction", "asc") == "asc" and not query.get("before") and not query.get("after"))
        if plain:
            page, limit = paging(family, query)
            offset = (page - 1) * limit
            if call.parent_id is None:
                rows = table.page_of_all(offset, limit)
            else:
                rows = list(islice(source.values(), offset, offset + limit))
            chosen = Page(rows, len(source), offset, limit, page, "")
        else:
            tests = predicates(state, family, query)
            if tests:
                matched = [row for row in source.values() if all(test(row) for test in tests)]
            else:
                matched = list(source.values())
            in_id_order = not query.get("sort") and query.get("direction", "asc") == "asc"
            sort_rows(state, family, matched, query)
            chosen = select(family, matched, query, list(source) if in_id_order and not tests else None)
        meta = page_meta(family, chosen, query)
        includes, only, exclude = wanted(query, "include"), wanted(query, "include_fields"), wanted(
            query, "exclude_fields")
        items = [self.renderer.json(family, row, includes, only, exclude) for row in chosen.rows]
        if not items and family.empty_list == 204:
            return NO_CONTENT
        return list_response(items, meta)

    def _get(self, call: Call) -> StoreResponse:
        return self._one(call, self._find(call))

    # -- single-object writes -------------------------------------------------------
    def _create(self, call: Call) -> StoreResponse:
        try:
            prepared = prepare(self.state, FAMILIES, call.family, call.body, parent_id=call.parent_id)
        except ItemError as exc:
            raise item_error(call.family, exc) from None
        return self._one(call, apply(self.state, prepared))

    def _update(self, call: Call) -> StoreResponse:
        row = self._find(call)
        try:
            prepared = prepare(self.state, FAMILIES, call.family, call.body, row=row)
        except ItemError as exc:
            raise item_error(call.family, exc) from None
        return self._one(call, apply(self.state, prepared))

    def _delete(self, call: Call) -> StoreResponse:
        row = self._find(call)
        remove_row(self.state, self.state.tables[call.family.table].resource, row)
        return NO_CONTENT

    # -- collection writes ------------------------------------------------------------
    def _many(self, call: Call, mode: str) -> StoreResponse:
        return write_many(self.state, FAMILIES, self.renderer, call.family, call.body, mode,
                          wanted(call.query, "include_fields"))

    def _delete_where(self, call: Call) -> StoreResponse:
        family, query = call.family, call.query
        if not any(query.get(name) for name in family.delete_filters):
            if family.delete_unfiltered == 204:
                return NO_CONTENT  # DELETE /customers without id:in deletes nothing (customers.v3.yml)
            names = ", ".join(family.delete_filters)
            raise invalid({"filter": f"Give at least one of: {names}."},
                          f"A filter is required to delete {plural(family)}.")
        ids = [part for part in query.get("id:in", "").split(",") if part.strip()]
        if family.delete_max is not None and len(ids) > family.delete_max:
            raise invalid({"id:in": f"At most {family.delete_max} ids can be deleted at once (got {len(ids)})."},
                          f"Too many {plural(family)} to delete.")
        tests = predicates(self.state, family, query)
        table = self.state.tables[family.table]
        matched = (row for row in table.ordered().values() if all(test(row) for test in tests))
        for row in list(islice(matched, family.delete_max)):
            remove_row(self.state, table.resource, row)
        return NO_CONTENT


def _path_id(raw: str, status: int = 404) -> int:
    if not raw.isdigit():
        title = "Invalid Input." if status == 422 else "The requested resource was not found."
        raise V3Error(status, title, detail=f"'{raw}' is not an id.")
    return int(raw)
