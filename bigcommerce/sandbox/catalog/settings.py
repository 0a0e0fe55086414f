"""Store settings: currencies, tax classes, payment methods and webhooks (S21)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import Resource, op_set

CURRENCIES = Resource(
    name="currencies",
    path="currencies",
    ops=op_set("L G C U D DA"),
    fields={
        "id": None, "is_default": False, "last_updated": None, "country_iso2": "",
        "currency_code": "", "currency_exchange_rate": "1.0000000000", "auto_update": False,
        "token_location": "left", "token": "$", "decimal_token": ".", "thousands_token": ",",
        "decimal_places": 2, "name": "", "enabled": True, "is_transactional": False,
    },
    required=(
        "currency_code", "currency_exchange_rate", "token_location", "token", "decimal_token",
        "thousands_token", "decimal_places", "name",
    ),
    types={
        "is_default": "bool", "country_iso2": "str", "currency_code": "str",
        "currency_exchange_rate": "rate", "auto_update": "bool", "token_location": "str",
        "token": "str", "decimal_token": "str", "thousands_token": "str",
        "decimal_places": "int", "name": "str", "enabled": "bool", "is_transactional": "bool",
    },
    enums={"token_location": ("left", "right")},
    dates=("last_updated",),
    created="last_updated",
    modified="last_updated",
)

TAX_CLASSES = Resource(
    name="tax_classes",
    path="tax_classes",
    ops=op_set("L G"),
    fields={"id": None, "name": "", "created_at": None, "updated_at": None},
    dates=("created_at", "updated_at"),
)

PAYMENT_METHODS = Resource(
    name="payment_methods",
    path="payments/methods",
    ops=op_set("L"),
    fields={"code": "", "name": "", "test_mode": False},
    hidden=frozenset({"id"}),
    order="name",
)


HOOKS = Resource(
    name="hooks",
    path="hooks",
    ops=op_set("L G C U D"),
    fields={
        "id": None, "client_id": "", "store_hash": "", "scope": "", "destination": "",
        "headers": {}, "is_active": False, "created_at": 0, "updated_at": 0,
    },
    required=("scope", "destination"),
    types={"scope": "str", "destination": "str", "headers": "dict_or_null", "is_active": "bool"},
    read_only=frozenset({"client_id", "store_hash", "created_at", "updated_at"}),
)
