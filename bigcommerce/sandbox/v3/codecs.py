"""Field values between their stored form and their v3 form, one codec per ``Field.codec``.

``READ[codec](stored)`` gives the v3 value (prices as JSON numbers, ISO 8601 dates, lists
where v2 keeps comma strings); ``WRITE[codec](v3_value)`` gives the stored value or raises
ValueError, whose reason ``REASONS[codec]`` words for the 422. Input is strict JSON typing:
a price sent as a string is refused, as the v3 schemas declare numbers.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.values import iso8601, money, parse_date, rfc2822, to_int, to_number

Codec = Callable[[Any], Any]


def number(stored: Any) -> int | float | None:
    """A stored decimal string as a JSON number (an int when whole, as the specs' examples)."""
    if stored is None or stored == "":
        return None
    if isinstance(stored, (int, float)) and not isinstance(stored, bool):
        return stored
    value = float(stored)
    return int(value) if value.is_integer() else value


def _number_in(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(value)
    return money(value)


def _null_or(codec: Codec) -> Codec:
    return lambda value: None if value is None else codec(value)


def _str_in(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _int_in(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(value)
    return value


def _bool_in(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(value)
    return value


def _int_list_in(value: Any) -> list[int]:
    if not isinstance(value, list):
        raise ValueError(value)
    return [_int_in(item) for item in value]


def _list_in(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(value)
    return value


def _dict_in(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(value)
    return value


def _str_list_in(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(value)
    return [_str_in(item) for item in value]


def _date_out(stored: Any) -> str | None:
    """Unix seconds or a v2 date text as ISO 8601; None for no date."""
    if stored is None or stored == "":
        return None
    if isinstance(stored, str):
        try:
            return iso8601(parse_date(stored))
        except ValueError:
            return stored
    return iso8601(int(stored))


def _date_in(value: Any) -> int:
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError(value)
    return parse_date(value)


def _date_text_in(value: Any) -> str:
    """A v3 date into a column v2 prints as-is (``preorder_release_date``): RFC 2822 text."""
    return "" if value in (None, "") else rfc2822(_date_in(value))


def _csv_ints_out(stored: Any) -> list[int]:
    if isinstance(stored, list):
        return stored
    return [to_int(part) for part in str(stored or "").split(",") if part.strip()]


def _csv_strs_out(stored: Any) -> list[str]:
    if isinstance(stored, list):
        return stored
    return [part.strip() for part in str(stored or "").split(",") if part.strip()]


def _custom_url_in(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("url")
    return _str_in(value)


def _store_credit_in(value: Any) -> str:
    """``store_credit_amounts: [{amount}]`` into the one stored ``store_credit``."""
    if not isinstance(value, list):
        raise ValueError(value)
    total = 0.0
    for item in value:
        if not isinstance(item, dict):
            raise ValueError(value)
        amount = item.get("amount", 0)
        if isinstance(amount, bool) or not isinstance(amount, (int, float)):
            raise ValueError(value)
        total += amount
    return money(total)


def _authentication_in(value: Any) -> dict[str, Any]:
    """``authentication: {force_password_reset, new_password}`` into the rule's ``_authentication``."""
    if not isinstance(value, dict):
        raise ValueError(value)
    out: dict[str, Any] = {}
    if "new_password" in value:
        out["password"] = value["new_password"]
    if "force_password_reset" in value:
        out["force_reset"] = _bool_in(value["force_password_reset"])
    return out


def _amount_in(value: Any) -> int | float:
    """A JSON number or a numeric string (a bulk pricing ``amount``: ``".10"``), stored as a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    return to_number(value)


def _email_or_empty_in(value: Any) -> str:
    """An email address (something@domain) or the empty string (a reviewer's ``email``)."""
    text = _str_in(value)
    local, at, domain = text.partition("@")
    if text and not (local and at and "." in domain and " " not in text):
        raise ValueError(value)
    return text


ADJUSTERS = (None, "relative", "percentage")
CONDITION_KEYS = ("modifier_id", "modifier_value_id", "variant_id")


def _adjuster_in(value: Any) -> dict[str, Any] | None:
    """A complex rule's ``{adjuster, adjuster_value}``; ``{}`` or null for none (v2 stores null)."""
    if value is None or value == {}:
        return None
    if not isinstance(value, dict) or value.get("adjuster") not in ADJUSTERS:
        raise ValueError(value)
    amount = value.get("adjuster_value", 0)
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise ValueError(value)
    return {"adjuster": value.get("adjuster"), "adjuster_value": amount}


def _rule_conditions_in(value: Any) -> list[dict[str, Any]]:
    """v3 conditions (modifier, modifier value, variant) as the v2 rule's (option, option value, SKU)."""
    if not isinstance(value, list) or not value:
        raise ValueError(value)
    out = []
    for item in value:
        if not isinstance(item, dict) or not all(key in item for key in CONDITION_KEYS):
            raise ValueError(value)
        ids = [item[key] for key in CONDITION_KEYS]
        if any(one is not None and (isinstance(one, bool) or not isinstance(one, int)) for one in ids):
            raise ValueError(value)
        out.append(dict(zip(("product_option_id", "option_value_id", "sku_id"), ids)))
    return out


def _same(value: Any) -> Any:
    return value


def _nullable_str_in(value: Any) -> str:
    """A string the specs mark nullable, stored in a column v2 prints as a string: null is ""."""
    return "" if value is None else _str_in(value)


# A redirect's v3 ``to.type`` -> the v2 ``forward.type`` of the same row (a v3 url is v2 "manual").
REDIRECT_TYPES: Mapping[str, str] = {"url": "manual", "product": "product", "brand": "brand",
                                     "category": "category", "page": "page", "post": "post"}
REDIRECT_URL_MAX = 2048


def _redirect_to_in(value: Any) -> dict[str, Any]:
    """``to: {type, entity_id | url}`` into the v2 ``forward: {type, ref}``."""
    if not isinstance(value, dict) or value.get("type") not in REDIRECT_TYPES:
        raise ValueError(value)
    if value["type"] == "url":
        url = _str_in(value.get("url"))
        if len(url) > REDIRECT_URL_MAX:
            raise ValueError(value)
        return {"type": "manual", "ref": url}
    return {"type": REDIRECT_TYPES[value["type"]], "ref": _int_in(value.get("entity_id"))}


# Rows with a uuid besides their integer id (tree categories' ``category_uuid``): the uuid is
# made from the id, so it is stable, never reused, and a ``uuid`` filter reads it back as the id.
_UUID_HEAD = "5a4d6b1c-8e2f-4c3a-9b70-"


def row_uuid(row_id: int) -> str:
    """The uuid of the row ``row_id``."""
    return f"{_UUID_HEAD}{row_id:012x}"


def uuid_row_id(text: str) -> int:
    """The row id a ``row_uuid`` names; -1 (no row) for any other uuid; ValueError if not a uuid."""
    value = str(uuid.UUID(text.strip()))
    return int(value[len(_UUID_HEAD):], 16) if value.startswith(_UUID_HEAD) else -1


def _url_path_in(value: Any) -> str:
    """A tree category's ``url: {path, is_customized}`` (or a bare path) into the stored url."""
    if isinstance(value, dict):
        value = value.get("path")
    return _str_in(value)


# Stored inventory_tracking (v2 words) -> v3 words.
INVENTORY_TRACKING: Mapping[str, str] = {"none": "none", "simple": "product", "sku": "variant"}
_TRACKING_IN = {v3: v2 for v2, v3 in INVENTORY_TRACKING.items()}
# Stored review status (v2 numbers) -> v3 words.
REVIEW_STATUS: Mapping[int, str] = {0: "pending", 1: "approved", 2: "disapproved"}
_STATUS_IN = {v3: v2 for v2, v3 in REVIEW_STATUS.items()}


def _tracking_in(value: Any) -> str:
    if value not in _TRACKING_IN:
        raise ValueError(value)
    return _TRACKING_IN[value]


READ: Mapping[str, Codec] = {
    "same": _same,
    "str": lambda stored: "" if stored is None else stored,
    "int": lambda stored: 0 if stored is None else stored,
    "int_or_null": _same,
    "bool": bool,
    "number": lambda stored: number(stored) or 0,
    "number_or_null": number,
    "date": _date_out,
    "date_text": _date_out,
    "int_list": lambda stored: None if stored is None else list(stored),
    "csv_ints": _csv_ints_out,
    "csv_strs": _csv_strs_out,
    "str_list": lambda stored: list(stored or ()),
    "inventory_tracking": lambda stored: INVENTORY_TRACKING.get(stored, "none"),
    "review_status": lambda stored: REVIEW_STATUS.get(stored, "pending"),
    "list": lambda stored: list(stored or ()),
    "dict_or_null": _same,
    "amount": lambda stored: number(stored) or 0,
    "adjuster": lambda stored: dict(stored) if stored else {},
    "email_or_empty": lambda stored: "" if stored is None else stored,
    "nullable_str": lambda stored: "" if stored is None else stored,
    "date_or_null": _date_out,
}

WRITE: Mapping[str, Codec] = {
    "same": _same,
    "str": _str_in,
    "str_or_null": _null_or(_str_in),
    "int": _int_in,
    "int_or_null": _null_or(_int_in),
    "bool": _bool_in,
    "number": _number_in,
    "number_or_null": _null_or(_number_in),
    "date": _date_in,
    "date_text": _date_text_in,
    "int_list": _int_list_in,
    "csv_ints": lambda value: ",".join(str(item) for item in _int_list_in(value)),
    "csv_strs": lambda value: ",".join(_str_list_in(value)),
    "str_list": _str_list_in,
    "inventory_tracking": _tracking_in,
    "review_status": lambda value: _STATUS_IN[value],
    "list": _list_in,
    "dict_or_null": _null_or(_dict_in),
    "custom_url": _custom_url_in,
    "url_path": _url_path_in,
    "store_credit": _store_credit_in,
    "authentication": _authentication_in,
    "amount": _amount_in,
    "adjuster": _adjuster_in,
    "rule_conditions": _rule_conditions_in,
    "email_or_empty": _email_or_empty_in,
    "nullable_str": _nullable_str_in,
    "redirect_to": _redirect_to_in,
    "date_or_null": _null_or(_date_in),
}

REASONS: Mapping[str, str] = {
    "str": "must be a string", "str_or_null": "must be a string or null", "int": "must be an integer",
    "int_or_null": "must be an integer or null", "bool": "must be a boolean", "number": "must be a number",
    "number_or_null": "must be a number or null", "date": "must be an ISO 8601 date",
    "date_text": "must be an ISO 8601 date", "int_list": "must be an array of integers",
    "csv_ints": "must be an array of integers", "csv_strs": "must be an array of strings",
    "str_list": "must be an array of strings", "inventory_tracking": "must be one of: none, product, variant",
    "review_status": "must be one of: pending, approved, disapproved", "list": "must be an array",
    "dict_or_null": "must be an object or null", "custom_url": "must be an object with a string url",
    "url_path": "must be an object with a string path",
    "store_credit": "must be an array of {amount: number}",
    "authentication": "must be an object (force_password_reset, new_password)", "same": "is invalid",
    "amount": "must be a number or a numeric string",
    "adjuster": "must be {} or an object with adjuster (relative, percentage) and a number adjuster_value",
    "rule_conditions": "must be a non-empty array of {modifier_id, modifier_value_id, variant_id}",
    "email_or_empty": "must be a valid email address or an empty string",
    "nullable_str": "must be a string or null", "date_or_null": "must be an ISO 8601 date or null",
    "redirect_to": "must be {type: url, url} or {type: product|brand|category|page|post, entity_id}",
}
