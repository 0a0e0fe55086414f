"""Writes ``cassettes/v3/families/``: one cassette per v3 family, answered with its spec's example.

For each module of ``bigcommerce/v3`` (a family: ``FAMILIES`` in ``generate_v3``) the first
class whose GET has a JSON example in BigCommerce's OpenAPI file is read the way a user reads
it (``all(...)`` for a list, ``get(...)`` for one object or a singleton, parent ids 1 or a uuid).
The request is what the client sends for that call, captured with a stand-in connection; the
answer is the spec's example, byte for byte as YAML holds it. ``calls.json`` says, per family,
the class, the verb, its arguments and the data the call must return (the example's ``data``,
or the whole body where it has no envelope), for ``tests/unit/test_v3_family_cassettes.py``.

``python tools/v3_family_cassettes.py [--specs DIR]`` re-runs to the same output.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import generate_v3  # noqa: E402

OUT = ROOT / "cassettes" / "v3" / "families"
BASE = "https://api.bigcommerce.com/stores/abc123/v3/"
UUID = "4f9a6a1e-2b1c-4d3e-8f5a-6b7c8d9e0f10"


def example_of(spec: generate_v3.Spec, op: dict[str, Any]) -> Any:
    """The JSON example of an operation's first 2xx answer, or None."""
    for code in sorted(str(c) for c in (op.get("responses") or {}) if str(c).startswith("2")):
        answer = spec.resolve(op["responses"][code if code in op["responses"] else int(code)])
        for ctype, media in sorted(((answer or {}).get("content") or {}).items()):
            if "json" not in ctype:
                continue
            if "example" in media:
                return media["example"]
            for example in (media.get("examples") or {}).values():
                example = spec.resolve(example)
                if isinstance(example, dict) and "value" in example:
                    return example["value"]
            schema = spec.resolve(media.get("schema") or {})
            if isinstance(schema, dict) and "example" in schema:
                return schema["example"]
    return None


def from_schema(spec: generate_v3.Spec, schema: Any, depth: int = 0) -> Any:
    """An answer built from a schema's own ``example`` values, where the operation has no whole example."""
    node = spec.resolve(schema)
    if not isinstance(node, dict) or depth > 8:
        return None
    if "example" in node:
        return node["example"]
    for key in ("allOf", "oneOf", "anyOf"):
        if node.get(key) and key != "allOf":
            return from_schema(spec, node[key][0], depth + 1)
    props = spec.props(node)
    if props or node.get("type") == "object":
        return {name: from_schema(spec, prop, depth + 1) for name, prop in props.items()}
    if node.get("type") == "array":
        return [from_schema(spec, node.get("items") or {}, depth + 1)]
    defaults = {"string": "text", "integer": 1, "number": 1.5, "boolean": True}
    return defaults.get(str(node.get("type")), None)


def schema_answer(spec: generate_v3.Spec, op: dict[str, Any]) -> Any:
    """The first 2xx JSON answer's schema, filled from its property examples, or None."""
    for code in sorted(str(c) for c in (op.get("responses") or {}) if str(c).startswith("2")):
        answer = spec.resolve(op["responses"][code if code in op["responses"] else int(code)])
        for ctype, media in sorted(((answer or {}).get("content") or {}).items()):
            if "json" in ctype and media.get("schema"):
                return from_schema(spec, media["schema"])
    return None


def plain(value: Any) -> Any:
    """YAML's dates and times (an unquoted ``2018-05-07T20:14:17Z``) back as the ISO 8601 text they were."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def parent_value(name: str) -> Any:
    lowered = name.lower()
    return UUID if any(word in lowered for word in ("uuid", "cart", "checkout", "token")) else 1


class Capture:
    """A stand-in V3Connection: records the one request and answers the example."""

    def __init__(self, body: Any) -> None:
        self.body = body
        self.sent: tuple[str, str, dict[str, Any]] | None = None
        self.json: Any = None

    def request(self, method: str, path: str, params: Any = None, json: Any = None, **_: Any) -> Any:
        self.sent = (method, path, dict(params or {}))
        self.json = json
        return self.body

    def _request(self, method: str, path: str, params: Any = None, **kwargs: Any) -> Any:
        return self.request(method, path, params), None


def pick(module: str, specs: Path) -> dict[str, Any] | None:
    """The family's call: class, verb, arguments, request, example answer."""
    from bigcommerce.v3 import base

    _, files = generate_v3.FAMILIES[module]
    loaded = {name: generate_v3.Spec(specs / name) for name in files}
    classes = importlib.import_module(f"bigcommerce.v3.{module}")
    for name in sorted(getattr(classes, "__all__", [])):
        cls = getattr(classes, name)
        template = getattr(cls, "path", "")
        if not template:
            continue
        lists = issubclass(cls, base.ListableV3)
        gets = issubclass(cls, base.SingletonV3) or (issubclass(cls, base.GettableV3) and not lists)
        if not (lists or gets):
            continue
        params = generate_v3._PARAM.findall(template)
        probe = template if lists or issubclass(cls, base.SingletonV3) else f"{template}/{{id}}"
        for spec in loaded.values():
            for raw, item in (spec.doc.get("paths") or {}).items():
                if generate_v3._PARAM.sub("{}", raw.strip("/")) != generate_v3._PARAM.sub("{}", probe):
                    continue
                op = spec.resolve(item).get("get")
                if not op:
                    continue
                op = spec.resolve(op)
                found = example_of(spec, op)
                body = plain(found if found is not None else schema_answer(spec, op))
                if body is None:
                    continue
                args = [parent_value(p) for p in params]
                if not lists and not issubclass(cls, base.SingletonV3):
                    args.append(1)
                verb = "all" if lists else "get"
                capture = Capture(body)
                result = getattr(cls, verb)(*args, connection=capture)
                assert capture.sent is not None
                method, path, query = capture.sent
                data = body.get("data", body) if isinstance(body, dict) else body
                if lists and isinstance(data, dict):
                    continue  # a list whose example holds one object: not a list answer to check
                del result
                return {"module": module, "class": name, "verb": verb, "args": args, "method": method,
                        "uri": BASE + path + (("?" + urlencode(query, doseq=True)) if query else ""),
                        "body": body, "data": data, "spec": spec.name}
    return None


