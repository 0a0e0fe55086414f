"""Array writes (v3-resources.md §2.7, §2.8): the family's limit, then its way of answering a partial failure.

One interpreter for every batch: a body that is not an array is a 400, more items than the
family's ``Batch.max_items`` a 413 (with the spec's body, or none), then each item is checked and
written as ``Batch.partial`` says:

* ``207`` (products): valid items are saved; 207 ``{data, errors: {status, title, type, errors},
  meta}`` when some failed, the error object alone (422, or 409 when all conflict) when none saved.
* ``counts`` (metafields): valid items are saved; ``{data, errors: [...], meta: {total, success,
  failed}}``, 200 when all succeeded, 422 otherwise.
* ``batch_errors`` (variants): nothing is saved unless every item is valid; 422 ``{batch_errors}``.
* ``atomic`` (customers, addresses): nothing is saved unless every item is valid; one error object.

Field errors are keyed ``"<index>.<field>"``, the index of the item in the request array;
a metafield DELETE keys them by metafield id, as the spec's example does.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, merged_status, plural
from bigcommerce.sandbox.v3.errors import ERROR_TYPE, SHORT_ERROR_TYPE, V3Error, bad_input
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import ATOMIC, BATCH_ERRORS, COUNTS, MULTI_STATUS, Family
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

Row = dict[str, Any]


def _items(family: Family, body: object) -> list[Any]:
    if not isinstance(body, list):
        raise bad_input("The request body must be a JSON array.")
    batch = family.batch
    if batch is not None and batch.max_items is not None and len(body) > batch.max_items:
        if batch.too_large_title is None:
            raise V3Error(413, "The request payload is too large.", bodyless=True)
        raise V3Error(413, batch.too_large_title, {}, error_type=SHORT_ERROR_TYPE)
    return body


def _target(state: State, family: Family, item: object, mode: str) -> Row | None:
    """The row an item updates (None: the item creates one); ItemError when its id is wrong."""
    has_id = isinstance(item, dict) and item.get("id") is not None
    if mode == "create" or (mode == "upsert" and not has_id):
        return None
    if not has_id:
        raise ItemError(422, {"id": "The field 'id' is required."})
    assert isinstance(item, dict)
    row = state.tables[family.table].rows.get(item["id"])
    if row is None or any(row.get(c) != v for c, v in family.scope.items()):
        raise ItemError(422, {"id": f"The {family.label} {item['id']} does not exist."})
    return row


def write_many(state: State, families: Mapping[str, Family], renderer: Renderer, family: Family, body: object,
               mode: str, only: Collection[str] = ()) -> StoreResponse:
    """POST/PUT of an array: ``mode`` create, update (every item has an id) or upsert."""
    items = _items(family, body)
    batch = family.batch
    partial = batch.partial if batch is not None else ATOMIC
    failures: list[tuple[int, ItemError]] = []
    written: list[Row] = []
    if partial in (MULTI_STATUS, COUNTS):
        for index, item in enumerate(items):
            try:
                row = _target(state, family, item, mode)
                prepared = prepare(state, families, family, item, row=row)
                if not prepared.skip:
                    written.append(apply(state, prepared))
            except ItemError as exc:
                failures.append((index, exc))
    else:
        ready: list[Prepared] = []
        for index, item in enumerate(items):
            try:
                row = _target(state, family, item, mode)
                ready.append(prepare(state, families, family, item, row=row, pending=ready))
            except ItemError as exc:
                failures.append((index, exc))
        if not failures:
            written = [apply(state, prepared) for prepared in ready if not prepared.skip]
    data = [renderer.render(family, row, only=only) for row in written]
    return _answer(family, partial, mode, len(items), data, failures)


def _answer(family: Family, partial: str, mode: str, total: int, data: list[dict[str, Any]],
            failures: list[tuple[int, ItemError]]) -> StoreResponse:
    keyed = {f"{index}.{key}": message for index, exc in failures for key, message in exc.errors.items()}
    errors = [exc for _, exc in failures]
    verb = "Create" if mode == "create" else "Update"
    listed = [{"status": exc.status, "title": f"The {family.label} at index {index} was not saved.",
               "type": ERROR_TYPE, "errors": {f"{index}.{key}": m for key, m in exc.errors.items()}}
              for index, exc in failures]
    if partial == COUNTS:
        counts = {"total": total, "success": len(data), "failed": len(failures)}
        return StoreResponse(422 if failures else 200, dumps({"data": data, "errors": listed, "meta": counts}), {})
    if not failures:
        return data_response(data)
    if partial == BATCH_ERRORS:
        return StoreResponse(422, dumps({"batch_errors": listed}), {})
    if partial == MULTI_STATUS and data:
        title = f"{len(failures)} of {total} {plural(family)} could not be saved."
        pagination = {"total": len(data), "count": len(data), "per_page": total, "current_page": 1,
                      "total_pages": 1, "links": {"current": f"?page=1&limit={total}"}}
        meta: dict[str, Any] = {"pagination": pagination}
        body = {"data": data, "errors": {"status": 422, "title": title, "type": ERROR_TYPE, "errors": keyed},
                "meta": meta}
        return StoreResponse(207, dumps(body), {})
    raise V3Error(merged_status(errors), f"{verb} {plural(family)} failed.", keyed)


def delete_listed(state: State, family: Family, body: object) -> StoreResponse:
    """DELETE with a JSON array of ids in the body (batch metafields): 200, or 422 naming the missing."""
    if not isinstance(body, list) or not all(isinstance(item, int) and not isinstance(item, bool) for item in body):
        raise bad_input("The request body must be a JSON array of ids.")
    table = state.tables[family.table]
    deleted, missing = [], {}
    for item_id in body:
        row = table.rows.get(item_id)
        if row is None or any(row.get(c) != v for c, v in family.scope.items()):
            missing[str(item_id)] = f"{family.label.capitalize()} does not exist"
            continue
        remove_row(state, table.resource, row)
        deleted.append(item_id)
    errors = [{"status": 422, "title": "Bulk operation has failed", "type": ERROR_TYPE, "errors": missing}] \
        if missing else []
    meta = {"total": len(body), "success": len(deleted), "failed": len(missing)}
    return StoreResponse(422 if missing else 200, dumps({"data": deleted, "errors": errors, "meta": meta}), {})
