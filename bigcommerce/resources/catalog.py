"""Brands, categories, options and option sets (v2 catalog, deprecated in favour of v3)."""
from __future__ import annotations

from .base import (
    CollectionDeleteableApiResource,
    CollectionDeleteableApiSubResource,
    CountableApiResource,
    CreateableApiResource,
    CreateableApiSubResource,
    DeleteableApiResource,
    DeleteableApiSubResource,
    GettableApiResource,
    GettableApiSubResource,
    ListableApiResource,
    ListableApiSubResource,
    UpdateableApiResource,
    UpdateableApiSubResource,
    subresource,
    sunset,
)


class _Crud(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource,
):
    """Get, list, create, update and delete one."""


class _CrudSub(
    GettableApiSubResource, ListableApiSubResource, CreateableApiSubResource,
    UpdateableApiSubResource, DeleteableApiSubResource, CollectionDeleteableApiSubResource,
):
    """Get, list, create, update, delete one and delete all of a parent's objects."""


class Brands(_Crud, CollectionDeleteableApiResource, CountableApiResource):
    """GET /brands; filters name, min_id, max_id."""
    resource_name = "brands"


class Categories(_Crud, CollectionDeleteableApiResource, CountableApiResource):
    """GET /categories; filters parent_id, name, is_visible, min_id, max_id. 409 when a delete would orphan products."""
    resource_name = "categories"


class OptionValues(_CrudSub):
    """GET /options/{option_id}/values."""
    resource_name = "values"
    parent_resource = "options"
    parent_key = "option_id"


class Options(_Crud, CollectionDeleteableApiResource, CountableApiResource):
    """GET /options; filters name, display_name, type."""
    resource_name = "options"
    values = subresource(OptionValues)


class OptionSetOptions(_CrudSub):
    """GET /option_sets/{option_set_id}/options."""
    resource_name = "options"
    parent_resource = "option_sets"
    parent_key = "option_set_id"


class OptionSets(_Crud, CountableApiResource):
    """GET /option_sets; filter name."""
    resource_name = "option_sets"
    options = subresource(OptionSetOptions)

    delete_all = sunset("DELETE /option_sets", "delete option sets one by one")
