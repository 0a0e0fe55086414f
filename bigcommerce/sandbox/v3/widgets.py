"""v3 widget templates, widgets, placements and theme regions: state-only tables, uuid ids (§3.26).

``widgets.v3.yml``: each collection takes POST (one object, 200) and GET (offset paging); each
``{uuid}`` path GET, PUT and DELETE (204). A widget names an existing template
(``widget_template_uuid``, required) and a placement an existing widget (``widget_uuid`` and
``template_file`` required): a uuid that names none is a 422 naming the field; an unknown path
uuid is a 404. A widget prints its template whole (``widget_template``), a placement its widget.
A widget also prints the ``widget_template_uuid`` it was written with, a placement its
``widget_uuid`` (extra fields the schemas leave open). ``POST …/{uuid}/preview`` renders the
template: Handlebars ``{{name}}`` values from ``widget_configuration`` (no blocks or helpers).
``widget_template_kind`` filters templates only (widgets and placements ignore it).
``GET /content/regions`` needs ``template_file`` (422 without it) and lists, without paging,
the regions that placements on that template file name (the sandbox has no theme to parse).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import invalid
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    ITEM,
    LIST,
    Call,
    Family,
    Field,
    Reference,
    Route,
    col,
    computed,
    on,
)

CHANNEL = {"channel_id:in": on("channel_id", op="in", kind="int")}

TEMPLATE_FIELDS: tuple[Field, ...] = (
    col("name", codec="str", min_length=1),
    col("schema", codec="list"),
    col("template", codec="str"),
    col("storefront_api_query", codec="str"),
    col("uuid", codec="str", read_only=True),
    col("kind", codec="str", read_only=True),
    col("date_created", codec="date", read_only=True),
    col("date_modified", codec="date", read_only=True),
    col("current_version_uuid", codec="str", read_only=True),
    col("icon_name", codec="str", read_only=True),
    col("channel_id", codec="int", minimum=1),
    col("template_engine", codec="str", read_only=True),
    col("client_rerender", codec="bool", read_only=True),
)

WIDGET_FIELDS: tuple[Field, ...] = (
    col("name", codec="str", min_length=1),
    col("description", codec="str"),
    col("widget_configuration", codec="same"),
    col("uuid", codec="str", read_only=True),
    col("widget_template_uuid", codec="str"),
    computed("widget_template", "embed:widget_templates:widget_template_uuid"),
    col("date_created", codec="date", read_only=True),
    col("date_modified", codec="date", read_only=True),
    col("version_uuid", codec="str", read_only=True),
    col("channel_id", codec="int", minimum=1),
    col("storefront_api_query_params", codec="same", read_only=True),
)

PLACEMENT_FIELDS: tuple[Field, ...] = (
    col("uuid", codec="str", read_only=True),
    col("template_file", codec="str", min_length=1),
    col("date_created", codec="date", read_only=True),
    col("date_modified", codec="date", read_only=True),
    col("channel_id", codec="int", minimum=1),
    col("entity_id", codec="str"),
    col("sort_order", codec="int"),
    col("region", codec="str"),
    col("status", codec="str", choices=("inactive", "active")),
    col("widget_uuid", codec="str"),
    computed("widget", "embed:widgets:widget_uuid"),
)

WIDGET_TEMPLATES = Family(
    name="widget_templates", table="widget_templates", label="widget template", fields=TEMPLATE_FIELDS,
    required=("name", "template"), filters={"widget_template_kind": on("kind"), **CHANNEL}, key_column="uuid",
)

WIDGETS = Family(
    name="widgets", table="widgets", label="widget", fields=WIDGET_FIELDS, required=("name", "widget_template_uuid"),
    filters={"widget_template_uuid": on("widget_template_uuid"), "name": on("name"), "name:in": on("name", op="in"),
             **CHANNEL, "site_id:in": on("channel_id", op="in", kind="int")},
    references=(Reference("widget_template_uuid", "widget_templates", "widget template", key="uuid", status=422),),
    key_column="uuid",
)

PLACEMENTS = Family(
    name="placements", table="placements", label="placement", fields=PLACEMENT_FIELDS,
    required=("widget_uuid", "template_file"),
    filters={"template_file": on("template_file"), "widget_uuid": on("widget_uuid"), **CHANNEL,
             "site_id:in": on("channel_id", op="in", kind="int")},
    references=(Reference("widget_uuid", "widgets", "widget", key="uuid", status=422),),
    key_column="uuid",
)

VALUE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")


def _lookup(configuration: Any, dotted: str) -> str:
    value = configuration
    for part in dotted.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return "" if value is None else str(value)


def preview_template(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /content/widget-templates/{uuid}/preview: ``{data: {html}}`` (no meta)."""
    template = state.tables["widget_templates"].rows[call.ids[-1]]
    body = call.body if isinstance(call.body, dict) else {}
    configuration = body.get("widget_configuration") or {}
    if not isinstance(configuration, dict):
        raise invalid({"widget_configuration": "The field 'widget_configuration' must be an object."})
    html = VALUE.sub(lambda match: _lookup(configuration, match.group(1)), str(template.get("template", "")))
    return StoreResponse(200, dumps({"data": {"html": html}}), {})


def list_regions(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET /content/regions?template_file=: the regions placements on that file name, by name."""
    template_file = call.query.get("template_file") or call.query.get("templateFile", "")  # the spec's example
    if not template_file:
        raise invalid({"template_file": "The query parameter 'template_file' is required."},
                      "The parameter 'template_file' is required.")
    names = sorted({str(row.get("region")) for row in state.tables["placements"].rows.values()
                    if row.get("template_file") == template_file and row.get("region")})
    return data_response([{"name": name} for name in names])


FAMILIES: Mapping[str, Family] = {family.name: family for family in (WIDGET_TEMPLATES, WIDGETS, PLACEMENTS)}

ACTIONS = {"widget_template_preview": preview_template, "regions_list": list_regions}

ROUTES: tuple[Route, ...] = (
    Route("content/widget-templates", "widget_templates", {"GET": LIST, "POST": CREATE}),
    Route("content/widget-templates/{uuid}", "widget_templates", ITEM),
    Route("content/widget-templates/{uuid}/preview", "widget_templates", {"POST": "widget_template_preview"}),
    Route("content/widgets", "widgets", {"GET": LIST, "POST": CREATE}),
    Route("content/widgets/{uuid}", "widgets", ITEM),
    Route("content/placements", "placements", {"GET": LIST, "POST": CREATE}),
    Route("content/placements/{uuid}", "placements", ITEM),
    Route("content/regions", "placements", {"GET": "regions_list"}),
)
