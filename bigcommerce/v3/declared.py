"""The v3 classes as ``api.v3`` attributes, for type checkers. Written by tools/v3_tables.py."""
from __future__ import annotations


class DeclaredV3Classes:
    """``api.v3.Products`` is ``bigcommerce.v3.Products`` with the connection filled in."""
