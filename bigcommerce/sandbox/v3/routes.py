"""v3 routing: a path below ``/v3/`` to its template, the route serving it (if any) and its ids.

``ROUTES`` (gathered from the family modules) lists the templates the sandbox serves and the
operation each method runs; every
other template of ``templates.TEMPLATES`` is known but not served (501), a method its spec
does not declare is 405, and a path no template matches is 404. Templates are indexed by
(segment count, first segment) and tried most-literal first, so ``catalog/products/metafields``
wins over ``catalog/products/{product_id}``.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bigcommerce.sandbox.v3 import (
    assignments,
    brands,
    cart_settings,
    carts,
    catalog,
    categories,
    channel_listings,
    channels,
    checkouts,
    consignments,
    customer_attributes,
    customer_form_fields,
    customer_settings,
    customers,
    inventory,
    options,
    orders,
    pages,
    pricelists,
    product_parts,
    promotions,
    redirects,
    refund_quotes,
    refunds,
    scripts,
    sites,
    store_data,
    subscribers,
    tax,
    tax_properties,
    trees,
    webhooks,
    widgets,
    wishlists,
)
from bigcommerce.sandbox.v3.schema import Action, Family, Route
from bigcommerce.sandbox.v3.templates import TEMPLATES

# Each family module declares FAMILIES, ROUTES and (for operations beyond the generic verbs) ACTIONS.
FAMILY_MODULES = (
    catalog,
    product_parts,
    options,
    categories,
    trees,
    brands,
    assignments,
    customers,
    orders,
    refund_quotes,
    refunds,
    channels,
    channel_listings,
    sites,
    webhooks,
    pricelists,
    inventory,
    pages,
    redirects,
    scripts,
    widgets,
    promotions,
    store_data,
    subscribers,
    tax,
    tax_properties,
    customer_attributes,
    customer_form_fields,
    customer_settings,
    carts,
    cart_settings,
    checkouts,
    consignments,
    wishlists,
)

FAMILIES: Mapping[str, Family] = {name: family for module in FAMILY_MODULES for name, family in module.FAMILIES.items()}
ROUTES: tuple[Route, ...] = tuple(route for module in FAMILY_MODULES for route in module.ROUTES)
ACTIONS: Mapping[str, Action] = {
    name: action for module in FAMILY_MODULES for name, action in getattr(module, "ACTIONS", {}).items()
}


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
