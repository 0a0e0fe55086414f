"""Credentials attached to each request, never stored in a printable header dict."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Union

import requests
from requests.auth import AuthBase, HTTPBasicAuth

# What basic auth accepts: ``(username, api_token)`` (a list too), or a requests auth object.
BasicCredentials = Union[Sequence[str], HTTPBasicAuth]


class TokenAuth(AuthBase):
    """OAuth: ``X-Auth-Token`` (and ``X-Auth-Client`` when a client id is known)."""

    def __init__(self, client_id: str | None, access_token: str | None) -> None:
        self.client_id = client_id
        self._access_token = access_token

    @property
    def has_token(self) -> bool:
        return bool(self._access_token)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        if self.client_id:
            request.headers["X-Auth-Client"] = self.client_id
        if self._access_token:
            request.headers["X-Auth-Token"] = self._access_token
        return request

    def __repr__(self) -> str:
        return f"<TokenAuth client_id={self.client_id!r} access_token=***>"


class BasicAuth(HTTPBasicAuth):
    """Legacy basic auth whose repr never shows the password."""

    def __repr__(self) -> str:
        return f"<BasicAuth username={self.username!r} password=***>"


def basic_auth(auth: object) -> BasicAuth:
    """A ``(username, api_token)`` pair as request auth, checked for shape."""
    if isinstance(auth, BasicAuth):
        return auth
    if isinstance(auth, HTTPBasicAuth):
        return BasicAuth(auth.username, auth.password)
    if (
        isinstance(auth, (tuple, list))
        and len(auth) == 2
        and all(isinstance(part, str) and part for part in auth)
    ):
        return BasicAuth(auth[0], auth[1])
    raise TypeError("basic auth must be a (username, api_token) pair of non-empty strings")
