"""Multipart uploads: images, theme files and redirect imports, sent as ``multipart/form-data``.

A handful of v3 endpoints take a file instead of JSON (v3-resources.md: product, variant,
category, brand and modifier value images, the store's logo and favicon, theme uploads,
redirect imports). ``UploadableV3.upload`` sends one: the file under the field name the spec
gives (``upload_field``), other form fields beside it. The body is built in memory before
anything is sent, so a bad argument is an error before any request, and a retry (only when
the request provably never reached the store) resends the same bytes. The boundary comes from
the content, so the same upload is the same body every time (and cassettes can match it).
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Mapping
from typing import IO, Any, ClassVar, TypeVar, Union

from urllib3.filepost import encode_multipart_formdata

from .. import urls
from .base import V3Resource
from .connection import V3Connection, unwrap

U = TypeVar("U", bound="UploadableV3")

# A path, the file's bytes, or a file opened in binary mode.
FileSource = Union[str, "os.PathLike[str]", bytes, IO[bytes]]


def read_file(source: FileSource, filename: str | None) -> tuple[bytes, str]:
    """The file's bytes and the name to send it under."""
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), filename or "upload"
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:  # FileNotFoundError names the path
            return handle.read(), filename or os.path.basename(os.fspath(source))
    read = getattr(source, "read", None)
    if not callable(read):
        raise TypeError(f"file must be a path, bytes or a file opened in binary mode, not {type(source).__name__}")
    content = read()
    if not isinstance(content, bytes):
        raise TypeError("file must be opened in binary mode ('rb'): its read() returned text")
    name = getattr(source, "name", None)
    return content, filename or (os.path.basename(name) if isinstance(name, str) else "upload")


def form_value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise TypeError(f"form field {name}: {type(value).__name__} has no form value (give a string, number or bool)")


def multipart(
    field: str, source: FileSource, filename: str | None = None, content_type: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> tuple[bytes, str]:
    """``(body, Content-Type)`` of a form with the file under ``field`` and ``fields`` before it."""
    content, name = read_file(source, filename)
    kind = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    parts: list[Any] = [(key, form_value(key, value)) for key, value in (fields or {}).items() if value is not None]
    parts.append((field, (name, content, kind)))
    digest = hashlib.sha256(content)
    for key, value in parts[:-1]:
        digest.update(f"\0{key}\0{value}".encode())
    boundary = "bigcommerce-" + digest.hexdigest()[:32]
    while boundary.encode() in content:  # never inside the content it separates
        boundary += "x"
    body, header = encode_multipart_formdata(parts, boundary=boundary)
    return body, header


class UploadableV3(V3Resource):
    """``upload(*parents, file=...)``: ``POST {path}`` as ``multipart/form-data``."""

    upload_field: ClassVar[str] = "image_file"

    @classmethod
    def upload(
        cls: type[U], *parents: urls.ResourceId, file: FileSource, filename: str | None = None,
        content_type: str | None = None, connection: V3Connection | None = None, **fields: Any,
    ) -> U:
        """Send ``file`` (a path, bytes or a binary file object) under the API's field name, with
        ``fields`` (``is_thumbnail=True``, ``description=...``) beside it; the answer as an object.
        ``content_type`` defaults to the one the file name suggests."""
        conn = cls._require(connection)
        path = cls._fill(cls.path, parents)
        fields, query = cls._split_params(fields)
        body, header = multipart(cls.upload_field, file, filename, content_type, fields)
        answer = conn.request("POST", path, data=body, headers={"Content-Type": header}, params=query)
        return cls._wrap(unwrap(answer), conn, parents)


class UploadOnlyV3(UploadableV3):
    """Where the API creates only from a file (themes, category and brand images, redirect
    imports), ``create`` is ``upload``: the same arguments, ``file`` required."""

    @classmethod
    def create(
        cls: type[U], *parents: urls.ResourceId, file: FileSource, filename: str | None = None,
        content_type: str | None = None, connection: V3Connection | None = None, **fields: Any,
    ) -> U:
        """``POST {path}`` as ``multipart/form-data``: as :meth:`upload`."""
        return cls.upload(*parents, file=file, filename=filename, content_type=content_type, connection=connection,
                          **fields)
