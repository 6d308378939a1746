# Which powers reach electronic data, and is prior judicial authorisation mandatory for them?
import json, sys
with open(sys.argv[1] if len(sys.argv) > 1 else "treaty-bundle.json", encoding="utf-8") as f:
    bundle = json.load(f)
for power in (power for file in bundle["powers"] for power in file["powers"]):
    if "electronic-data" in power.get("data_categories", []):
        judicial = [s for s in power.get("safeguards", []) if s["safeguard"] == "prior-judicial-authorisation"]
        status = judicial[0]["status"] if judicial else "not recorded"
        print(f"{power['provision']:<6} {power['id']:<36} {status}")
