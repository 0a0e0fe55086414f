"""Helpers of the v3 sandbox tests: requests over loopback to a sandbox's v2 and v3 bases."""
from __future__ import annotations

from typing import Any

import requests

from bigcommerce.sandbox import Sandbox

TIMEOUT_S = 5


def headers(sb: Sandbox) -> dict[str, str]:
    return {"X-Auth-Token": sb.access_token, "X-Auth-Client": sb.client_id, "Accept": "application/json"}


def v3(sb: Sandbox, method: str, path: str, **kwargs: Any) -> requests.Response:
    """One v3 request: ``path`` below ``/v3/`` (``catalog/products``) or a link query (``catalog/products?page=2``)."""
    return requests.request(method, f"{sb.v3_api_url}/{path}", headers=headers(sb), timeout=TIMEOUT_S, **kwargs)


def v2(sb: Sandbox, method: str, path: str, **kwargs: Any) -> requests.Response:
    return requests.request(method, f"{sb.api_url}/{path}", headers=headers(sb), timeout=TIMEOUT_S, **kwargs)


def data(response: requests.Response, status: int = 200) -> Any:
    """The ``data`` of a v3 answer, after checking its status."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    return response.json()["data"]


ERROR_KEYS = {"status", "title", "type"}


def error_of(response: requests.Response, status: int) -> dict[str, Any]:
    """The v3 error body of an answer, after checking its status and the common keys (§2.9)."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    body: dict[str, Any] = response.json()
    assert ERROR_KEYS <= set(body) and body["status"] == status
    return body


def product_body(name: str, **fields: Any) -> dict[str, Any]:
    """A v3 product create body with the required fields."""
    return {"name": name, "type": "physical", "weight": 1.5, "price": 19.99, **fields}


def size_variants(*labels: str, prefix: str = "V") -> list[dict[str, Any]]:
    """Nested ``variants`` of a product create: one per Size label."""
    return [{"sku": f"{prefix}-{label}", "option_values": [{"option_display_name": "Size", "label": label}]}
            for label in labels]
