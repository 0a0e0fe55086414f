"""Countries and their states: read-only reference data."""
from __future__ import annotations

from .base import (
    CountableApiResource,
    CountableApiSubResource,
    GettableApiResource,
    GettableApiSubResource,
    ListableApiResource,
    ListableApiSubResource,
    subresource,
)


class CountryStates(ListableApiSubResource, GettableApiSubResource, CountableApiSubResource):
    """GET /countries/{country_id}/states; without a country id, every state: GET /countries/states."""
    resource_name = "states"
    parent_resource = "countries"
    parent_key = "country_id"
    count_resource = "countries/states"
    list_resource = "countries/states"


class Countries(ListableApiResource, GettableApiResource, CountableApiResource):
    """GET /countries; filters country, country_iso2, country_iso3."""
    resource_name = "countries"
    states = subresource(CountryStates)


class States(ListableApiResource, CountableApiResource):
    """GET /countries/states: the states of every country."""
    resource_name = "countries/states"
