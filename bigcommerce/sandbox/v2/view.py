"""The v2 view of a store's state: one ``handle`` answering every v2 request like the real API.

Documented operations only (405 otherwise), ``page``/``limit`` paging with 204 past the
end, filters, counts, ``{url, resource}`` links and v2 error arrays. Choices where the
sources leave room:

* DELETE on an order archives it (``is_deleted: true``, S21/S26); archived orders leave
  lists and counts unless the ``is_deleted=true`` filter is given, and stay readable by id.
* ``secure_url`` in ``GET /store`` is ``base_url`` when set (so a storefront login URL
  reaches the sandbox), else ``https://store-{hash}.mybigcommerce.com``.
* Link objects print BigCommerce's aliases (``discountrules``, ``optionsets``,
  ``shippingaddresses``...); the router accepts the aliases and the underscored names.
* Collection DELETEs delete every matching row (the real API may stop after a page).

List items are cached serialized, so reading pages again costs a join, not a render; any
write empties the cache (rows can depend on other rows: a product's primary image).
"""
from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any

from bigcommerce.sandbox.catalog import BY_NAME, CREATE, GET, LIST, UPDATE, Resource
from bigcommerce.sandbox.responses import (
    METHOD_NOT_ALLOWED,
    NO_CONTENT,
    NOT_FOUND,
    ApiError,
    StoreResponse,
    dumps,
    invalid,
    ok,
)
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v2.query import is_plain, matching, parse_paging, sort_rows, source
from bigcommerce.sandbox.v2.render import render
from bigcommerce.sandbox.v2.routes import OPS_BY_KIND, item_id, item_path, match_route, parent_id
from bigcommerce.sandbox.v2.special import HANDLERS, consignments
from bigcommerce.sandbox.v2.writes import create, delete_row, update

# Serialized list items kept at most (a product is about 3.5 KB of JSON).
ITEM_CACHE_MAX = 50_000


