#!/usr/bin/env python3
"""Which powers of the convention reach electronic data, and must a judge authorise them first?

Reads the JSON bundle that `treaty convert datasets --to json -o treaty-bundle.json` writes (its schema
is schemas/bundle.schema.json) and prints one row per power whose data categories include
`electronic-data`, with its provision and the status of the `prior-judicial-authorisation`
safeguard. Standard library only.

Usage: python3 powers_electronic_data.py [treaty-bundle.json]
"""

import json
import re
import sys

CATEGORY = "electronic-data"
SAFEGUARD = "prior-judicial-authorisation"
STATUSES = ["mandatory", "discretionary", "absent", "not-applicable", "not recorded"]

path = sys.argv[1] if len(sys.argv) > 1 else "treaty-bundle.json"
with open(path, encoding="utf-8") as f:
    bundle = json.load(f)

# A bundle holds every file of the dataset; powers come in files (domestic, cross-border...).
powers = [power for file in bundle["powers"] for power in file["powers"]]

rows = []
for power in powers:
    if CATEGORY not in power.get("data_categories", []):
        continue
    # The status of the safeguard for this power, and the provision that says so. A safeguard
    # the dataset does not record for a power is "not recorded": the sources are silent.
    status, provision = "not recorded", None
    for s in power.get("safeguards", []):
        if s["safeguard"] == SAFEGUARD:
            status, provision = s["status"], s.get("provision")
    rows.append({
        "provision": power["provision"],
        "power": power["id"],
        "scope": power["scope"],
        "status": status,
        "judicial": f"{status} ({provision})" if provision else status,
    })


def article(provision):
    """`28(4)` -> 28, to sort provisions by article number."""
    return int(re.match(r"\d+", provision).group())


rows.sort(key=lambda r: (article(r["provision"]), r["provision"]))

columns = [("provision", "provision"), ("power", "power"), ("scope", "scope"),
           ("judicial", "prior judicial authorisation")]
widths = [max(len(title), *(len(r[key]) for r in rows)) for key, title in columns]


def line(cells):
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


print(f"{len(rows)} of {len(powers)} powers reach {CATEGORY}")
print()
print(line([title for _, title in columns]))
print(line(["-" * w for w in widths]))
for r in rows:
    print(line([r[key] for key, _ in columns]))
print()
counts = [f"{s} {sum(r['status'] == s for r in rows)}" for s in STATUSES]
print(f"{SAFEGUARD}: " + ", ".join(counts))
