"""v3 storefront scripts: the state-only ``scripts`` table, addressed by uuid (v3-resources.md §3.25).

``scripts.v3.yml``: POST creates one script (200; ``name`` required), GET lists them with offset
paging, ``sort`` by ``name``, ``description``, ``date_created`` or ``date_modified`` with
``direction``, and ``channel_id:in``; ``/content/scripts/{uuid}`` reads, updates and deletes one
(204). The kind rule of §3.25: ``kind=src`` needs ``src`` and no ``html``; ``kind=script_tag``
needs ``html`` and no ``src`` (422). At most 50 scripts per channel (422 past it). The sandbox
has one API account, so the list holds every script and ``api_client_id`` is empty.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, item_error
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import DELETE, GET, LIST, Call, Family, Field, Route, col, on
from bigcommerce.sandbox.v3.writes import ItemError, apply, prepare

SCRIPTS_PER_CHANNEL = 50

SCRIPT_FIELDS: tuple[Field, ...] = (
    col("name", codec="str", min_length=1, max_length=255),
    col("uuid", codec="str", read_only=True),
    col("date_created", codec="date", read_only=True),
    col("date_modified", codec="date", read_only=True),
    col("description", codec="str"),
    col("html", codec="str", max_length=65536),
    col("src", codec="str"),
    col("auto_uninstall", codec="bool"),
    col("load_method", codec="str", choices=("default", "async", "defer")),
    col("location", codec="str", choices=("head", "footer")),
    col("visibility", codec="str", choices=("storefront", "all_pages", "checkout", "order_confirmation")),
    col("kind", codec="str", choices=("src", "script_tag")),
    col("api_client_id", codec="str", read_only=True),
    col("consent_category", codec="str", choices=("essential", "functional", "analytics", "targeting", "unknown")),
    col("enabled", codec="bool"),
    col("channel_id", codec="int", minimum=1),
    col("integrity_hashes", codec="str_list"),
)

SCRIPTS = Family(
    name="scripts", table="scripts", label="script", fields=SCRIPT_FIELDS, required=("name",),
    filters={"channel_id:in": on("channel_id", op="in", kind="int")},
    sorts={name: name for name in ("name", "description", "date_created", "date_modified")},
    key_column="uuid",
)


def _check_kind(state: State, body: Mapping[str, Any], row: Mapping[str, Any] | None) -> None:
    """The kind rule: a ``src`` script loads a URL, a ``script_tag`` script is its ``html``."""
    defaults = state.tables["scripts"].resource.fields
    merged = {**defaults, **(row or {}), **body}
    if merged["kind"] == "src":
        if not merged.get("src"):
            raise ItemError(422, {"src": "A script of kind src needs a src."})
        if merged.get("html"):
            raise ItemError(422, {"html": "A script of kind src takes no html."})
    elif merged["kind"] == "script_tag":
        if not merged.get("html"):
            raise ItemError(422, {"html": "A script of kind script_tag needs its html."})
        if merged.get("src"):
            raise ItemError(422, {"src": "A script of kind script_tag takes no src."})


def _write(state: State, renderer: Renderer, call: Call, row: dict[str, Any] | None) -> StoreResponse:
    try:
        prepared = prepare(state, FAMILIES, SCRIPTS, call.body, row=row)
        assert isinstance(call.body, dict)
        _check_kind(state, call.body, row)
        channel = call.body.get("channel_id", (row or {}).get("channel_id", 1))
        scripts = state.tables["scripts"].rows.values()
        if row is None and sum(1 for other in scripts if other.get("channel_id", 1) == channel) >= SCRIPTS_PER_CHANNEL:
            raise ItemError(422, {"channel_id": f"A channel can have at most {SCRIPTS_PER_CHANNEL} scripts."})
    except ItemError as exc:
        raise item_error(SCRIPTS, exc) from None
    return data_response(renderer.render(SCRIPTS, apply(state, prepared)))


def create_script(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /content/scripts: one script (200)."""
    return _write(state, renderer, call, None)


def update_script(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /content/scripts/{uuid}: the changed fields, the kind rule checked on the result."""
    return _write(state, renderer, call, state.tables["scripts"].rows[call.ids[-1]])


FAMILIES: Mapping[str, Family] = {SCRIPTS.name: SCRIPTS}

ACTIONS = {"script_create": create_script, "script_update": update_script}

ROUTES: tuple[Route, ...] = (
    Route("content/scripts", "scripts", {"GET": LIST, "POST": "script_create"}),
    Route("content/scripts/{uuid}", "scripts", {"GET": GET, "PUT": "script_update", "DELETE": DELETE}),
)