def pick_create(module: str, specs: Path) -> dict[str, Any] | None:
    """For a family that only takes POSTs (pricing, storefront tokens): the first create, with
    the request example's fields and the answer's example."""
    from bigcommerce.v3 import base

    _, files = generate_v3.FAMILIES[module]
    loaded = [generate_v3.Spec(specs / name) for name in files]
    classes = importlib.import_module(f"bigcommerce.v3.{module}")
    for name in sorted(getattr(classes, "__all__", [])):
        cls = getattr(classes, name)
        if not issubclass(cls, base.CreateableV3) or not getattr(cls, "path", ""):
            continue
        for spec in loaded:
            item = (spec.doc.get("paths") or {}).get("/" + cls.path)
            op = spec.resolve(item).get("post") if item else None
            if not op:
                continue
            op = spec.resolve(op)
            found = example_of(spec, op)
            body = plain(found if found is not None else schema_answer(spec, op))
            content = (spec.resolve(op.get("requestBody")) or {}).get("content") or {}
            media = next((m for c, m in sorted(content.items()) if "json" in c), {})
            fields = plain(media.get("example") or next(
                (spec.resolve(e).get("value") for e in (media.get("examples") or {}).values()), None)
                or from_schema(spec, media.get("schema") or {}) or {})
            if body is None or not isinstance(fields, dict):
                continue
            capture = Capture(body)
            cls.create(connection=capture, **fields)
            assert capture.sent is not None
            method, path, query = capture.sent
            data = body.get("data", body) if isinstance(body, dict) else body
            return {"module": module, "class": name, "verb": "create", "args": [], "fields": fields,
                    "method": method, "uri": BASE + path + (("?" + urlencode(query, doseq=True)) if query else ""),
                    "body": body, "data": data, "spec": spec.name, "sent": capture.json}
    return None


def cassette(call: dict[str, Any]) -> str:
    from bigcommerce.encoding import ISO8601, encode_json

    sent = call.get("sent")
    headers = {"Accept": ["application/json"]}
    if sent is not None:
        headers["Content-Type"] = ["application/json"]
    interaction = {
        "request": {"body": None if sent is None else encode_json(sent, ISO8601).decode(), "headers": headers,
                    "method": call["method"], "uri": call["uri"]},
        "response": {"status": {"code": 200, "message": "OK"}, "headers": {"Content-Type": ["application/json"]},
                     "body": {"string": json.dumps(call["body"], sort_keys=False)}},
    }
    head = (f"# {call['class']}.{call['verb']}: the example answer of {call['method']} in {call['spec']}\n"
            "# (written by tools/v3_family_cassettes.py from BigCommerce's OpenAPI file).\n")
    return head + yaml.safe_dump({"interactions": [interaction], "version": 1}, sort_keys=False, width=1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=generate_v3.DEFAULT_SPECS)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    calls: dict[str, Any] = {}
    for module in sorted(generate_v3.FAMILIES):
        call = pick(module, args.specs) or pick_create(module, args.specs)
        if call is None:
            print(f"{module}: no GET with a JSON example", file=sys.stderr)
            continue
        (OUT / f"{module}.yaml").write_text(cassette(call), encoding="utf-8")
        calls[module] = {key: call[key] for key in ("class", "verb", "args", "data", "fields") if key in call}
    (OUT / "calls.json").write_text(json.dumps(calls, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(calls)} families written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
