#!/usr/bin/env node
// Which powers of the convention reach electronic data, and must a judge authorise them first?
//
// Reads the JSON bundle that `treaty convert datasets --to json -o treaty-bundle.json` writes (its
// schema is schemas/bundle.schema.json) and prints one row per power whose data categories
// include `electronic-data`, with its provision and the status of the
// `prior-judicial-authorisation` safeguard. Node.js only, no packages.
//
// Usage: node powers_electronic_data.mjs [treaty-bundle.json]

import { readFileSync } from 'node:fs';

const CATEGORY = 'electronic-data';
const SAFEGUARD = 'prior-judicial-authorisation';
const STATUSES = ['mandatory', 'discretionary', 'absent', 'not-applicable', 'not recorded'];

const bundle = JSON.parse(readFileSync(process.argv[2] ?? 'treaty-bundle.json', 'utf8'));

// A bundle holds every file of the dataset; powers come in files (domestic, cross-border...).
const powers = bundle.powers.flatMap((file) => file.powers);

// `28(4)` -> 28, to sort provisions by article number.
const article = (provision) => Number(/^\d+/.exec(provision)[0]);

const rows = powers
  .filter((power) => (power.data_categories ?? []).includes(CATEGORY))
  .map((power) => {
    // The status of the safeguard for this power, and the provision that says so. A safeguard
    // the dataset does not record for a power is "not recorded": the sources are silent.
    const s = (power.safeguards ?? []).find((x) => x.safeguard === SAFEGUARD);
    const status = s ? s.status : 'not recorded';
    return {
      provision: power.provision,
      power: power.id,
      scope: power.scope,
      status,
      judicial: s?.provision ? `${status} (${s.provision})` : status,
    };
  })
  .sort((a, b) => article(a.provision) - article(b.provision)
    || (a.provision < b.provision ? -1 : a.provision > b.provision ? 1 : 0));

const columns = [['provision', 'provision'], ['power', 'power'], ['scope', 'scope'],
  ['judicial', 'prior judicial authorisation']];
const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => r[key].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();

console.log(`${rows.length} of ${powers.length} powers reach ${CATEGORY}`);
console.log();
console.log(line(columns.map(([, title]) => title)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(columns.map(([key]) => r[key])));
console.log();
const counts = STATUSES.map((s) => `${s} ${rows.filter((r) => r.status === s).length}`);
console.log(`${SAFEGUARD}: ${counts.join(', ')}`);
