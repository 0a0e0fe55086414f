"""Write rules of shipping: zone locations get store-wide ids."""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.responses import invalid
from bigcommerce.sandbox.state import State


def prepare_zone(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Each location must be an object; those without an integer id get the next free one."""
    locations = fields.get("locations")
    if not isinstance(locations, list):
        return
    used = [loc.get("id", 0) for zone in state.table("shipping_zones").rows.values()
            for loc in zone.get("locations", []) if isinstance(loc, dict)]
    next_id = max([0] + [i for i in used if isinstance(i, int)]) + 1
    cleaned = []
    for location in locations:
        if not isinstance(location, dict):
            raise invalid("locations", "Each location must be an object.")
        location = dict(location)
        if not isinstance(location.get("id"), int):
            location["id"] = next_id
            next_id += 1
        cleaned.append(location)
    fields["locations"] = cleaned
