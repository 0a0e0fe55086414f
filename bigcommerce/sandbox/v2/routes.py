"""v2 routing: a path below ``/v2/`` to the route it names and the ids in it, from the catalog.

Every resource gives its collection, item and count paths (and store-wide ones for
subresources that have them); ``catalog.SPECIAL_ROUTES`` adds the rest. Patterns are
indexed by (segment count, first segment) and tried most-literal first.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bigcommerce.sandbox.catalog import (
    COUNT,
    CREATE,
    DELETE,
    DELETE_ALL,
    GET,
    LIST,
    PATH_ALIASES,
    RESOURCES,
    SPECIAL_ROUTES,
    UPDATE,
    Resource,
)
from bigcommerce.sandbox.responses import NOT_FOUND, ApiError


@dataclass(frozen=True)
class Route:
    """A matched path: what kind of endpoint, for which resource, with which ids."""

    kind: str  # collection|item|count|parent_count|store_count|store_collection|special
    resource: Resource | None = None
    handlers: Mapping[str, str] = field(default_factory=dict)  # special: method -> handler


OPS_BY_KIND: Mapping[str, Mapping[str, str]] = {
    "collection": {"GET": LIST, "POST": CREATE, "DELETE": DELETE_ALL},
    "store_collection": {"GET": LIST},
    "item": {"GET": GET, "PUT": UPDATE, "DELETE": DELETE},
    "count": {"GET": COUNT},
    "parent_count": {"GET": COUNT},
    "store_count": {"GET": COUNT},
}


def _build_routes() -> dict[tuple[int, str], list[tuple[tuple[str, ...], Route]]]:
    patterns: list[tuple[tuple[str, ...], Route]] = []
    for res in RESOURCES:
        segs = res.segments
        patterns.append((segs, Route("collection", res)))
        if res.ops & {GET, UPDATE, DELETE}:
            patterns.append(((*segs, "{id}"), Route("item", res)))
        if res.parent is None:
            if "collection" in res.counts:
                patterns.append(((*segs, "count"), Route("count", res)))
            continue
        if "parent" in res.counts:
            patterns.append(((*segs, "count"), Route("parent_count", res)))
        store_wide = tuple(seg for seg in segs if seg != "{pid}")
        if "store" in res.counts:
            patterns.append(((*store_wide, "count"), Route("store_count", res)))
        if res.store_list:
            patterns.append((store_wide, Route("store_collection", res)))
    specials: dict[tuple[str, ...], dict[str, str]] = {}
    for method, path, handler in SPECIAL_ROUTES:
        specials.setdefault(tuple(path.split("/")), {})[method] = handler
    for segs, handlers in specials.items():
        patterns.append((segs, Route("special", handlers=handlers)))
    index: dict[tuple[int, str], list[tuple[tuple[str, ...], Route]]] = {}
    for segs, route in sorted(patterns, key=lambda p: -sum(not s.startswith("{") for s in p[0])):
        index.setdefault((len(segs), segs[0]), []).append((segs, route))
    return index


ROUTES = _build_routes()


def match_route(path: str) -> tuple[Route, dict[str, str]] | None:
    """The route for a v2 path and its raw ``{pid}``/``{id}`` values, or None (404)."""
    parts = path.strip("/").split("/")
    first = PATH_ALIASES.get(parts[0], parts[0])
    for segs, route in ROUTES.get((len(parts), first), ()):
        params: dict[str, str] = {}
        for token, part in zip(segs, parts):
            if token.startswith("{"):
                if not part:
                    break
                params[token[1:-1]] = part
            elif part != token and PATH_ALIASES.get(part) != token:
                break
        else:
            return route, params
    return None


# ------------------------------------------------------------------ ids in a path

def parent_id(res: Resource, params: Mapping[str, str]) -> int | None:
    """The ``{pid}`` of a subresource path as an int (404 when not digits); None elsewhere."""
    raw = params.get("pid")
    if raw is None or res.parent is None:
        return None
    if not raw.isdigit():
        raise ApiError(404, NOT_FOUND)
    return int(raw)


def item_id(res: Resource, raw: str) -> Any:
    """The ``{id}`` of an item path: an int (404 when not digits), or the string of a video id."""
    if res.id_kind == "str":
        return raw
    if not raw.isdigit():
        raise ApiError(404, NOT_FOUND)
    return int(raw)


def int_param(raw: str) -> int:
    """An id of a special path as an int; 404 when not digits."""
    if not raw.isdigit():
        raise ApiError(404, NOT_FOUND)
    return int(raw)


def item_path(res: Resource, row: Mapping[str, Any]) -> str:
    """The v2 path of a row (``products/5/images/9``), for ``Location`` headers."""
    path = res.path.replace("{pid}", str(row.get(res.parent_key or "", "")))
    return f"{path}/{row.get('id')}"
