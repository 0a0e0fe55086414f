"""Geography: countries and their states, read-only reference data (S21)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import COLLECTION_COUNT, PER_PARENT_AND_STORE, Link, Resource, eq, merge, op_set

COUNTRIES = Resource(
    name="countries",
    path="countries",
    ops=op_set("L G N"),
    fields={"id": None, "country": "", "country_iso2": "", "country_iso3": "", "states": None},
    filters=merge(eq("country"), eq("country_iso2"), eq("country_iso3")),
    counts=COLLECTION_COUNT,
    links=(Link("states", "countries/{id}/states"),),
)

COUNTRY_STATES = Resource(
    name="country_states",
    path="countries/{pid}/states",
    ops=op_set("L G N"),
    fields={"id": None, "state": "", "state_abbreviation": "", "country_id": None},
    filters=merge(eq("state"), eq("state_abbreviation")),
    counts=PER_PARENT_AND_STORE,
    parent="countries",
    parent_key="country_id",
    store_list=True,
)
