"""The place index alone (no context ranking) on an ACLED export's events: is the location name found in the
right country, and is some candidate there within 25 km of ACLED's coordinates? Prints counts only.

    python bench/place_index_coverage.py --acled EXPORT.csv [--index FILE]

"found" counts populated places (own or alternate name) and, separately, places or ADM1/ADM2 units (a unit
at its seat's coordinates). Also times the look-ups and reports the process's peak memory.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gazetteer_coverage import _regions, haversine_km  # noqa: E402

from eventcoder.coding.places.index import PlaceIndex, ensure_index  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--acled", type=Path, required=True)
    ap.add_argument("--index", type=Path)
    args = ap.parse_args()
    idx = PlaceIndex(ensure_index(args.index))
    regions = _regions()
    with args.acled.open(encoding="utf-8", newline="") as fh:
        events = list(csv.DictReader(fh))
    # events, place found, place or unit found, place within 25 km, place or unit within 25 km
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    lookups = 0
    start = time.perf_counter()
    for ev in events:
        name, iso3 = ev["location"] or "", ev["iso3"]
        lat, lon = float(ev["latitude"]), float(ev["longitude"])
        places = idx._candidates(name, iso3)  # uncached: time real queries
        units = idx.units(iso3, name)
        lookups += 2
        near_p = any(haversine_km(lat, lon, p.latitude, p.longitude) <= 25 for p in places)
        near_u = any(
            u.latitude is not None and haversine_km(lat, lon, u.latitude, u.longitude) <= 25 for u in units
        )
        iso2 = idx._iso3_to_2.get(iso3, "")
        for key in ("all", regions.get(iso2, "other")):
            t = tally[key]
            t[0] += 1
            t[1] += bool(places)
            t[2] += bool(places or units)
            t[3] += near_p
            t[4] += near_p or near_u
    elapsed = time.perf_counter() - start
    print(f"{len(events)} events; index {idx.path.stat().st_size / 1e6:.0f} MB, {idx.meta()}")
    print("region | events | name in country: place | place or unit | within 25 km: place | place or unit")
    for key, (n, p, pu, np_, npu) in sorted(tally.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        print(f"{key} | {n} | {p / n:.3f} | {pu / n:.3f} | {np_ / n:.3f} | {npu / n:.3f}")
    print(f"{lookups} look-ups in {elapsed:.2f} s: {elapsed / lookups * 1000:.3f} ms each (uncached)")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
