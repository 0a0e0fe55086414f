"""Write rules of customers and of addresses (a customer's, an order's): passwords, country codes."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import ADDRESS_FIELDS
from bigcommerce.sandbox.responses import invalid
from bigcommerce.sandbox.state import State


def country_iso2(state: State, country_name: str) -> str:
    """The ISO 3166 code of a country the store knows by name, else ""."""
    for country in state.table("countries").rows.values():
        if country.get("country", "").casefold() == country_name.casefold():
            code: str = country.get("country_iso2", "")
            return code
    return ""


def address(value: Mapping[str, Any], state: State) -> dict[str, Any]:
    """Every address field as a string, ``country_iso2`` filled in from ``country``."""
    fields = {key: str(value.get(key, "") or "") for key in ADDRESS_FIELDS}
    if not fields["country_iso2"] and fields["country"]:
        fields["country_iso2"] = country_iso2(state, fields["country"])
    return fields


def prepare_customer(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """``_authentication`` sets the (hidden) password and the forced reset."""
    auth = fields.pop("_authentication", None)
    if not isinstance(auth, dict):
        return
    password = auth.get("password")
    if password is not None:
        if not isinstance(password, str) or not password:
            raise invalid("_authentication.password", "The password must be a non-empty string.")
        confirmation = auth.get("password_confirmation")
        if confirmation is not None and confirmation != password:
            raise invalid("_authentication.password_confirmation", "The passwords do not match.")
        fields["_password"] = password
    if "force_reset" in auth:
        fields["reset_pass_on_login"] = bool(auth["force_reset"])


def country_name(state: State, iso2: str) -> str:
    """The name of a country the store knows by its ISO 3166 code, else the code itself."""
    for country in state.table("countries").rows.values():
        if country.get("country_iso2", "").casefold() == iso2.casefold():
            name: str = country.get("country", "")
            return name
    return iso2


def prepare_address(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """``country_iso2`` from ``country`` when only the name is given, and the reverse (v3 sends codes)."""
    if fields.get("country") and not fields.get("country_iso2"):
        fields["country_iso2"] = country_iso2(state, fields["country"])
    elif fields.get("country_iso2") and not fields.get("country"):
        fields["country"] = country_name(state, fields["country_iso2"])
