#!/usr/bin/python3
"""Build geodata/gazetteer.csv, the place list `sitmap extract` geocodes with.

Inputs (read-only, not shipped):
  ../shared/reference/gazetteer.csv                 hand-curated places of the conflict with variants
  ../shared/geodata-sources/geonames_places_caucasus.csv   GeoNames cities500/cities1000 extract
  geodata/control_inputs/settlements.csv            sourced settlement points of the control data (shipped):
                                                    they replace the reference coordinate of the same place
                                                    and are added when the reference list lacks the place,
                                                    so the gazetteer and the control map use the same points
Output:
  geodata/gazetteer.csv with columns
    name,variants,lat,lon,kind,precision,country,district,origin,geonameid,source
  - every reference place (priority 1), with GeoNames alternate names merged into it when a GeoNames
    record is the same place (a shared name within 20 km);
  - every other GeoNames place of AZ and AM, plus notable GE/IR/TR/RU places (capitals, first-level
    seats, population >= 50,000), each with its Latin-script alternate names.
  Reference places without coordinates are plotted at their district's seat (precision "district").
Python 3 standard library only. Usage: scripts/build-gazetteer.py [--shared DIR] [--out FILE]
"""
import argparse
import csv
import math
import os
import sys
import unicodedata

REGION_KINDS = {"region", "corridor", "line", "river", "ridge"}
# Alternate names that are English words or generic terms: never usable as a place name on their own.
STOP = {
    "center", "centre", "city", "town", "village", "new", "old", "lower", "upper", "big", "small", "east", "west",
    "north", "south", "central", "station", "bridge", "river", "lake", "mountain", "capital", "republic", "state",
    "lenin", "kirov", "oktyabr", "sovetskiy", "pervomayskiy", "komsomol", "may", "march", "april", "june", "july",
    "august", "sun", "star", "victory", "peace", "union", "border", "army", "mine", "posts", "post", "side", "line",
    "front", "general", "president", "minister", "said", "also", "will", "war", "one", "two", "six", "ten", "van",
}


def fold(s: str) -> str:
    """Diacritic-, case- and punctuation-insensitive key (mirrors core::fold_for_match closely enough)."""
    s = s.replace("ə", "e").replace("Ə", "e").replace("ı", "i").replace("ʼ", "'").replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    out = []
    for c in s.lower():
        out.append(c if c.isalnum() else " ")
    return " ".join("".join(out).split())


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def usable_alternate(s: str) -> bool:
    s = s.strip()
    if len(s) < 3 or any(ch.isdigit() for ch in s) or not is_latin(s):
        return False
    if s.isupper():  # airport/ISO codes such as "EVN", "GYD"
        return False
    if not s[0].isupper():  # transliteration keys such as "ayrwan" are not written forms
        return False
    if fold(s) in STOP:
        return False
    return True


def km(a_lat, a_lon, b_lat, b_lon):
    r = 6371.0
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def precision_of(kind: str) -> str:
    if kind in REGION_KINDS:
        return "region"
    if kind == "district":
        return "district"
    if kind == "country":
        return "country"
    return "point"


def apply_settlements(places, path):
    """Gives reference places the sourced point of the same settlement in the control inputs; adds the rest."""
    keys = {}
    for i, p in enumerate(places):
        if p["kind"] in REGION_KINDS:
            continue
        for n in [p["name"]] + p["variants"]:
            keys.setdefault(fold(n), []).append(i)
    replaced = added = 0
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    done = set()
    for row in rows:
        if not row["lat"].strip() or row["role"] == "height":
            continue
        name = row["name"].split("(")[0].strip()
        key = (fold(name), row["district"])
        if key in done:
            continue
        done.add(key)
        lat, lon = float(row["lat"]), float(row["lon"])
        names = [name] + [n for n in (row["name_hy"].strip(),) if n and fold(n) != fold(name)]
        hits = []
        for n in names:
            hits += [i for i in keys.get(fold(n), []) if i not in hits]
        # The same place: a reference entry sharing a name, within 40 km (annotator points were up to ~20 km off).
        hits = [i for i in hits if places[i]["lat"] is None or km(places[i]["lat"], places[i]["lon"], lat, lon) < 40]
        source = "settlement table (geodata/control_inputs/settlements.csv): " + row["coord_source"].strip()
        if hits:
            for i in hits:
                p = places[i]
                p["lat"], p["lon"], p["source"] = lat, lon, source
                for n in names:
                    if fold(n) not in {fold(v) for v in [p["name"]] + p["variants"]}:
                        p["variants"].append(n)
                replaced += 1
            continue
        places.append({
            "name": name, "variants": names[1:], "lat": lat, "lon": lon, "kind": "village",
            "country": "Azerbaijan", "district": row["district"], "origin": "settlements", "geonameid": "",
            "source": source,
        })
        added += 1
    print(f"{path}: {replaced} reference points replaced, {added} settlements added", file=sys.stderr)


