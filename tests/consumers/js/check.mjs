#!/usr/bin/env node
// JavaScript consumer check: do ajv (JSON Schema draft 2020-12) and yaml (YAML 1.2 core) agree
// with `treaty validate`?
//
// Validates every dataset file (datasets/**/*.yaml) and every fixture file of
// tests/fixtures/{base,valid,invalid} against schemas/<kind>.schema.json, the way a JavaScript
// user of the schemas would, and compares the verdict with what `treaty validate --format json`
// says about the same file at the SCHEMA level (SCHEMA_CODES; cross-file codes are ignored).
// Files treaty cannot parse (SYNTAX_CODES) or whose header it rejects (HEADER_CODES) are skipped
// and counted. Prints a table; exits 1 on any disagreement (naming the file and both verdicts),
// 2 when the check itself cannot run.
//
// Usage: node check.mjs [--treaty COMMAND] [--verbose]
//   COMMAND (or $TREATY) runs treaty, e.g. `target/debug/treaty` or `cargo run -q -p treaty-cli --`;
//   default: target/debug/treaty of the repository if built, else `treaty` on PATH.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCHEMAS = join(ROOT, 'schemas');

// treaty's diagnostic codes (docs/DIAGNOSTICS.md), by what they mean for this comparison.
const SCHEMA_CODES = new Set(['unknown-field', 'missing-field', 'wrong-type', 'invalid-value',
  'invalid-format', 'out-of-range', 'schema-violation']);
const SYNTAX_CODES = new Set(['io-error', 'file-too-large', 'invalid-utf8', 'nul-byte',
  'yaml-syntax', 'json-syntax', 'tab-indentation', 'duplicate-key', 'non-scalar-key',
  'alias-limit', 'unknown-alias', 'depth-limit', 'node-limit', 'multiple-documents',
  'empty-document', 'yaml-tag', 'merge-key', 'non-finite-number']);
const HEADER_CODES = new Set(['missing-kind', 'unknown-kind', 'missing-schema-version',
  'unsupported-schema-version']);

// ajv as a newcomer sets it up: its defaults (strict mode, formats validated) plus the formats
// of ajv-formats. Strict mode refuses schemas with unknown keywords or formats, ambiguous types,
// or tuples without bounds: the committed schemas compile cleanly under it, and this check fails
// the day a generated schema stops doing so, because other strict consumers would fail too.
// One option differs, and only changes how much is reported: allErrors, like treaty, which
// reports every schema error rather than the first.
const ajv = addFormats(new Ajv2020({ allErrors: true }));
const validators = new Map();
function validatorFor(name) {
  if (!validators.has(name)) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), 'utf8'));
    validators.set(name, ajv.compile(schema)); // throws if the schema is not valid 2020-12
  }
  return validators.get(name);
}

// The document of a dataset file: JSON for .json, YAML 1.2 (core schema) otherwise: `yes` and
// `2024-05-01` are strings, `07` is decimal, no merge keys; a byte-order mark is dropped.
function loadDocument(path) {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  if (path.endsWith('.json')) return JSON.parse(text);
  return YAML.parse(text, {
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    intAsBigInt: false,
    logLevel: 'error',
  });
}

function treatyCommand(arg) {
  const text = arg ?? process.env.TREATY;
  if (text) return text.split(/\s+/).filter(Boolean);
  const built = join(ROOT, 'target', 'debug', 'treaty');
  return [existsSync(built) ? built : 'treaty'];
}

const rel = (path) => relative(ROOT, normalize(resolve(ROOT, path))).split(sep).join('/');

// Diagnostics per file (suppressed ones included) of one `treaty validate` run.
function runTreaty(command, paths) {
  return new Promise((done, fail) => {
    execFile(command[0], [...command.slice(1), 'validate', ...paths, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (code !== 0 && code !== 1) {
          fail(new Error(`\`treaty validate ${paths.join(' ')}\` exited ${code}:\n${stderr}${stdout.slice(0, 2000)}`));
          return;
        }
        const report = JSON.parse(stdout);
        // treaty's own report format is one of the repository's schemas: hold treaty to it.
        const validReport = validatorFor('validation-report');
        if (!validReport(report)) {
          fail(new Error(`treaty's JSON report breaks validation-report.schema.json: ${ajv.errorsText(validReport.errors)}`));
          return;
        }
        const perFile = new Map();
        // A suppression silences the report, it does not make the document match its schema.
        for (const d of [...report.diagnostics, ...report.suppressed.map((s) => s.diagnostic)]) {
          if (!d.location) continue;
          const file = rel(d.location.file);
          if (!perFile.has(file)) perFile.set(file, []);
          perFile.get(file).push(d);
        }
        done(perFile);
      });
  });
}

