"""Verifying what BigCommerce signs for an app: ``signed_payload`` and ``signed_payload_jwt``."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

from .exception import InvalidSignedPayload

# What BigCommerce signs app callbacks with; HS512 too, as the old client accepted it.
JWT_ALGORITHMS = ("HS256", "HS512")
JWT_REQUIRED_CLAIMS = ("exp", "iat", "aud")


def _b64decode(text: str) -> bytes:
    """Either base64 alphabet, with or without padding."""
    text = text.strip().replace("-", "+").replace("_", "/")
    text += "=" * (-len(text) % 4)
    return base64.b64decode(text, validate=True)


def verify_payload(signed_payload: object, client_secret: object) -> dict[str, Any] | bool:
    """The decoded ``signed_payload`` dict, or False when anything about it is wrong.

    Form: ``b64(json) + "." + b64(hex(HMAC-SHA256(client_secret, json)))``.
    Never raises: a malformed payload is a failed verification.
    """
    if isinstance(signed_payload, bytes):
        try:
            signed_payload = signed_payload.decode("ascii")
        except UnicodeDecodeError:
            return False
    if isinstance(client_secret, str):
        try:
            client_secret = client_secret.encode("utf-8")
        except UnicodeEncodeError:
            return False
    if not isinstance(signed_payload, str) or not isinstance(client_secret, bytes):
        return False
    if not client_secret or "." not in signed_payload:
        return False
    encoded_json, encoded_signature = signed_payload.split(".", 1)
    try:
        payload_bytes = _b64decode(encoded_json)
        signature = _b64decode(encoded_signature)
    except (binascii.Error, ValueError):
        return False
    expected = hmac.new(client_secret, payload_bytes, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(expected, signature):
        return False
    try:
        payload = json.loads(payload_bytes)
    except ValueError:
        return False
    return payload if isinstance(payload, dict) else False


def verify_payload_jwt(signed_payload_jwt: object, client_secret: object, client_id: object) -> dict[str, Any]:
    """The claims of a ``signed_payload_jwt``, checked for signature, audience and expiry.

    Any failure raises :class:`InvalidSignedPayload` (a ``jwt.InvalidTokenError``).
    """
    if not isinstance(signed_payload_jwt, (str, bytes)) or not signed_payload_jwt:
        raise InvalidSignedPayload("signed_payload_jwt must be a non-empty string")
    if not isinstance(client_secret, (str, bytes)) or not client_secret:
        raise InvalidSignedPayload("client_secret must be a non-empty string")
    if not isinstance(client_id, str) or not client_id:
        raise InvalidSignedPayload("client_id must be a non-empty string")
    import jwt  # pyjwt is needed only here: the rest of the client imports without it

    try:
        claims = jwt.decode(
            signed_payload_jwt,
            client_secret,
            algorithms=list(JWT_ALGORITHMS),
            audience=client_id,
            options={"require": list(JWT_REQUIRED_CLAIMS)},
        )
    except jwt.PyJWTError as error:
        raise InvalidSignedPayload(f"signed_payload_jwt failed verification: {error}") from None
    except (ValueError, TypeError) as error:
        raise InvalidSignedPayload(f"signed_payload_jwt is malformed: {type(error).__name__}") from None
    return claims
