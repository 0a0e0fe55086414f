"""A client for the BigCommerce v2 API, faithful to the old ``bigcommerce`` package.

``bigcommerce.api.BigcommerceApi`` is the front door; ``Connection`` and
``OAuthConnection`` are the low-level interface of the first generation.
"""
from __future__ import annotations

from . import api, connection, customer_login_token, exception, resources
from .api import BigcommerceApi
from .connection import Connection, GraphQLConnection, OAuthConnection
from .exception import (
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
from .mapping import Mapping
from .retry import RetryPolicy

__version__ = "1.0.0"

__all__ = [
    "api",
    "connection",
    "customer_login_token",
    "exception",
    "resources",
    "BigcommerceApi",
    "Connection",
    "GraphQLConnection",
    "OAuthConnection",
    "Mapping",
    "RetryPolicy",
    "AccessForbidden",
    "BigcommerceError",
    "ClientRequestException",
    "ConnectionFailed",
    "EmptyResponseWarning",
    "HttpException",
    "InvalidSignedPayload",
    "MethodNotAllowed",
    "RateLimitingException",
    "RedirectionException",
    "RequestTimeout",
    "ResourceNotFound",
    "ResponseDecodeError",
    "ServerException",
    "TransportError",
    "Unauthorised",
    "UnsupportedOperation",
]
