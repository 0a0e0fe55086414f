"""State-only tables of the v3 content, marketing and store families: rows no v2 resource shows.

Scripts, widget templates, widgets and placements are addressed by a ``uuid`` the v3 view gives
each new row (``v3.writes.new_uuid``); their integer ``id`` is the table's internal key and
order, never printed. Promotions and their coupon codes have integer ids; the store log's rows
are written by the store itself (``State.log``). Columns carry the v3
field names and stored values (dates as unix seconds, lists and objects as JSON values), so
``dump()``/``load()`` write and read them as they are, dates in ISO 8601.
"""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import Resource


def _state_only(name: str, fields: dict[str, object], *, parent_key: str | None = None) -> Resource:
    """A table with ``date_created``/``date_modified`` set by every write."""
    return Resource(name=name, path=name, ops=frozenset(), fields={**fields, "date_created": None,
                                                                    "date_modified": None},
                    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
                    parent_key=parent_key)


SCRIPTS = _state_only("scripts", {
    "id": None, "uuid": "", "name": "", "description": "", "html": "", "src": "", "auto_uninstall": False,
    "load_method": "default", "location": "head", "visibility": "storefront", "kind": "src", "api_client_id": "",
    "consent_category": "unknown", "enabled": True, "channel_id": 1, "integrity_hashes": [],
})

WIDGET_TEMPLATES = _state_only("widget_templates", {
    "id": None, "uuid": "", "name": "", "schema": [], "template": "", "storefront_api_query": "", "kind": "custom",
    "current_version_uuid": "", "icon_name": "default", "channel_id": 1, "template_engine": "handlebars_v3",
    "client_rerender": False,
})

WIDGETS = _state_only("widgets", {
    "id": None, "uuid": "", "name": "", "description": "", "widget_configuration": {}, "widget_template_uuid": "",
    "version_uuid": "", "channel_id": 1, "storefront_api_query_params": {},
})

PLACEMENTS = _state_only("placements", {
    "id": None, "uuid": "", "widget_uuid": "", "template_file": "", "channel_id": 1, "entity_id": "",
    "sort_order": 0, "region": "", "status": "inactive",
})

# ``start_date`` is now unless given; ``end_date`` (None: open-ended) is kept as stored.
PROMOTIONS = Resource(
    name="promotions", path="promotions", ops=frozenset(),
    fields={"id": None, "redemption_type": "AUTOMATIC", "name": "", "display_name": "", "channels": [],
            "customer": {"group_ids": [], "minimum_order_count": 0, "excluded_group_ids": []}, "rules": [],
            "current_uses": 0, "max_uses": None, "status": "ENABLED", "start_date": None, "end_date": None,
            "stop": False, "can_be_used_with_other_promotions": True, "currency_code": "*", "notifications": [],
            "shipping_address": None, "schedule": None, "created_from": "api", "coupon_type": None},
    dates=("start_date",), created="start_date",
)

PROMOTION_CODES = Resource(
    name="promotion_codes", path="promotion_codes", ops=frozenset(),
    fields={"id": None, "promotion_id": None, "code": "", "current_uses": 0, "max_uses": 0,
            "max_uses_per_customer": 0, "created": None},
    dates=("created",), created="created", parent_key="promotion_id",
)

# The store's system log (``GET /v3/store/systemlogs``): rows the store writes, never a request.
STORE_LOGS = Resource(
    name="store_logs", path="store_logs", ops=frozenset(),
    fields={"id": None, "type": "general", "module": "", "severity": 1, "summary": "", "message": "",
            "date_created": None},
    dates=("date_created",), created="date_created",
)

CONTENT_TABLES: tuple[Resource, ...] = (
    SCRIPTS, WIDGET_TEMPLATES, WIDGETS, PLACEMENTS, PROMOTIONS, PROMOTION_CODES, STORE_LOGS,
)
