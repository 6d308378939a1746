// Which powers reach electronic data, and is prior judicial authorisation mandatory for them?
import { readFileSync } from 'node:fs';
const bundle = JSON.parse(readFileSync(process.argv[2] ?? 'treaty-bundle.json', 'utf8'));
for (const power of bundle.powers.flatMap((file) => file.powers)) {
  if (!(power.data_categories ?? []).includes('electronic-data')) continue;
  const judicial = (power.safeguards ?? []).find((s) => s.safeguard === 'prior-judicial-authorisation');
  console.log(`${power.provision.padEnd(6)} ${power.id.padEnd(36)} ${judicial?.status ?? 'not recorded'}`);
}
