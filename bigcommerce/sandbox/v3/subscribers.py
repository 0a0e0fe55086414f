"""v3 newsletter subscribers (v3-resources.md §3.9) in the state-only ``subscribers`` table.

v2 has no subscribers resource, so the rows are v3's own. One subscriber is created per POST
(``email`` required and unique: 409); ``DELETE /customers/subscribers`` deletes every subscriber
its filters match, and every subscriber without a filter, as the spec states (204). The list
marks ``id`` as a required query parameter; it is taken as an optional filter (§3.9).
"""
from __future__ import annotations

from collections.abc import Mapping

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse
from bigcommerce.sandbox.rows import remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.customer_attributes import date_filters
from bigcommerce.sandbox.v3.query import predicates
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    ITEM,
    LIST,
    Action,
    Call,
    Family,
    Route,
    Unique,
    col,
    on,
)

CONSENTS = ("marketing_newsletter", "abandoned_cart")

SUBSCRIBERS = Family(
    name="subscribers", table="subscribers", label="subscriber",
    fields=(col("id", codec="int", read_only=True), col("email", codec="str", min_length=3, max_length=255),
            col("first_name", codec="str", max_length=255), col("last_name", codec="str", max_length=255),
            col("source", codec="str", max_length=255), col("order_id", codec="int_or_null", minimum=1),
            col("channel_id", codec="int", minimum=1),
            col("date_modified", codec="date", read_only=True), col("date_created", codec="date", read_only=True),
            col("consents", codec="str_list")),
    required=("email",),
    filters={"id": on("id", kind="int"), "id:in": on("id", op="in", kind="int"), "email": on("email"),
             "first_name": on("first_name"), "last_name": on("last_name"), "source": on("source"),
             "order_id": on("order_id", kind="int"), **date_filters()},
    unique=(Unique(("email",)),),
)


def _delete_matching(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE the subscribers the filters match; with none, all of them (subscribers.v3.yml)."""
    tests = predicates(state, SUBSCRIBERS, call.query)
    table = state.tables[SUBSCRIBERS.table]
    for row in [row for row in table.ordered().values() if all(test(row) for test in tests)]:
        remove_row(state, table.resource, row)
    return NO_CONTENT


FAMILIES: Mapping[str, Family] = {SUBSCRIBERS.name: SUBSCRIBERS}

ROUTES: tuple[Route, ...] = (
    Route("customers/subscribers", "subscribers", {"GET": LIST, "POST": CREATE, "DELETE": "subscribers_delete"}),
    Route("customers/subscribers/{subscriber_id}", "subscribers", ITEM),
)

ACTIONS: Mapping[str, Action] = {"subscribers_delete": _delete_matching}