function compare(file, diagnostics) {
  const row = { file, kind: '-', treaty: '-', js: '-', outcome: 'skipped', details: [] };
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const syntax = codes.filter((c) => SYNTAX_CODES.has(c));
  if (syntax.length) return { ...row, treaty: `unparsed: ${syntax.join(', ')}` };
  const header = codes.filter((c) => HEADER_CODES.has(c));
  if (header.length) return { ...row, treaty: `header: ${header.join(', ')}` };
  const schema = diagnostics.filter((d) => SCHEMA_CODES.has(d.code));
  const treatyValid = schema.length === 0;
  row.treaty = treatyValid ? 'valid'
    : `invalid: ${[...new Set(schema.map((d) => d.code))].sort().join(', ')}`;

  let jsValid = null;
  let document;
  try {
    document = loadDocument(join(ROOT, file));
  } catch (e) {
    row.js = 'unparsed';
    row.details.push(`js: cannot load: ${e.message.split('\n')[0]}`);
  }
  if (row.js !== 'unparsed') {
    const kind = document && typeof document === 'object' && !Array.isArray(document)
      ? document.kind : undefined;
    row.kind = typeof kind === 'string' ? kind : '-';
    if (!(typeof kind === 'string' && /^[a-z0-9-]+$/.test(kind)
      && existsSync(join(SCHEMAS, `${kind}.schema.json`)))) {
      row.js = 'no schema';
      row.details.push(`js: no schemas/<kind>.schema.json for kind ${JSON.stringify(kind)}`);
    } else {
      const validate = validatorFor(kind);
      jsValid = validate(document);
      const errors = validate.errors ?? [];
      row.js = jsValid ? 'valid'
        : `invalid: ${[...new Set(errors.map((e) => e.keyword))].sort().join(', ')}`;
      for (const e of errors) {
        row.details.push(`js: ${e.instancePath || '/'}: ${e.keyword}: ${e.message}`);
      }
    }
  }
  for (const d of schema) {
    const { line, column } = d.location.start;
    row.details.push(`treaty: ${line}:${column}: ${d.code}: ${d.message.slice(0, 200)}`);
  }
  row.outcome = jsValid === treatyValid ? 'agree' : 'DISAGREE';
  return row;
}

function files(directory, extensions) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.some((ext) => name.endsWith(ext))) out.push(rel(path));
    }
  };
  walk(join(ROOT, directory));
  return out.sort();
}

// Runs `tasks` (functions returning promises) with at most `limit` at a time, in order.
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const t = args.indexOf('--treaty');
  const command = treatyCommand(t >= 0 ? args[t + 1] : undefined);

  const fixture = ['.yaml', '.yml', '.json'];
  const datasets = files('datasets', ['.yaml']);
  const base = files('tests/fixtures/base', fixture);
  const cases = [...files('tests/fixtures/valid', fixture), ...files('tests/fixtures/invalid', fixture)];
  if (!datasets.length || !base.length || !cases.length) {
    console.error('error: no dataset or fixture files found');
    return 2;
  }

  // Each file is validated with its context, as the Rust fixture harness does: a dataset file
  // with the whole dataset, a base fixture with base/, a valid/invalid case with base/ + itself.
  const runs = [[['datasets'], datasets], [['tests/fixtures/base'], base],
    ...cases.map((c) => [['tests/fixtures/base', c], [c]])];
  const reports = await pool(runs.map(([paths]) => () => runTreaty(command, paths)),
    Math.max(2, cpus().length));
  const rows = runs.flatMap(([, owned], i) =>
    owned.map((file) => compare(file, reports[i].get(file) ?? [])));

  const cols = [['file', 'file'], ['kind', 'kind'], ['treaty (schema level)', 'treaty'],
    ['js (ajv)', 'js']];
  const widths = cols.map(([h, k]) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (cells) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ');
  console.log(line([...cols.map(([h]) => h), 'result']));
  for (const r of rows) {
    console.log(line([r.file, r.kind, r.treaty, r.js, r.outcome]));
    if (verbose && r.outcome !== 'skipped') for (const d of r.details) console.log(`      ${d}`);
  }

  const agree = rows.filter((r) => r.outcome === 'agree');
  const valid = agree.filter((r) => r.treaty === 'valid').length;
  const unparsed = rows.filter((r) => r.treaty.startsWith('unparsed')).length;
  const header = rows.filter((r) => r.treaty.startsWith('header')).length;
  const disagree = rows.filter((r) => r.outcome === 'DISAGREE');
  const version = (name) => require(`${name}/package.json`).version;
  console.log(`\njs (ajv ${version('ajv')}, yaml ${version('yaml')}, node ${process.versions.node}): `
    + `${rows.length} files: ${agree.length} agree (${valid} schema-valid, `
    + `${agree.length - valid} schema-invalid), ${unparsed + header} skipped `
    + `(${unparsed} unparsed by treaty, ${header} rejected header), ${disagree.length} disagree`);
  for (const r of disagree) {
    console.log(`\nDISAGREEMENT ${r.file}: treaty says ${r.treaty}, js says ${r.js}`);
    for (const d of r.details) console.log(`  ${d}`);
  }
  if (disagree.length) return 1;
  if (valid === 0 || valid === agree.length) {
    console.log('error: the comparison is vacuous (it needs schema-valid and schema-invalid files)');
    return 2;
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 2;
});
