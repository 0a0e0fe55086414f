"""Computed fields of the channel and site families (``render.COMPUTED`` merges ``PLATFORM_COMPUTED``).

A channel's ``icon_url`` follows its platform; its ``currencies`` (``include=currencies``) and
its currency assignment are the stored ones, or the store's enabled currencies and default
currency (the v2 ``currencies`` rows) while it inherits them. A site's ``urls`` list its
primary URL, the channel's canonical ``mybigcommerce.com`` host and its checkout URL (the
customized one, else the primary URL). Listing variants keep their own dates.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import iso8601

Row = Mapping[str, Any]

ICON_BASE = "https://storage.googleapis.com/bigcommerce-production-dev-center/images"


def store_currencies(state: State) -> tuple[list[str], str]:
    """The store's enabled currency codes (id order) and its default currency code."""
    rows = state.tables["currencies"].ordered().values()
    enabled = [row["currency_code"] for row in rows if row.get("enabled", True)]
    default = next((row["currency_code"] for row in rows if row.get("is_default")), enabled[0] if enabled else "")
    return enabled, default


def currency_assignment(state: State, channel: Row) -> dict[str, Any]:
    """``{channel_id, enabled_currencies, default_currency}``: assigned, or inherited from the store."""
    enabled, default = store_currencies(state)
    assigned = channel.get("enabled_currencies")
    return {
        "channel_id": channel["id"],
        "enabled_currencies": list(assigned) if assigned is not None else enabled,
        "default_currency": channel.get("default_currency") or default,
    }


def canonical_url(state: State, site: Row) -> str:
    """The permanent host of a channel's storefront (channel 1: the store's own host)."""
    channel_id = site.get("channel_id")
    suffix = "" if channel_id == 1 else f"-{channel_id}"
    return f"https://store-{state.store_hash}{suffix}.mybigcommerce.com"


def site_urls(state: State, site: Row) -> list[dict[str, Any]]:
    created, updated = iso8601(site.get("created_at")), iso8601(site.get("updated_at"))
    primary = site.get("url", "")
    return [
        {"url": primary, "type": "primary", "created_at": created, "updated_at": updated},
        {"url": canonical_url(state, site), "type": "canonical", "created_at": created, "updated_at": created},
        {"url": site.get("checkout_url") or primary, "type": "checkout", "created_at": created,
         "updated_at": updated},
    ]


def listing_variants(state: State, listing: Row) -> list[dict[str, Any]]:
    return [{**variant, "date_created": iso8601(variant.get("date_created")),
             "date_modified": iso8601(variant.get("date_modified"))} for variant in listing.get("variants") or ()]


PLATFORM_COMPUTED: Mapping[str, Callable[[State, Row], Any]] = {
    "channel_icon_url": lambda state, row: f"{ICON_BASE}/{str(row.get('platform', '')).replace(' ', '_')}_icon.svg",
    "channel_currencies": currency_assignment,
    "site_urls": site_urls,
    "site_checkout_customized": lambda state, row: bool(row.get("checkout_url")),
    "listing_variants": listing_variants,
}
