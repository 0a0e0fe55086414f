"""A client for the BigCommerce v2 API, faithful to the old ``bigcommerce`` package.

``bigcommerce.api.BigcommerceApi`` is the front door; ``Connection`` and
``OAuthConnection`` are the low-level interface of the first generation, and
``Client(host, token, user_id)`` the resource client of 0.9.

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
    "Client": "api",
    "Connection": "connection",
    "GraphQLConnection": "connection",
    "OAuthConnection": "connection",
    "Mapping": "mapping",
    "RateLimiter": "rate_limit",
    "RedisRateLimiter": "rate_limit",
    "RetryPolicy": "retry",
    **dict.fromkeys(
        [
            "AccessForbidden", "BatchItemFailed", "BigcommerceError", "ClientRequestException", "ConnectionFailed",
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
    # ``X as X``: re-exported for type checkers in strict mode (names resolve lazily at run time).
    from . import api as api
    from . import auth as auth
    from . import connection as connection
    from . import customer_login_token as customer_login_token
    from . import exception as exception
    from . import mapping as mapping
    from . import payload as payload
    from . import rate_limit as rate_limit
    from . import resources as resources
    from . import retry as retry
    from . import urls as urls
    from .api import BigcommerceApi as BigcommerceApi
    from .api import Client as Client
    from .connection import Connection as Connection
    from .connection import GraphQLConnection as GraphQLConnection
    from .connection import OAuthConnection as OAuthConnection
    from .exception import AccessForbidden as AccessForbidden
    from .exception import BatchItemFailed as BatchItemFailed
    from .exception import BigcommerceError as BigcommerceError
    from .exception import ClientRequestException as ClientRequestException
    from .exception import ConnectionFailed as ConnectionFailed
    from .exception import EmptyResponseWarning as EmptyResponseWarning
    from .exception import HttpException as HttpException
    from .exception import InvalidSignedPayload as InvalidSignedPayload
    from .exception import MethodNotAllowed as MethodNotAllowed
    from .exception import RateLimitingException as RateLimitingException
    from .exception import RedirectionException as RedirectionException
    from .exception import RequestTimeout as RequestTimeout
    from .exception import ResourceNotFound as ResourceNotFound
    from .exception import ResponseDecodeError as ResponseDecodeError
    from .exception import ServerException as ServerException
    from .exception import TransportError as TransportError
    from .exception import Unauthorised as Unauthorised
    from .exception import UnsupportedOperation as UnsupportedOperation
    from .mapping import Mapping as Mapping
    from .rate_limit import RateLimiter as RateLimiter
    from .rate_limit import RedisRateLimiter as RedisRateLimiter
    from .retry import RetryPolicy as RetryPolicy
