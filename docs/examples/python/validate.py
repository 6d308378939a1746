# Validate a dataset file against its schema: PyYAML's safe_load, jsonschema's format checker.
import json, sys, yaml
from pathlib import Path
from jsonschema import Draft202012Validator as Validator
document = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8"))
schema = json.loads(Path(f"schemas/{document['kind']}.schema.json").read_text(encoding="utf-8"))
errors = sorted(Validator(schema, format_checker=Validator.FORMAT_CHECKER).iter_errors(document), key=lambda e: e.json_path)
for error in errors:
    print(f"{sys.argv[1]}: {error.json_path}: {error.message}")
sys.exit(1 if errors else 0)
