"""Customers, their addresses and customer groups (S21)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import (
    ALL_OPS,
    COLLECTION_COUNT,
    PER_PARENT_AND_STORE,
    ZERO,
    Link,
    Resource,
    dates,
    eq,
    ids,
    merge,
    op_set,
)

CUSTOMERS = Resource(
    name="customers",
    path="customers",
    ops=op_set("L G C U D N"),  # DA sunset (SUN)
    fields={
        "id": None, "company": "", "first_name": "", "last_name": "", "email": "",
        "phone": "", "form_fields": [], "date_created": None, "date_modified": None,
        "store_credit": ZERO, "registration_ip_address": "", "customer_group_id": 0,
        "notes": "", "tax_exempt_category": "", "reset_pass_on_login": False,
        "accepts_marketing": False, "addresses": None,
    },
    required=("first_name", "last_name", "email"),
    types={
        "company": "str", "first_name": "str", "last_name": "str", "email": "str",
        "phone": "str", "store_credit": "decimal", "customer_group_id": "int", "notes": "str",
        "registration_ip_address": "str", "tax_exempt_category": "str",
        "reset_pass_on_login": "bool", "accepts_marketing": "bool", "form_fields": "list",
        "_authentication": "dict",
    },
    writable_extra=frozenset({"_authentication"}),
    dates=("date_created", "date_modified"),
    created="date_created",
    modified="date_modified",
    filters=merge(
        eq("first_name"), eq("last_name"), eq("company"), eq("email"), eq("phone"),
        eq("store_credit", "decimal"), eq("customer_group_id", "int"), ids(),
        dates("date_created", "date_modified"), eq("tax_exempt_category"),
    ),
    counts=COLLECTION_COUNT,
    links=(Link("addresses", "customers/{id}/addresses"),),
    hidden=frozenset({"_password", "_v3"}),  # _v3: fields only the v3 view knows
)

CUSTOMER_ADDRESSES = Resource(
    name="customer_addresses",
    path="customers/{pid}/addresses",
    ops=ALL_OPS,
    fields={
        "id": None, "customer_id": None, "first_name": "", "last_name": "", "company": "",
        "street_1": "", "street_2": "", "city": "", "state": "", "zip": "", "country": "",
        "country_iso2": "", "phone": "", "address_type": "residential", "form_fields": [],
    },
    required=("first_name", "last_name", "street_1", "city", "state", "zip", "country", "phone"),
    types={
        "first_name": "str", "last_name": "str", "company": "str", "street_1": "str",
        "street_2": "str", "city": "str", "state": "str", "zip": "str", "country": "str",
        "country_iso2": "str", "phone": "str", "address_type": "str", "form_fields": "list",
    },
    enums={"address_type": ("residential", "commercial")},
    parent="customers",
    parent_key="customer_id",
    counts=PER_PARENT_AND_STORE,
    hidden=frozenset({"_v3"}),
)

CUSTOMER_GROUPS = Resource(
    name="customer_groups",
    path="customer_groups",
    ops=op_set("L G C U D N"),  # DA sunset (SUN)
    fields={
        "id": None, "name": "", "is_default": False, "category_access": {"type": "all"},
        "discount_rules": [], "is_group_for_guests": False,
    },
    required=("name",),
    types={
        "name": "str", "is_default": "bool", "category_access": "dict",
        "discount_rules": "list", "is_group_for_guests": "bool",
    },
    filters=merge(eq("name"), eq("is_default", "bool"), eq("is_group_for_guests", "bool"), ids()),
    counts=COLLECTION_COUNT,
)
