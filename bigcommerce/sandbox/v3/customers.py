"""v3 customers and customer addresses over the shared ``customers``/``customer_addresses`` rows.

A v3 customer IS a v2 customer row: ``accepts_product_review_abandoned_cart_emails`` is
``accepts_marketing``, ``store_credit_amounts`` the one ``store_credit`` amount,
``authentication`` the password rule's ``_authentication``; an address's ``address1`` is
``street_1``, ``postal_code`` is ``zip``, ``country_code`` is ``country_iso2``. Rules from
``customers.v3.yml`` (v3-resources.md §3.8): batch-only writes (≤ 10 customers, a 413 without
a body above), cursor paging, combined ``sort=field:direction``, a DELETE without ``id:in``
that deletes nothing and answers 204, and addresses identical to an existing one left out of
the answer.
"""
from __future__ import annotations

from collections.abc import Mapping

from bigcommerce.sandbox.v3.schema import (
    ATOMIC,
    CREATE_MANY,
    CURSOR,
    DELETE_WHERE,
    LIST,
    UPDATE_MANY,
    Batch,
    Family,
    Field,
    Include,
    Reference,
    Route,
    Unique,
    col,
    computed,
    extra,
    on,
)

CUSTOMER_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("email", codec="str", min_length=3, max_length=255),
    col("first_name", codec="str", min_length=1, max_length=100),
    col("last_name", codec="str", min_length=1, max_length=100),
    col("company", codec="str"), col("phone", codec="str"),
    col("registration_ip_address", codec="str", read_only=True),
    col("notes", codec="str"), col("tax_exempt_category", codec="str"),
    col("customer_group_id", codec="int"),
    col("date_modified", codec="date", read_only=True), col("date_created", codec="date", read_only=True),
    computed("address_count"), computed("attribute_count"),
    computed("authentication", column="_authentication", codec="authentication"),
    col("accepts_product_review_abandoned_cart_emails", "accepts_marketing", "bool"),
    computed("store_credit_amounts", column="store_credit", codec="store_credit", include="storecredit"),
    col("form_fields", codec="list", include="formfields"),
    computed("attributes", "customer_attributes", include="attributes"),
    computed("shopper_profile_id", "null", include="shopper_profile_id"),
    computed("segment_ids", "empty_list", include="segment_ids"),
    extra("origin_channel_id", 1, "int"),
    extra("channel_ids", None, "int_list"),
)

ADDRESS_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("customer_id", codec="int"),
    col("first_name", codec="str", min_length=1, max_length=255),
    col("last_name", codec="str", min_length=1, max_length=255),
    col("company", codec="str"),
    col("address1", "street_1", "str", min_length=1), col("address2", "street_2", "str"),
    col("city", codec="str", min_length=1), col("state_or_province", "state", "str"),
    col("postal_code", "zip", "str"), col("country", codec="str", read_only=True),
    col("country_code", "country_iso2", "str", min_length=2, max_length=2),
    col("phone", codec="str"),
    col("address_type", codec="str", choices=("residential", "commercial")),
    col("form_fields", codec="list", include="formfields"),
)

_DATES = {
    f"{name}{suffix}": on(name, op=op, kind="date")
    for name in ("date_created", "date_modified") for suffix, op in (("", "eq"), (":min", "min"), (":max", "max"))
}

CUSTOMERS = Family(
    name="customers", table="customers", label="customer", fields=CUSTOMER_FIELDS,
    required=("email", "first_name", "last_name"),
    filters={
        "id:in": on("id", op="in", kind="int"), "company:in": on("company", op="in"),
        "customer_group_id:in": on("customer_group_id", op="in", kind="int"),
        "email:in": on("email", op="in"), "name:in": on("first_name", "last_name", op="in"),
        "name:like": on("first_name", "last_name", op="like"), "phone:in": on("phone", op="in"),
        "registration_ip_address:in": on("registration_ip_address", op="in"), **_DATES,
    },
    sorts={"date_created": "date_created", "last_name": "last_name", "date_modified": "date_modified"},
    sort_style="combined", paging=CURSOR,
    includes={"addresses": Include("addresses", "customer_addresses")},
    unique=(Unique(("email",)),),
    references=(Reference("customer_group_id", "customer_groups", "customer group"),),
    nested={"addresses": "addresses", "attributes": "customer_attribute_values"},
    batch=Batch(ATOMIC, 10, None),
    delete_filters=("id:in",), delete_unfiltered=204,
)

ADDRESSES = Family(
    name="addresses", table="customer_addresses", label="address", fields=ADDRESS_FIELDS,
    required=("customer_id", "first_name", "last_name", "city", "country_code", "address1", "state_or_province",
              "postal_code"),
    filters={"id:in": on("id", op="in", kind="int"), "customer_id:in": on("customer_id", op="in", kind="int"),
             "company:in": on("company", op="in"), "name:in": on("first_name", "last_name", op="in")},
    unique=(Unique(("first_name", "last_name", "company", "phone", "address_type", "address1", "address2", "city",
                    "country_code", "state_or_province", "postal_code"), per_parent=True, skip=True),),
    batch=Batch(ATOMIC),
    delete_filters=("id:in",),
    parent_table="customers", parent_column="customer_id",
)

FAMILIES: Mapping[str, Family] = {family.name: family for family in (CUSTOMERS, ADDRESSES)}

# Batch-only writes: the collection paths take arrays; there is no per-id path.
COLLECTION = {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_WHERE}

ROUTES: tuple[Route, ...] = (
    Route("customers", "customers", COLLECTION),
    Route("customers/addresses", "addresses", COLLECTION),
)
