#!/usr/bin/env python3
"""Checks that docs/bundle.schema.json accepts every example bundle and rejects the known-bad fixture,
so the published schema cannot drift from what `jixiao` reads."""
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

examples = len(list((root / "examples").glob("*.json")))
print(f"schema: {examples + 1 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
