// Validate a dataset file against its schema: ajv's defaults (strict), ajv-formats, yaml.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
const document = YAML.parse(readFileSync(process.argv[2], 'utf8'));
const validate = addFormats(new Ajv2020()).compile(JSON.parse(readFileSync(`schemas/${document.kind}.schema.json`, 'utf8')));
const valid = validate(document);
for (const e of validate.errors ?? []) console.log(`${process.argv[2]}: ${e.instancePath}: ${e.message}`);
process.exitCode = valid ? 0 : 1;
