"""The v3 REST API as resource classes: ``bigcommerce.v3.Products``, reached as ``api.v3.Products``.

One module per family declares its classes; the machinery they share (the
envelope, both kinds of paging, batches, deletes, errors) lives in
``base``, ``paging``, ``batch`` and ``connection``. Every class here has
``path``, the API path template it serves (``../tools/v3_coverage.py``
reads it).
"""
from __future__ import annotations

from .base import (
    BODY,
    QUERY,
    BatchCreateableV3,
    BatchDeleteableV3,
    BatchUpdateableV3,
    CountableV3,
    CreateableV3,
    DeleteableV3,
    DeleteForm,
    GettableV3,
    ListableV3,
    SingletonV3,
    UpdateableSingletonV3,
    UpdateableV3,
    V3List,
    V3Resource,
    subresource,
)
from .batch import BatchResult
from .connection import V3Connection
from .paging import CURSOR, LAST_ID, NONE, OFFSET, Paging

__all__ = [
    "BODY", "CURSOR", "LAST_ID", "NONE", "OFFSET", "QUERY",
    "BatchCreateableV3", "BatchDeleteableV3", "BatchResult", "BatchUpdateableV3", "CountableV3",
    "CreateableV3", "DeleteForm", "DeleteableV3", "GettableV3", "ListableV3", "Paging", "SingletonV3",
    "UpdateableSingletonV3", "UpdateableV3", "V3Connection", "V3List", "V3Resource", "subresource",
]
