#!/usr/bin/env python3
"""Checks that docs/bundle.schema.json accepts every example bundle and rejects the known-bad fixture, so the
published schema cannot drift from what `jixiao` reads, and that the API's OpenAPI document is valid."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs/bundle.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failed = 0
for example in sorted((root / "examples").glob("*.json")):
    errors = list(validator.iter_errors(json.loads(example.read_text(encoding="utf-8"))))
    for error in errors:
        print(f"{example.name}: {error.json_path}: {error.message}")
    failed += bool(errors)

bad = json.loads((root / "Tests/Fixtures/bad-bundle.json").read_text(encoding="utf-8"))
if validator.is_valid(bad):
    print("bad-bundle.json: accepted by the schema, expected rejection")
    failed += 1

try:
    from openapi_spec_validator import validate
    validate(json.loads((root / "Sources/JixiaoWeb/Resources/openapi.json").read_text(encoding="utf-8")))
except ImportError:
    print("openapi: openapi-spec-validator not installed, document not checked")
except Exception as error:  # the validator's own exception types vary by version
    print(f"openapi.json: {error}")
    failed += 1

examples = len(list((root / "examples").glob("*.json")))
print(f"schema: {examples + 2 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
