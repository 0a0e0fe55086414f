"""multipart/form-data bodies (v3 image uploads) read into the JSON-shaped dict the views take.

A real store keeps the uploaded file and answers with CDN URLs; the sandbox keeps what a
client can check: the file's name, size and a digest, named through ``image_url`` (a URL on
the sandbox's own host that v2 shows as the image's ``image_file``). Plain fields become
JSON values the way the API reads them: ``true``/``false`` booleans, integers, else strings.
"""
from __future__ import annotations

import hashlib
import re
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

# The file fields the specs name (image_file), and where the view expects the image's address.
FILE_FIELDS = {"image_file": "image_url"}
_INTEGER = re.compile(r"-?\d{1,15}")


class FormError(ValueError):
    """A multipart body that cannot be read: the message says why."""


def form_value(text: str) -> Any:
    if text in ("true", "false"):
        return text == "true"
    if _INTEGER.fullmatch(text):
        return int(text)
    return text


def read_form(content_type: str, body: bytes, base_url: str) -> dict[str, Any]:
    """The form's fields; a file under ``image_file`` becomes ``image_url`` on the sandbox's host."""
    if "boundary=" not in content_type:
        raise FormError("multipart/form-data needs a boundary parameter in its Content-Type")
    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode("latin-1")
                                                  + b"\r\n\r\n" + body)
    if not message.is_multipart():
        raise FormError("the body is not a multipart form")
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or not name:
            raise FormError("a form part has no name in its Content-Disposition")
        content = part.get_payload(decode=True)
        data = content if isinstance(content, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            fields[name] = form_value(data.decode("utf-8", "replace"))
            continue
        if name not in FILE_FIELDS:
            raise FormError(f"the sandbox takes uploads as {', '.join(FILE_FIELDS)} only (got a file as {name})")
        digest = hashlib.sha256(data).hexdigest()[:12]
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", filename)[-80:] or "upload"
        fields[FILE_FIELDS[name]] = f"{base_url}/uploads/{digest}/{safe}"
    return fields