class V2View:
    """Answers v2 requests from a ``State``. Not thread-safe by itself: the Store locks."""

    def __init__(self, state: State) -> None:
        self.state = state
        self._item_cache: dict[tuple[str, Any, Any], bytes] = {}
        self._item_cache_base = state.base_url

    def handle(self, method: str, path: str, query: dict[str, str], body: object | None) -> StoreResponse:
        """Answer one v2 request. ``path`` has no leading slash and no ``.json``."""
        if method.upper() != "GET":
            self._item_cache.clear()
        try:
            return self._dispatch(method.upper(), path.strip("/"), query or {}, body)
        except ApiError as error:
            return error.response()
        except ValueError as error:  # a value our coercers could not read, deep in a body
            return invalid("body", f"A value in the request is invalid: {error}").response()

    def forget(self) -> None:
        """Drop every cached body: rows changed outside ``handle`` (seed, load, insert)."""
        self._item_cache.clear()

    def insert(self, path: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Create an object directly (no validation, read-only fields allowed); its body."""
        self._item_cache.clear()
        found = match_route(path)
        if found is None or found[0].kind != "collection":
            raise KeyError(f"not a collection path: {path!r}")
        res = found[0].resource
        assert res is not None
        parent = parent_id(res, found[1])
        if res.parent is not None and parent not in self.state.tables[res.parent].rows:
            raise KeyError(f"no {res.parent} with id {parent}")
        row = create(self.state, res, parent, dict(fields), validate=False)
        return render(self.state, res, row)

    # -- dispatch -----------------------------------------------------------------
    def _dispatch(self, method: str, path: str, query: Mapping[str, str], body: object) -> StoreResponse:
        found = match_route(path) if path else None
        if found is None:
            raise ApiError(404, NOT_FOUND)
        route, params = found
        if route.kind == "special":
            handler = route.handlers.get(method)
            if handler is None:
                raise ApiError(405, METHOD_NOT_ALLOWED)
            return HANDLERS[handler](self.state, method, params, query, body)
        res = route.resource
        assert res is not None
        op = OPS_BY_KIND[route.kind].get(method)
        if op is None or op not in res.ops:
            raise ApiError(405, METHOD_NOT_ALLOWED)
        parent = parent_id(res, params)
        if parent is not None and res.parent is not None:
            self.state.require(res.parent, parent)
        if route.kind == "item":
            return self._item_op(op, res, parent, item_id(res, params["id"]), body, query)
        if route.kind in ("count", "parent_count", "store_count"):
            return self._count(res, parent, query)
        if op == LIST:
            return self._list(res, parent, query)
        if op == CREATE:
            row = create(self.state, res, parent, body, validate=True)
            location = f"{self.state.base_url}/api/v2/{item_path(res, row)}"
            return ok(render(self.state, res, row), 201, {"Location": location})
        return self._delete_all(res, parent, query)

    def _item_op(self, op: str, res: Resource, parent: int | None, key: Any,
                 body: object, query: Mapping[str, str]) -> StoreResponse:
        row = self.state.find(res, parent, key)
        if op == GET:
            rendered = render(self.state, res, row)
            if res.name == "orders":
                self._add_order_includes(rendered, query)
            return ok(rendered)
        if op == UPDATE:
            return ok(render(self.state, res, update(self.state, res, row, body)))
        if res.name == "hooks":  # DELETE answers 200 with the deleted hook (S21)
            rendered = render(self.state, res, row)
            delete_row(self.state, res, row)
            return ok(rendered)
        delete_row(self.state, res, row)
        return NO_CONTENT

    # -- list and count -----------------------------------------------------------
    def _list(self, res: Resource, parent: int | None, query: Mapping[str, str]) -> StoreResponse:
        state = self.state
        if res.paginated:
            page, limit = parse_paging(query)
        else:
            page, limit = 1, len(state.tables[res.name].rows) or 1
        offset = (page - 1) * limit
        if is_plain(state, res, query):
            if parent is None:
                rows = state.tables[res.name].page_of_all(offset, limit)
            else:
                rows = list(islice(source(state, res, parent).values(), offset, offset + limit))
        else:
            matched = list(matching(state, res, parent, query))
            sort_rows(res, matched, query)
            rows = matched[offset:offset + limit]
        if not rows:
            return NO_CONTENT
        if res.name != "orders":  # order bodies depend on the query (include=)
            if self._item_cache_base != state.base_url:
                self._item_cache.clear()
                self._item_cache_base = state.base_url
            return StoreResponse(200, b"[" + b",".join(self._item_json(res, row) for row in rows) + b"]", {})
        rendered = [render(state, res, row) for row in rows]
        for item in rendered:
            self._add_order_includes(item, query)
        return ok(rendered)

    def _item_json(self, res: Resource, row: Mapping[str, Any]) -> bytes:
        """One list item, serialized; cached until the next write or a new base URL."""
        parent = row.get(res.parent_key) if res.parent_key else None
        key = (res.name, parent, row.get("id"))
        cached = self._item_cache.get(key)
        if cached is None:
            if len(self._item_cache) >= ITEM_CACHE_MAX:
                self._item_cache.clear()
            cached = self._item_cache[key] = dumps(render(self.state, res, row))
        return cached

    def _count(self, res: Resource, parent: int | None, query: Mapping[str, str]) -> StoreResponse:
        if res.name == "orders":
            return ok(self._order_count(query))
        if any(name in res.filters for name in query):
            count = sum(1 for _ in matching(self.state, res, parent, query))
        else:
            count = len(source(self.state, res, parent))
        return ok({"count": count})

    def _order_count(self, query: Mapping[str, str]) -> dict[str, Any]:
        per_status: dict[int, int] = {}
        total = 0
        for row in matching(self.state, BY_NAME["orders"], None, query):
            status_id = row.get("status_id", 1)
            per_status[status_id] = per_status.get(status_id, 0) + 1
            total += 1
        statuses = []
        for status in sorted(self.state.tables["order_statuses"].rows.values(), key=lambda s: s.get("order", 0)):
            entry = {key: status.get(key) for key in
                     ("id", "name", "system_label", "custom_label", "system_description")}
            entry["count"] = per_status.get(status["id"], 0)
            entry["sort_order"] = status.get("order", 0)
            statuses.append(entry)
        return {"statuses": statuses, "count": total}

    # -- delete all ---------------------------------------------------------------
    def _delete_all(self, res: Resource, parent: int | None, query: Mapping[str, str]) -> StoreResponse:
        state = self.state
        rows = list(matching(state, res, parent, query))
        if res.name == "categories" and rows and any(
                row.get("categories") for row in state.tables["products"].rows.values()):
            raise ApiError(409, "The categories cannot be deleted while products belong to them.",
                           {"conflict_reason": "Delete or re-categorise the products first."})
        for row in rows:
            if res.name == "currencies" and row.get("is_default"):
                continue  # DELETE /currencies keeps the default one (S21)
            if res.name == "orders":
                state.archive(row)
            else:
                state.drop(res, row)
        return NO_CONTENT

    # -- order includes -----------------------------------------------------------
    def _add_order_includes(self, out: dict[str, Any], query: Mapping[str, str]) -> None:
        wanted = {part.strip() for part in query.get("include", "").split(",") if part.strip()}
        row = self.state.tables["orders"].rows[out["id"]]
        if "fees" in wanted:
            out["fees"] = list(row.get("fees", []))
        if wanted & {"consignments", "consignments.line_items"}:
            out["consignments"] = consignments(self.state, row, "consignments.line_items" in wanted)
