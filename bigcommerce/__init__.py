"""A client for the BigCommerce v2 API, faithful to the old ``bigcommerce`` package.

``bigcommerce.api.BigcommerceApi`` is the front door; ``Connection`` and
``OAuthConnection`` are the low-level interface of the first generation.

Names are imported on first use (PEP 562): the package's pytest plugin is
loaded by every pytest run in an environment where bigcommerce is installed,
and must not make each of them import requests and jwt.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"

# The modules ``import bigcommerce`` has always made reachable as attributes.
_SUBMODULES = frozenset({
    "api", "auth", "connection", "customer_login_token", "exception", "mapping",
    "payload", "rate_limit", "resources", "retry", "urls",
})

# Public name -> the module that defines it.
_EXPORTS = {
    "BigcommerceApi": "api",
    "Connection": "connection",
    "GraphQLConnection": "connection",
    "OAuthConnection": "connection",
    "Mapping": "mapping",
    "RetryPolicy": "retry",
    **dict.fromkeys(
        [
            "AccessForbidden", "BigcommerceError", "ClientRequestException", "ConnectionFailed",
            "EmptyResponseWarning", "HttpException", "InvalidSignedPayload", "MethodNotAllowed",
            "RateLimitingException", "RedirectionException", "RequestTimeout", "ResourceNotFound",
            "ResponseDecodeError", "ServerException", "TransportError", "Unauthorised",
            "UnsupportedOperation",
        ],
        "exception",
    ),
}

__all__ = ["api", "connection", "customer_login_token", "exception", "resources", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SUBMODULES | set(_EXPORTS))


if TYPE_CHECKING:
    from . import api, auth, connection, customer_login_token, exception, mapping, payload  # noqa: F401
    from . import rate_limit, resources, retry, urls  # noqa: F401
    from .api import BigcommerceApi  # noqa: F401
    from .connection import Connection, GraphQLConnection, OAuthConnection  # noqa: F401
    from .exception import (  # noqa: F401
        AccessForbidden,
        BigcommerceError,
        ClientRequestException,
        ConnectionFailed,
        EmptyResponseWarning,
        HttpException,
        InvalidSignedPayload,
        MethodNotAllowed,
        RateLimitingException,
        RedirectionException,
        RequestTimeout,
        ResourceNotFound,
        ResponseDecodeError,
        ServerException,
        TransportError,
        Unauthorised,
        UnsupportedOperation,
    )
    from .mapping import Mapping  # noqa: F401
    from .retry import RetryPolicy  # noqa: F401
