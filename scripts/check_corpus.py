#!/usr/bin/env python3
"""Checks the hand-annotated corpus under tests/data/corpus: every gold row names a document that
exists, has valid dates, precision, coordinates, type and location precision, and its quote (and
date_evidence, unless 'publication date' or 'inferred: ...') occurs verbatim in the document
(whitespace-normalised). Prints one line per problem (file:line: message); exit 1 on any problem.

usage: python3 scripts/check_corpus.py [tests/data/corpus]
"""
import csv, datetime, os, re, sys

TYPES = {"statement", "ground_attack/capture", "strike", "deployment", "ceasefire/agreement",
         "casualty/incident", "negotiation", "other", "humanitarian/blockade"}
PREC = {"day", "month", "year"}
LOCP = {"point", "district", "region", "country"}
COLS = ["doc", "event_id", "date_start", "date_end", "precision", "date_evidence", "place",
        "place_text", "lat", "lon", "location_precision", "event_type", "actor", "target",
        "summary", "quote", "pub_date"]


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/data/corpus"
    here = os.path.dirname(os.path.abspath(__file__))
    gaz = set()
    with open(os.path.join(here, "..", "geodata", "gazetteer.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            gaz.add(r["name"])
    docs = {}
    for part in ("dev", "test", "other"):
        d = os.path.join(root, part)
        if not os.path.isdir(d):
            continue
        for n in sorted(os.listdir(d)):
            if n.endswith(".txt"):
                if n in docs:
                    print(f"{d}/{n}: file name also in {docs[n][0]}")
                docs[n] = (part, norm(open(os.path.join(d, n), encoding="utf-8").read()))
    problems = 0
    seen_docs, ids = set(), set()
    gold_dir = os.path.join(root, "gold")
    for gname in sorted(os.listdir(gold_dir)):
        if not gname.endswith(".csv"):
            continue
        path = os.path.join(gold_dir, gname)
        with open(path, encoding="utf-8", newline="") as f:
            rd = csv.DictReader(f)
            if rd.fieldnames != COLS:
                print(f"{path}:1: header must be {','.join(COLS)}")
                problems += 1
                continue
            for i, r in enumerate(rd, start=2):
                def bad(msg):
                    nonlocal problems
                    problems += 1
                    print(f"{path}:{i}: {r.get('event_id')}: {msg}")
                if r["doc"] not in docs:
                    bad(f"document '{r['doc']}' not found in dev/, test/ or other/")
                    continue
                seen_docs.add(r["doc"])
                if r["event_id"] in ids:
                    bad("duplicate event_id")
                ids.add(r["event_id"])
                text = docs[r["doc"]][1]
                try:
                    s = datetime.date.fromisoformat(r["date_start"])
                    e = datetime.date.fromisoformat(r["date_end"])
                    if e < s:
                        bad("date_end before date_start")
                except ValueError:
                    bad("dates must be YYYY-MM-DD")
                if r["precision"] not in PREC:
                    bad(f"precision '{r['precision']}' not in {sorted(PREC)}")
                if r["location_precision"] not in LOCP:
                    bad(f"location_precision '{r['location_precision']}' not in {sorted(LOCP)}")
                if r["event_type"] not in TYPES:
                    bad(f"event_type '{r['event_type']}' not in {sorted(TYPES)}")
                try:
                    lat, lon = float(r["lat"]), float(r["lon"])
                    if not (30 <= lat <= 50 and 30 <= lon <= 60):
                        bad(f"coordinate {lat},{lon} is outside the Caucasus box")
                except ValueError:
                    bad("lat/lon must be numbers")
                if r["place"] not in gaz and not r["summary"].startswith("(place not in gazetteer"):
                    bad(f"place '{r['place']}' is not a gazetteer name (start summary with "
                        "'(place not in gazetteer: SOURCE)' when the coordinate comes from elsewhere)")
                q = norm(r["quote"])
                if not q or q not in text:
                    bad("quote does not occur verbatim in the document")
                if len(q.split()) > 25:
                    bad(f"quote has {len(q.split())} words (at most 25)")
                ev = r["date_evidence"]
                if ev != "publication date" and not ev.startswith("inferred:") and norm(ev) not in text:
                    bad("date_evidence is neither verbatim text, 'publication date' nor 'inferred: ...'")
                pt = r["place_text"]
                if pt != "(not stated)" and norm(pt) not in text:
                    bad("place_text does not occur in the document")
    for n, (part, _) in sorted(docs.items()):
        if n not in seen_docs and part != "other":
            print(f"{root}/{part}/{n}: no gold rows (is that right? a document with no events is allowed "
                  "but should be listed in the README)")
    print(f"{len(docs)} documents, {len(ids)} gold rows, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
