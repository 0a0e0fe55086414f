"""v3 storefront redirects over the shared v2 ``redirects`` rows (v3-resources.md §3.28, ``redirects.v3.yml``).

A v3 redirect IS a v2 redirect row. The mapping: ``from_path`` is v2 ``path``; ``to`` is v2
``forward`` (``{type: url, url}`` is ``{type: manual, ref: url}``, ``{type: product|brand|category|
page|post, entity_id}`` is ``{type, ref: entity_id}``; ``to.url`` prints the entity's storefront
path); ``to_url`` (``include=to_url``) is what v2 prints as ``url``; ``site_id`` exists only in
v3 (stored in ``_v3``, 1 until written, as every v2 redirect belongs to the store's one site).

There is no per-id path and no POST: ``PUT /storefront/redirects`` upserts an array keyed by
``site_id`` + ``from_path`` (an existing redirect is overwritten) and answers 201; nothing is
saved unless every item is valid (422 naming ``<index>.<field>``). ``DELETE`` needs ``id:in``
or ``site_id`` (the spec's text: every redirect of a site), else 422. ``keyword`` matches the
start of ``from_path`` only. ``sort`` takes ``from_path``, ``site_id`` and ``id`` (``type``,
a field inside ``to``, is refused with a 422 naming the values served).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.rows import EXTRA
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import V3Error, bad_input
from bigcommerce.sandbox.v3.query import wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import DELETE_WHERE, LIST, Call, Family, Field, Route, col, computed, extra, on
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

REDIRECT_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    extra("site_id", 1, "int", minimum=1),
    col("from_path", "path", "str", min_length=1),
    computed("to", "redirect_to", column="forward", codec="redirect_to"),
    computed("to_url", "redirect_to_url", include="to_url"),
)

REDIRECTS = Family(
    name="redirects", table="redirects", label="redirect", fields=REDIRECT_FIELDS,
    required=("from_path", "site_id"),
    filters={"site_id": on("_v3.site_id", kind="int"), "id:in": on("id", op="in", kind="int"),
             "id:min": on("id", op="min", kind="int"), "id:max": on("id", op="max", kind="int"),
             "keyword": on("path", op="prefix")},
    sorts={"from_path": "from_path", "site_id": "site_id", "id": "id"},
    delete_filters=("id:in", "site_id"),
)


def _key(row: Mapping[str, Any]) -> tuple[Any, Any]:
    return (row.get(EXTRA) or {}).get("site_id", 1), row.get("path", "")


def upsert_redirects(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /storefront/redirects: each item updates the redirect of its site and path, or creates one."""
    if not isinstance(call.body, list):
        raise bad_input("The request body must be a JSON array of redirects.")
    existing = {_key(row): row for row in state.tables["redirects"].ordered().values()}
    ready: dict[tuple[Any, Any], Prepared] = {}  # a path repeated in one request: the last item wins
    errors: dict[str, str] = {}
    for index, item in enumerate(call.body):
        key: tuple[Any, Any] = (item.get("site_id"), item.get("from_path")) if isinstance(item, dict) else (
            None, index)
        try:
            ready[key] = prepare(state, FAMILIES, REDIRECTS, item, row=existing.get(key))
        except ItemError as exc:
            errors.update({f"{index}.{name}": message for name, message in exc.errors.items()})
    if errors:
        raise V3Error(422, "The redirects were not valid.", errors)
    rows = [apply(state, prepared) for prepared in ready.values()]
    data = [renderer.render(REDIRECTS, row, wanted(call.query, "include")) for row in rows]
    pagination = {"total": len(data), "count": len(data), "per_page": len(data), "current_page": 1,
                  "total_pages": 1, "links": {"current": f"?page=1&limit={len(data)}"}}
    return data_response(data, {"pagination": pagination}, status=201)


FAMILIES: Mapping[str, Family] = {REDIRECTS.name: REDIRECTS}

ACTIONS = {"redirects_upsert": upsert_redirects}

ROUTES: tuple[Route, ...] = (
    Route("storefront/redirects", "redirects", {"GET": LIST, "PUT": "redirects_upsert", "DELETE": DELETE_WHERE}),
)
