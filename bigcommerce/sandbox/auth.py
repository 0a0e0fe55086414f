"""Who may call the sandbox: its ``Credentials``, the three ways to present them, the 401s.

* ``X-Auth-Token`` (and optionally ``X-Auth-Client``) on ``/stores/{hash}/v2``, ``/v3`` and
  GraphQL: ``check_token`` (its refusals in the words of the version asked). Tokens the app
  install exchange issued are accepted too.
* HTTP basic auth (username, API token) on the legacy ``/api/v2``: ``check_basic``.
* ``POST /oauth2/token``, the app-install exchange of ``code`` for a token:
  ``token_exchange``.

Secrets are compared in constant time; refusals never echo a secret.
"""
from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from bigcommerce.sandbox.messages import JSON_TYPE, Answer, ErrorAnswer, Request, oauth_error, v2_error

BASIC_REALM = "BigCommerce API"
OAUTH_SCOPE = (
    "store_v2_products store_v2_orders store_v2_customers store_v2_customers_login "
    "store_v2_content store_v2_marketing store_v2_information store_payments_methods_read"
)


@dataclass(frozen=True)
class Credentials:
    """Everything a client needs to authenticate; ``repr`` shows no secret."""

    store_hash: str
    client_id: str
    client_secret: str = field(repr=False)
    access_token: str = field(repr=False)
    username: str
    api_token: str = field(repr=False)
    auth_code: str = field(repr=False)
    redirect_uri: str | None = None

    @classmethod
    def generate(
        cls,
        *,
        store_hash: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        username: str | None = None,
        api_token: str | None = None,
        auth_code: str | None = None,
        redirect_uri: str | None = None,
    ) -> Credentials:
        """Random credentials (``secrets.token_hex``); pass any field to fix it."""
        return cls(
            store_hash=store_hash if store_hash is not None else secrets.token_hex(5),
            client_id=client_id if client_id is not None else secrets.token_hex(16),
            client_secret=client_secret if client_secret is not None else secrets.token_hex(24),
            access_token=access_token if access_token is not None else secrets.token_hex(20),
            username=username if username is not None else "sandbox-" + secrets.token_hex(3),
            api_token=api_token if api_token is not None else secrets.token_hex(20),
            auth_code=auth_code if auth_code is not None else secrets.token_hex(12),
            redirect_uri=redirect_uri,
        )

    @property
    def context(self) -> str:
        """The OAuth ``context`` of this store: ``stores/{store_hash}``."""
        return f"stores/{self.store_hash}"


class AccessTokens:
    """The access tokens the API accepts: the configured one and those issued since. Thread-safe."""

    def __init__(self, first: str) -> None:
        self._lock = threading.Lock()
        self._tokens = {first}

    def issue(self) -> str:
        """A new token, accepted from now on."""
        token = secrets.token_hex(20)
        with self._lock:
            self._tokens.add(token)
        return token

    def __contains__(self, token: object) -> bool:
        with self._lock:
            return token in self._tokens


def check_token(request: Request, credentials: Credentials, tokens: AccessTokens, *,
                error: ErrorAnswer = v2_error) -> Answer | None:
    """None when the OAuth headers are good, else the 401 to send (built by ``error``)."""
    token = request.headers.get("x-auth-token", "")
    client = request.headers.get("x-auth-client")
    if not token:
        return error(401, "No access token was supplied (X-Auth-Token header).")
    if token not in tokens:
        return error(401, "The access token is invalid or has been revoked.")
    if client is not None and not hmac.compare_digest(client, credentials.client_id):
        return error(401, "The X-Auth-Client header does not match the token's client id.")
    return None


def check_basic(request: Request, credentials: Credentials) -> Answer | None:
    """None when the basic-auth header is good, else the 401 (with a challenge) to send."""
    challenge = {"WWW-Authenticate": f'Basic realm="{BASIC_REALM}"'}
    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return v2_error(401, "HTTP basic authentication is required.", challenge)
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return v2_error(401, "The basic authentication header is malformed.", challenge)
    username, _, password = decoded.partition(":")
    good_user = hmac.compare_digest(username.encode(), credentials.username.encode())
    good_token = hmac.compare_digest(password.encode(), credentials.api_token.encode())
    if not (good_user and good_token):
        return v2_error(401, "The username or API token is wrong.", challenge)
    return None


def token_exchange(request: Request, credentials: Credentials, tokens: AccessTokens) -> Answer:
    """POST /oauth2/token: exchange the install ``code`` for an access token."""
    if request.method != "POST":
        return oauth_error(405, "Method not allowed.")
    fields, refusal = _oauth_fields(request)
    if refusal is not None:
        return refusal
    creds = credentials
    if not _same(fields.get("client_id"), creds.client_id):
        return oauth_error(400, "Invalid client id.")
    if not _same(fields.get("client_secret"), creds.client_secret):
        return oauth_error(400, "invalid_client", "The client_secret does not match.")
    if fields.get("grant_type") != "authorization_code":
        return oauth_error(400, "unsupported_grant_type", "Use authorization_code.")
    if not _same(fields.get("code"), creds.auth_code):
        return oauth_error(400, "Invalid code.")
    if creds.redirect_uri is not None and fields.get("redirect_uri") != creds.redirect_uri:
        return oauth_error(400, "redirect_uri_mismatch", "The redirect_uri is not the registered one.")
    if fields.get("context") != creds.context:
        return oauth_error(403, "The context does not name a store this app may be installed on.")
    user = {"id": 1001, "username": creds.username, "email": f"{creds.username}@example.com"}
    payload = {
        "access_token": tokens.issue(),
        "scope": fields.get("scope") or OAUTH_SCOPE,
        "user": user,
        "owner": dict(user),
        "context": creds.context,
        "account_uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, creds.context)),
    }
    return Answer(200, json.dumps(payload).encode())


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _oauth_fields(request: Request) -> tuple[dict[str, str], Answer | None]:
    """The token request's fields, form-encoded (the old client) or JSON (current docs)."""
    media = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if not request.body:
        return {}, None
    if media == "application/x-www-form-urlencoded":
        text = request.body.decode("utf-8", "replace")
        return dict(parse_qsl(text, keep_blank_values=True)), None
    if media == JSON_TYPE:
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return {}, oauth_error(400, "invalid_request", "The body is not valid JSON.")
        if not isinstance(data, dict):
            return {}, oauth_error(400, "invalid_request", "The body must be a JSON object.")
        return {k: str(v) for k, v in data.items() if v is not None}, None
    return {}, oauth_error(415, "Invalid format.", "Send form-urlencoded or JSON fields.")