def apply_variants(places, path):
    """Merges the written forms of geodata/gazetteer_variants.csv into the named reference places."""
    by_name = {p["name"]: p for p in places}
    with open(path, encoding="utf-8", newline="") as f:
        rows = [l for l in f if not l.startswith("#")]
    for line, row in enumerate(csv.DictReader(rows), start=2):
        place = by_name.get(row["name"].strip())
        if place is None:
            sys.exit(f"{path}: row {line}: no reference place named '{row['name']}'")
        for v in row["variants"].split("|"):
            v = v.strip()
            if v and v not in place["variants"]:
                place["variants"].append(v)
        place["source"] += "; variants: " + row["source"].strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(root, "geodata", "gazetteer.csv"))
    args = ap.parse_args()
    ref_path = os.path.join(args.shared, "reference", "gazetteer.csv")
    gn_path = os.path.join(args.shared, "geodata-sources", "geonames_places_caucasus.csv")

    places = []  # dicts with name, variants(list), lat, lon, kind, precision, country, district, origin, geonameid, source
    with open(ref_path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            variants = [v.strip() for v in row["variants"].split("|") if v.strip()]
            places.append({
                "name": row["name"].strip(), "variants": variants,
                "lat": float(row["lat"]) if row["lat"].strip() else None,
                "lon": float(row["lon"]) if row["lon"].strip() else None,
                "kind": row["kind"].strip(), "country": row["country"].strip(),
                "district": row["district"].strip(), "origin": "reference", "geonameid": "",
                "source": "reference gazetteer: " + row["source"].strip(),
            })

    apply_variants(places, os.path.join(root, "geodata", "gazetteer_variants.csv"))
    apply_settlements(places, os.path.join(root, "geodata", "control_inputs", "settlements.csv"))

    # District seats for reference places without coordinates: "Fuzuli (Artsakh: ...)" -> "Fuzuli district".
    by_name = {p["name"]: p for p in places}
    for p in places:
        p["precision"] = precision_of(p["kind"])
        if p["lat"] is not None:
            continue
        seat = p["district"].split("(")[0].split("/")[0].strip()
        anchor = by_name.get(seat + " district") or by_name.get(seat)
        if anchor and anchor["lat"] is not None:
            p["lat"], p["lon"] = anchor["lat"], anchor["lon"]
            p["precision"] = "district"
            p["source"] += f"; plotted at the seat of {anchor['name']} (no own coordinate)"

    ref_keys = {}
    for i, p in enumerate(places):
        for n in [p["name"]] + p["variants"]:
            ref_keys.setdefault(fold(n), []).append(i)

    added = merged = 0
    with open(gn_path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cc = row["country_code"]
            code = row["feature_code"]
            pop = int(row["population"] or 0)
            if cc not in ("AZ", "AM"):
                if cc not in ("GE", "IR", "TR", "RU"):
                    continue
                if not (code in ("PPLC", "PPLA") or pop >= 50000):
                    continue
            lat, lon = float(row["latitude"]), float(row["longitude"])
            names = [row["name"].strip(), row["asciiname"].strip()]
            alts = [a for a in row["alternatenames"].split(",") if usable_alternate(a)]
            # Same place as a reference entry?
            target = None
            for n in names + alts:
                for i in ref_keys.get(fold(n), []):
                    p = places[i]
                    if p["lat"] is not None and p["precision"] == "point" and km(p["lat"], p["lon"], lat, lon) < 20:
                        target = p
                        break
                if target:
                    break
            if target:
                have = {fold(v) for v in [target["name"]] + target["variants"]}
                for n in names + alts:
                    if fold(n) not in have and fold(n) not in STOP and usable_alternate(n):
                        target["variants"].append(n)
                        have.add(fold(n))
                if row["geonameid"]:
                    target["geonameid"] = target["geonameid"] or row["geonameid"]
                merged += 1
                continue
            main_name = row["name"].strip()
            if not main_name or fold(main_name) in STOP or len(fold(main_name)) < 3:
                continue
            variants = []
            have = {fold(main_name)}
            for n in [row["asciiname"].strip()] + alts:
                k = fold(n)
                # A GeoNames alias must not capture a reference place's name (e.g. a village "Qarabag").
                if k in have or k in ref_keys or not n:
                    continue
                variants.append(n)
                have.add(k)
            if fold(main_name) in ref_keys:
                continue  # a different place with a reference place's name: the reference one wins
            kind = {"PPLC": "city (capital)", "PPLA": "city", "PPLA2": "town", "PPLA3": "town"}.get(code, "village")
            places.append({
                "name": main_name, "variants": variants, "lat": lat, "lon": lon, "kind": kind,
                "precision": "point", "country": cc, "district": row["admin2_name"] or row["admin1_name"],
                "origin": "geonames", "geonameid": row["geonameid"], "source": row["source"],
            })
            added += 1

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "variants", "lat", "lon", "kind", "precision", "country", "district", "origin",
                    "geonameid", "source"])
        for p in places:
            w.writerow([p["name"], "|".join(p["variants"]),
                        "" if p["lat"] is None else f"{p['lat']:.5f}",
                        "" if p["lon"] is None else f"{p['lon']:.5f}",
                        p["kind"], p["precision"], p["country"], p["district"], p["origin"], p["geonameid"],
                        p["source"]])
    os.replace(tmp, args.out)
    print(f"{args.out}: {len(places)} places ({added} added from GeoNames, {merged} GeoNames records merged "
          f"into reference places)", file=sys.stderr)


if __name__ == "__main__":
    main()
