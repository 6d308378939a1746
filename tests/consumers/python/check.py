#!/usr/bin/env python3
"""Python consumer check: do `jsonschema` + PyYAML agree with `treaty validate`?

Validates every dataset file (datasets/**/*.yaml) and every fixture file of
tests/fixtures/{base,valid,invalid} against schemas/<kind>.schema.json, the way a Python user
of the schemas would, and compares the verdict with what `treaty validate --format json` says
about the same file at the SCHEMA level (codes in SCHEMA_CODES; cross-file codes are ignored).

Files treaty cannot parse (SYNTAX_CODES) or whose header it rejects (HEADER_CODES) are skipped
and counted: for them there is no document to compare. Prints a table; exits 1 on any
disagreement (naming the file and both verdicts), 2 when the check itself cannot run.

Usage: check.py [--treaty COMMAND] [--verbose]
  COMMAND (or $TREATY) runs treaty, e.g. `target/debug/treaty` or `cargo run -q -p treaty-cli --`;
  default: target/debug/treaty of the repository if built, else `treaty` on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = ROOT / "schemas"

# treaty's diagnostic codes (docs/DIAGNOSTICS.md), by what they mean for this comparison.
SCHEMA_CODES = {
    "unknown-field", "missing-field", "wrong-type", "invalid-value", "invalid-format",
    "out-of-range", "schema-violation",
}
SYNTAX_CODES = {
    "io-error", "file-too-large", "invalid-utf8", "nul-byte", "yaml-syntax", "json-syntax",
    "tab-indentation", "duplicate-key", "non-scalar-key", "alias-limit", "unknown-alias",
    "depth-limit", "node-limit", "multiple-documents", "empty-document", "yaml-tag", "merge-key",
    "non-finite-number",
}
HEADER_CODES = {
    "missing-kind", "unknown-kind", "missing-schema-version", "unsupported-schema-version",
}


# --- YAML 1.2 core schema on top of PyYAML ---------------------------------------------------
#
# PyYAML implements YAML 1.1: `yes`/`no`/`on`/`off` are booleans, `2024-05-01` is a date,
# `0755` is octal, `1_000` and `1:30` are numbers, `<<` merges. treaty (and YAML 1.2) reads all
# of those as strings or decimals. So the loader drops every implicit resolver PyYAML has and
# registers the four of the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
# with constructors that read numbers the 1.2 way.


class Yaml12Loader(yaml.SafeLoader):
    """A safe loader that types plain scalars like the YAML 1.2 core schema."""

    def construct_mapping(self, node, deep=False):
        # JSON object keys are strings: a key is its text (`1: x` -> {"1": "x"}), as treaty does.
        # No merge-key handling (`<<` is an ordinary key here; treaty rejects it anyway).
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found {node.id}", node.start_mark)
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    "found a non-scalar key", key_node.start_mark)
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # `07` is decimal 7 in YAML 1.2, not octal


def _construct_float(loader, node):
    text = loader.construct_scalar(node)
    body = text.lstrip("+-").lower()
    if body == ".inf":
        return float("-inf") if text.startswith("-") else float("inf")
    if body == ".nan":
        return float("nan")
    return float(text)


Yaml12Loader.yaml_implicit_resolvers = {}  # forget every YAML 1.1 resolver
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_document(path: Path):
    """The document of a dataset file: JSON for .json, YAML 1.2 otherwise."""
    data = path.read_bytes()
    if path.suffix == ".json":
        return json.loads(data.decode("utf-8-sig"))
    return yaml.load(data, Loader=Yaml12Loader)  # bytes: PyYAML handles a byte-order mark


# --- JSON Schema validation ---------------------------------------------------------------


def _ecma_pattern(validator, pattern, instance, schema):
    """`pattern` with ECMA-262 semantics, as JSON Schema specifies (and treaty and ajv do).

    Python's `re` lets `$` match before a final newline, so stock jsonschema accepts
    "art-28\\n" for `^[a-z0-9-]+$` where every other validator rejects it. `\\Z` is Python's
    end of text; the schemas' patterns use `$` only as an anchor, never inside a class.
    """
    if not validator.is_type(instance, "string"):
        return
    python_pattern = re.sub(r"(?<!\\)\$", r"\\Z", pattern)
    if not re.search(python_pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# With the format checker a Python user would pass: formats the schemas name are checked, and a
# format jsonschema did not know would be a silent pass, which the schemas avoid (standard
# formats only; integer ranges as minimum/maximum).
Validator = jsonschema.validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})
_validators: dict[str, Validator] = {}


def validator_for(name: str):
    if name not in _validators:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)  # the schema itself is valid 2020-12
        _validators[name] = Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _validators[name]


# --- treaty ----------------------------------------------------------------------------------


def treaty_command(arg: str | None) -> list[str]:
    if arg or os.environ.get("TREATY"):
        return shlex.split(arg or os.environ["TREATY"])
    built = ROOT / "target" / "debug" / "treaty"
    return [str(built)] if built.exists() else ["treaty"]


def relative(path: str) -> str:
    return Path(os.path.normpath(ROOT / path)).relative_to(ROOT).as_posix()


def run_treaty(command: list[str], paths: list[str]) -> dict[str, list[dict]]:
    """Diagnostics per file (suppressed ones included) of one `treaty validate` run."""
    proc = subprocess.run(
        [*command, "validate", *paths, "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"error: `treaty validate {' '.join(paths)}` exited {proc.returncode}:\n{proc.stderr}"
            f"{proc.stdout[:2000]}")
    report = json.loads(proc.stdout)
    # treaty's own report format is a schema of this repository too: hold treaty to it.
    errors = list(validator_for("validation-report").iter_errors(report))
    if errors:
        raise SystemExit(f"error: treaty's JSON report breaks validation-report.schema.json: "
                         f"{errors[0].message}")
    per_file: dict[str, list[dict]] = {}
    # A suppression silences the report, it does not make the document match its schema.
    for d in report["diagnostics"] + [s["diagnostic"] for s in report["suppressed"]]:
        location = d.get("location")
        if location:
            per_file.setdefault(relative(location["file"]), []).append(d)
    return per_file


# --- comparison ------------------------------------------------------------------------------


@dataclass
class Row:
    file: str
    kind: str = "-"
    treaty: str = "-"
    python: str = "-"
    outcome: str = "skipped"
    details: list[str] = field(default_factory=list)


def compare(file: str, diagnostics: list[dict]) -> Row:
    row = Row(file)
    codes = sorted({d["code"] for d in diagnostics})
    if syntax := [c for c in codes if c in SYNTAX_CODES]:
        row.treaty = "unparsed: " + ", ".join(syntax)
        return row
    if header := [c for c in codes if c in HEADER_CODES]:
        row.treaty = "header: " + ", ".join(header)
        return row
    schema = [d for d in diagnostics if d["code"] in SCHEMA_CODES]
    treaty_valid = not schema
    row.treaty = "valid" if treaty_valid else "invalid: " + ", ".join(
        sorted({d["code"] for d in schema}))

    python_valid = None
    try:
        document = load_document(ROOT / file)
    except (yaml.YAMLError, ValueError) as e:
        row.python = "unparsed"
        row.details.append(f"python: cannot load: {e}")
    else:
        kind = document.get("kind") if isinstance(document, dict) else None
        row.kind = kind if isinstance(kind, str) else "-"
        if not (isinstance(kind, str) and re.fullmatch(r"[a-z0-9-]+", kind)
                and (SCHEMAS / f"{kind}.schema.json").is_file()):
            row.python = "no schema"
            row.details.append(f"python: no schemas/<kind>.schema.json for kind {kind!r}")
        else:
            errors = sorted(validator_for(kind).iter_errors(document),
                            key=lambda e: list(map(str, e.absolute_path)))
            python_valid = not errors
            row.python = "valid" if python_valid else "invalid: " + ", ".join(
                sorted({e.validator for e in errors}))
            for e in errors:
                pointer = "/" + "/".join(map(str, e.absolute_path))
                row.details.append(f"python: {pointer}: {e.validator}: {e.message[:200]}")

    for d in schema:
        start = d["location"]["start"]
        row.details.append(f"treaty: {start['line']}:{start['column']}: {d['code']}: "
                           f"{d['message'][:200]}")
    row.outcome = "agree" if python_valid == treaty_valid else "DISAGREE"
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--treaty", help="command that runs treaty (default: $TREATY, "
                        "target/debug/treaty, or treaty on PATH)")
    parser.add_argument("--verbose", action="store_true",
                        help="print both sides' errors for every compared file")
    args = parser.parse_args()
    command = treaty_command(args.treaty)

    def files(directory: str, patterns: tuple[str, ...]) -> list[str]:
        found = {p for pattern in patterns for p in (ROOT / directory).rglob(pattern)}
        return sorted(p.relative_to(ROOT).as_posix() for p in found if p.is_file())

    fixture_patterns = ("*.yaml", "*.yml", "*.json")
    datasets = files("datasets", ("*.yaml",))
    base = files("tests/fixtures/base", fixture_patterns)
    cases = files("tests/fixtures/valid", fixture_patterns) + \
        files("tests/fixtures/invalid", fixture_patterns)
    if not datasets or not base or not cases:
        print("error: no dataset or fixture files found", file=sys.stderr)
        return 2

    # Each file is validated with its context, as the Rust fixture harness does: a dataset file
    # with the whole dataset, a base fixture with base/, a valid/invalid case with base/ + itself.
    runs = [(["datasets"], datasets), (["tests/fixtures/base"], base)]
    runs += [(["tests/fixtures/base", case], [case]) for case in cases]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        reports = list(pool.map(lambda run: run_treaty(command, run[0]), runs))

    rows = [compare(file, report.get(file, [])) for (_, owned), report in zip(runs, reports)
            for file in owned]

    widths = [max(len(h), *(len(getattr(r, a)) for r in rows)) for h, a in
              (("file", "file"), ("kind", "kind"), ("treaty", "treaty"), ("python", "python"))]
    line = "  ".join(f"{{:<{w}}}" for w in widths) + "  {}"
    print(line.format("file", "kind", "treaty (schema level)", "python (jsonschema)", "result"))
    for r in rows:
        print(line.format(r.file, r.kind, r.treaty, r.python, r.outcome))
        if args.verbose and r.outcome != "skipped":
            for d in r.details:
                print("      " + d)

    agree = [r for r in rows if r.outcome == "agree"]
    valid = sum(r.treaty == "valid" for r in agree)
    unparsed = sum(r.treaty.startswith("unparsed") for r in rows)
    header = sum(r.treaty.startswith("header") for r in rows)
    disagree = [r for r in rows if r.outcome == "DISAGREE"]
    print(f"\npython (jsonschema {jsonschema_version()}, PyYAML {yaml.__version__}): "
          f"{len(rows)} files: {len(agree)} agree ({valid} schema-valid, "
          f"{len(agree) - valid} schema-invalid), {unparsed + header} skipped "
          f"({unparsed} unparsed by treaty, {header} rejected header), {len(disagree)} disagree")
    for r in disagree:
        print(f"\nDISAGREEMENT {r.file}: treaty says {r.treaty}, python says {r.python}")
        for d in r.details:
            print("  " + d)
    if disagree:
        return 1
    if valid == 0 or valid == len(agree):
        print("error: the comparison is vacuous (it needs schema-valid and schema-invalid files)")
        return 2
    return 0


def jsonschema_version() -> str:
    from importlib.metadata import version
    return version("jsonschema")


if __name__ == "__main__":
    sys.exit(main())
