"""Customer Login API: a signed JWT that signs a shopper into the storefront.

``CustomerLoginTokens.create(api, customer_id)`` returns the token;
``create_url`` the storefront URL ``{secure_url}/login/token/{jwt}``. The app's
client secret is passed in, or read from the ``APP_CLIENT_SECRET`` environment
variable as the old client did.
"""
from __future__ import annotations

import os
import time
import uuid
from typing import Any

import jwt

from .connection import OAuthConnection

__all__ = ["CustomerLoginTokens"]


class CustomerLoginTokens:
    """Tokens for ``https://{storefront}/login/token/{jwt}``; each works once, within ~30 s of ``iat``."""

    @classmethod
    def create(
        cls,
        client: Any,
        id: int,
        redirect_url: str | None = None,
        request_ip: str | None = None,
        iat: int | None = None,
        *,
        client_secret: str | None = None,
        channel_id: int | None = None,
    ) -> str:
        """The signed JWT (HS256) for customer ``id``; ``client`` is a BigcommerceApi on OAuth."""
        secret = client_secret or os.getenv("APP_CLIENT_SECRET")
        if not secret:
            raise ValueError("no client secret: pass client_secret= or set APP_CLIENT_SECRET")
        connection = getattr(client, "connection", client)
        if not isinstance(connection, OAuthConnection) or not connection.client_id:
            raise ValueError("customer login tokens need an OAuth connection with a client_id")
        if isinstance(id, bool) or not isinstance(id, int) or id <= 0:
            raise ValueError(f"customer id must be a positive int, not {id!r}")
        claims: dict[str, Any] = {
            "iss": connection.client_id,
            "iat": int(time.time()) if iat is None else int(iat),
            "jti": uuid.uuid4().hex,
            "operation": "customer_login",
            "store_hash": connection.store_hash,
            "customer_id": id,
        }
        if redirect_url:
            claims["redirect_to"] = redirect_url
        if request_ip:
            claims["request_ip"] = request_ip
        if channel_id is not None:
            claims["channel_id"] = channel_id
        return jwt.encode(claims, secret, algorithm="HS256", headers={"typ": "JWT"})

    @classmethod
    def create_url(
        cls,
        client: Any,
        id: int,
        redirect_url: str | None = None,
        request_ip: str | None = None,
        use_bc_time: bool = False,
        *,
        client_secret: str | None = None,
        channel_id: int | None = None,
    ) -> str:
        """``{secure_url}/login/token/{jwt}``; ``use_bc_time`` takes ``iat`` from GET /time (clock skew)."""
        secure_url = client.Store.all()["secure_url"]
        iat = client.Time.all()["time"] if use_bc_time else None
        token = cls.create(client, id, redirect_url, request_ip, iat,
                           client_secret=client_secret, channel_id=channel_id)
        return f"{secure_url.rstrip('/')}/login/token/{token}"
