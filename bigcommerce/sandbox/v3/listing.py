"""What the family modules' actions share: one page of rows they picked themselves (a variant's
price records), answered as the view's ``_list`` does, and the 413 of a batch over its limit."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import list_response
from bigcommerce.sandbox.v3.errors import SHORT_ERROR_TYPE, V3Error
from bigcommerce.sandbox.v3.query import page_meta, predicates, select, sort_rows, wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Family


def list_rows(state: State, renderer: Renderer, family: Family, rows: Iterable[Mapping[str, Any]],
              query: Mapping[str, str]) -> StoreResponse:
    """The family's filters, sort and paging over ``rows``, in the list envelope."""
    tests = predicates(state, family, query)
    matched = [row for row in rows if all(test(row) for test in tests)]
    sort_rows(state, family, matched, query)
    chosen = select(family, matched, query)
    includes, only, exclude = wanted(query, "include"), wanted(query, "include_fields"), wanted(
        query, "exclude_fields")
    items = [renderer.json(family, row, includes, only, exclude) for row in chosen.rows]
    return list_response(items, page_meta(family, chosen, query))


def too_large(limit: int) -> V3Error:
    """413 for an array of more than ``limit`` items, in the words of the specs' 413 examples."""
    return V3Error(413, f"The request payload is too large. The maximum items allowed in the array is {limit}.",
                   {}, error_type=SHORT_ERROR_TYPE)
