"""v3 routing: a path below ``/v3/`` to its template, the route serving it (if any) and its ids.

``ROUTES`` lists the templates the sandbox serves and the operation each method runs; every
other template of ``templates.TEMPLATES`` is known but not served (501), a method its spec
does not declare is 405, and a path no template matches is 404. Templates are indexed by
(segment count, first segment) and tried most-literal first, so ``catalog/products/metafields``
wins over ``catalog/products/{product_id}``.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bigcommerce.sandbox.v3.catalog import CATALOG_FAMILIES
from bigcommerce.sandbox.v3.customers import CUSTOMER_FAMILIES
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    CREATE_MANY,
    DELETE,
    DELETE_LISTED,
    DELETE_WHERE,
    GET,
    LIST,
    SUMMARY,
    UPDATE,
    UPDATE_MANY,
    UPSERT_MANY,
    Family,
    Route,
)
from bigcommerce.sandbox.v3.templates import TEMPLATES

FAMILIES: Mapping[str, Family] = {**CATALOG_FAMILIES, **CUSTOMER_FAMILIES}

ITEM = {"GET": GET, "PUT": UPDATE, "DELETE": DELETE}

ROUTES: tuple[Route, ...] = (
    Route("catalog/products", "products", {"GET": LIST, "POST": CREATE, "PUT": UPDATE_MANY, "DELETE": DELETE_WHERE}),
    Route("catalog/products/{product_id}", "products", ITEM),
    Route("catalog/products/{product_id}/variants", "variants", {"GET": LIST, "POST": CREATE}, per_parent=True),
    Route("catalog/products/{product_id}/variants/{variant_id}", "variants", ITEM, per_parent=True),
    Route("catalog/variants", "variants", {"GET": LIST, "PUT": UPSERT_MANY}),
    Route("catalog/products/{product_id}/metafields", "product_metafields", {"GET": LIST, "POST": CREATE},
          per_parent=True),
    Route("catalog/products/{product_id}/metafields/{metafield_id}", "product_metafields", ITEM, per_parent=True),
    Route("catalog/products/metafields", "product_metafields",
          {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_LISTED}),
    Route("catalog/summary", "", {"GET": SUMMARY}),
    Route("customers", "customers",
          {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_WHERE}),
    Route("customers/addresses", "addresses",
          {"GET": LIST, "POST": CREATE_MANY, "PUT": UPDATE_MANY, "DELETE": DELETE_WHERE}),
)


@dataclass(frozen=True)
class Template:
    """A known v3 path template, its declared methods, and the route serving it (None: 501)."""

    segments: tuple[str, ...]
    methods: frozenset[str]
    route: Route | None


def _index() -> dict[tuple[int, str], list[Template]]:
    served = {route.template: route for route in ROUTES}
    templates = []
    for path, methods in TEMPLATES:
        route = served.pop(path, None)
        if route is not None and not set(route.ops) <= set(methods.split()):
            raise AssertionError(f"{path}: a served method the spec does not declare")
        templates.append(Template(tuple(path.split("/")), frozenset(methods.split()), route))
    if served:
        raise AssertionError(f"served routes that are not v3 templates: {sorted(served)}")
    index: dict[tuple[int, str], list[Template]] = {}
    for template in sorted(templates, key=lambda t: -sum(not s.startswith("{") for s in t.segments)):
        index.setdefault((len(template.segments), template.segments[0]), []).append(template)
    return index


_INDEX = _index()


def match(path: str) -> tuple[Template, list[str]] | None:
    """The template a v3 path (no leading slash) matches and its parameter values, or None."""
    parts = path.split("/")
    for template in _INDEX.get((len(parts), parts[0]), ()):
        params: list[str] = []
        for token, part in zip(template.segments, parts):
            if token.startswith("{"):
                if not part:
                    break
                params.append(part)
            elif token != part:
                break
        else:
            return template, params
    return None
