"""State-only tables of the v3 customer extras and tax families: rows no v2 resource shows.

Customer attributes and the values customers hold for them (a value names its attribute and
its customer: deleting either drops it); customer settings (id 0 the store's, any other id a
channel's override); newsletter subscribers (v2 has no subscribers resource); tax zones, their
rates, the store's tax settings (id 1), tax properties and each product's and customer's
values of them. Tax classes are not here: v3 ``tax/classes`` writes the v2 ``tax_classes``
rows. Columns carry the v3 field names and stored values (dates as unix seconds), so
``dump()``/``load()`` write and read them as they are.
"""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import Resource

_DATES = {"date_created": None, "date_modified": None}


def _dated(name: str, fields: dict[str, object], *, parent_key: str | None = None) -> Resource:
    """A table with ``date_created``/``date_modified`` set by every write."""
    return Resource(name=name, path=name, ops=frozenset(), fields={**fields, **_DATES},
                    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
                    parent_key=parent_key)


CUSTOMER_ATTRIBUTES = _dated("customer_attributes", {"id": None, "name": "", "type": "string"})
CUSTOMER_ATTRIBUTE_VALUES = _dated("customer_attribute_values", {
    "id": None, "attribute_id": None, "attribute_value": "", "customer_id": None}, parent_key="customer_id")
# Settings objects as stored: ``privacy_settings``/``customer_group_settings`` dicts, ``allow_global_logins``.
CUSTOMER_SETTINGS = Resource(name="customer_settings", path="customer_settings", ops=frozenset(),
                             fields={"id": None, "privacy_settings": {}, "customer_group_settings": {},
                                     "allow_global_logins": None})
SUBSCRIBERS = _dated("subscribers", {
    "id": None, "email": "", "first_name": "", "last_name": "", "source": "custom", "order_id": None,
    "channel_id": 1, "consents": []})
TAX_ZONES = _dated("tax_zones", {
    "id": None, "name": "", "enabled": True,
    "price_display_settings": {"show_inclusive": False, "show_both_on_detail_view": False,
                               "show_both_on_list_view": False},
    "shopper_target_settings": {"locations": [], "customer_groups": []}})
TAX_RATES = _dated("tax_rates", {
    "id": None, "tax_zone_id": None, "name": "", "enabled": True, "priority": 1, "class_rates": []},
    parent_key="tax_zone_id")
TAX_PROPERTIES = Resource(name="tax_properties", path="tax_properties", ops=frozenset(),
                          fields={"id": None, "code": "", "display_name": "", "description": "", "created_at": None,
                                  "updated_at": None, "type": "PRODUCT"},
                          dates=("created_at", "updated_at"), created="created_at", modified="updated_at")
# One row per product: ``tax_properties`` maps a tax property's code to the product's value.
PRODUCT_TAX_PROPERTIES = Resource(name="product_tax_properties", path="product_tax_properties", ops=frozenset(),
                                  fields={"id": None, "product_id": None, "tax_properties": {}},
                                  parent_key="product_id")
CUSTOMER_TAX_PROPERTIES = Resource(name="customer_tax_properties", path="customer_tax_properties", ops=frozenset(),
                                   fields={"id": None, "customer_id": None, "tax_properties": {}},
                                   parent_key="customer_id")
TAX_SETTINGS = Resource(name="tax_settings", path="tax_settings", ops=frozenset(), fields={"id": None, "settings": {}})

CUSTOMER_TABLES: tuple[Resource, ...] = (
    CUSTOMER_ATTRIBUTES, CUSTOMER_ATTRIBUTE_VALUES, CUSTOMER_SETTINGS, SUBSCRIBERS, TAX_ZONES, TAX_RATES,
    TAX_SETTINGS, TAX_PROPERTIES, PRODUCT_TAX_PROPERTIES, CUSTOMER_TAX_PROPERTIES,
)
