"""The v3 connection: the same store, session, quota, retries and timeouts as its v2 twin.

``api.v3.connection`` is built from ``api.connection`` and reads the shared
parts through it, so a token fetched later, a changed timeout or the rate
limiter's window apply to both versions at once: one store, one quota. Its
``get/create/update/delete`` unwrap the ``data`` envelope; ``make_request``
(inherited) returns the whole body, as the old client's ``api_path`` recipe did.
"""
from __future__ import annotations

from typing import Any

import requests

from .. import urls
from ..connection import Limiter, OAuthConnection, Timeout
from ..encoding import ISO8601
from ..retry import RetryPolicy

__all__ = ["V3_API_PATH", "V3Connection", "unwrap"]

V3_API_PATH = "/stores/{}/v3/{}"


def unwrap(body: Any) -> Any:
    """``data`` of an enveloped body; a body without the envelope (settings, job ids) as it is."""
    if isinstance(body, dict) and "data" in body:
        return body["data"]
    return body


class V3Connection(OAuthConnection):
    """``https://api.bigcommerce.com/stores/{store_hash}/v3/`` over the v2 connection's session."""

    def __init__(self, v2: OAuthConnection) -> None:  # no super().__init__(): the parts are shared
        if not isinstance(v2, OAuthConnection):
            raise TypeError("the v3 API needs OAuth credentials (client_id, store_hash, access_token)")
        self._v2 = v2
        self.client_id = v2.client_id
        self.store_hash = v2.store_hash
        self._origin = v2._origin
        self.host = v2.host
        self.api_path = V3_API_PATH
        self.rate_limiting_management = v2.rate_limiting_management
        self._base = self._origin + self._api_prefix()
        self.date_style = ISO8601

    # -- what both versions share, read live from the v2 connection ------------

    @property
    def _auth(self) -> Any:
        return self._v2._auth

    @_auth.setter
    def _auth(self, value: Any) -> None:
        self._v2._auth = value

    @property
    def _session(self) -> requests.Session:  # type: ignore[override]
        return self._v2._session

    @property
    def _pid(self) -> int:  # type: ignore[override]
        return self._v2._pid

    def _mount_pool(self) -> None:
        self._v2._mount_pool()

    @property
    def rate_limiter(self) -> Limiter:  # type: ignore[override]
        return self._v2.rate_limiter

    @property
    def retry(self) -> RetryPolicy:  # type: ignore[override]
        return self._v2.retry

    @property
    def timeout(self) -> Timeout:  # type: ignore[override]
        return self._v2.timeout

    # -- the low-level interface, unwrapped -----------------------------------

    def get(self, resource: str = "", rid: urls.ResourceId | None = None, **query: Any) -> Any:
        """``GET resource[/rid]?filters``: the ``data`` of the answer (None for a 204)."""
        path = urls.join(resource, rid) if rid is not None else resource
        return unwrap(self.request("GET", path, params=query))

    def create(self, resource: str, data: Any) -> Any:
        """``POST resource``: the created ``data``."""
        return unwrap(self.request("POST", resource, json=data))

    def update(self, resource: str, data: Any, rid: urls.ResourceId | None = None) -> Any:  # type: ignore[override]
        """``PUT resource[/rid]``: the updated ``data`` (a batch PUT takes a list)."""
        path = urls.join(resource, rid) if rid is not None else resource
        return unwrap(self.request("PUT", path, json=data))

    def delete(self, resource: str, rid: urls.ResourceId | None = None, **query: Any) -> Any:
        """``DELETE resource[/rid]?filters``; a bulk delete needs its filter (``**{"id:in": [1, 2]}``)."""
        path = urls.join(resource, rid) if rid is not None else resource
        return unwrap(self.request("DELETE", path, params=query or None))

    def close(self) -> None:
        """The session belongs to the v2 connection: closing v3 closes nothing."""

    def __repr__(self) -> str:
        return f"<V3Connection {self._base} client_id={self.client_id!r}>"
