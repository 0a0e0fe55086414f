"""v3 brands and brand metafields over the shared ``brands`` rows.

A v3 brand IS a v2 brand row: ``image_url`` is ``image_file``, ``meta_keywords`` the comma
string v2 keeps as a list; ``custom_url`` (which v2 brands lack) is kept in ``_v3`` once
written, else the storefront's ``/brands/Name.html``. Metafields are ``metafields`` rows with
``resource_type`` ``brand``. Rules from ``catalog_brands_catalog.v3.yml`` (v3-resources.md
§3.7): ``name`` required and unique (409), ``sort=name`` with ``direction``, and a bulk DELETE
that needs ``name`` (optionally with ``page_title``), 204; ``POST …/image`` (a multipart upload)
and ``DELETE …/image`` (the actions ``categories.upload_image`` and ``delete_image``) set and
empty ``image_file``.
"""
from __future__ import annotations

from collections.abc import Mapping

from bigcommerce.sandbox.v3.metafields import METAFIELD_FILTERS, metafield_routes, metafields_of
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    DELETE_WHERE,
    ITEM,
    LIST,
    Family,
    Field,
    Route,
    Unique,
    col,
    id_filters,
    on,
)

BRAND_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("name", codec="str", min_length=1, max_length=255),
    col("page_title", codec="str", max_length=255),
    col("meta_keywords", codec="csv_strs"),
    col("meta_description", codec="str", max_length=65535),
    col("image_url", "image_file", "str"),
    col("search_keywords", codec="str", max_length=255),
    Field("custom_url", codec="custom_url", default="", extra=True, computed="brand_custom_url"),
)

BRANDS = Family(
    name="brands", table="brands", label="brand", fields=BRAND_FIELDS, required=("name",),
    filters={**id_filters(), "name": on("name"), "name:like": on("name", op="like"), "page_title": on("page_title")},
    sorts={"name": "name"},
    unique=(Unique(("name",)),),
    delete_filters=("name",),
)

BRAND_METAFIELDS = metafields_of("brand_metafields", "brand", "brands", parent_label="brand",
                                 filters={**METAFIELD_FILTERS, **id_filters()})

FAMILIES: Mapping[str, Family] = {family.name: family for family in (BRANDS, BRAND_METAFIELDS)}

ROUTES: tuple[Route, ...] = (
    Route("catalog/brands", "brands", {"GET": LIST, "POST": CREATE, "DELETE": DELETE_WHERE}),
    Route("catalog/brands/{brand_id}", "brands", ITEM),
    Route("catalog/brands/{brand_id}/image", "brands", {"POST": "upload_image", "DELETE": "delete_image"}),
    *metafield_routes("catalog/brands/{brand_id}", "brand_metafields"),
)
