#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Spot checks of the generated name/place/org lexicons (standard library only).

    python3 lexicons/build/check_lexicons.py

Prints one line per check and exits non-zero if any fails.
"""
import collections
import sys
from pathlib import Path

LEX = Path(__file__).resolve().parent.parent


def load(rel):
    rows = []
    with open(LEX / rel, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def index(rows):
    d = collections.defaultdict(set)
    for r in rows:
        d[r[0]].add(tuple(r[1:]))
    return d


def unsuffix(form, rules, surnames):
    """Reverse surname inflection: all candidates, known surnames first, then by count."""
    form = form.lower().replace("ё", "е")
    cands = []
    for end, rep, g, case, count, _src in rules:
        if end and form.endswith(end) and len(form) > len(end) + 1:
            nom = form[: len(form) - len(end)] + rep
            cands.append((nom.capitalize() in surnames, int(count), nom.capitalize(), g, case))
    cands.sort(key=lambda c: (not c[0], -c[1]))
    return cands


def main():
    first = index(load("names/first.tsv"))
    middle = index(load("names/middle.tsv"))
    places = index(load("geo/places.tsv"))
    adjs = index(load("geo/adjectives.tsv"))
    known = index(load("org/known.tsv"))
    types = index(load("org/types.tsv"))
    last = {r[0] for r in load("names/last.tsv")}
    rules = load("names/surname_suffixes.tsv")
    fails = 0

    def check(name, ok):
        nonlocal fails
        print(("ok  " if ok else "FAIL"), name)
        fails += not ok

    check("first: брайаном -> Брайан m", ("Брайан", "m") in first["брайаном"])
    check("first: петром -> Пётр m", ("Пётр", "m") in first["петром"])
    check("middle: ивановной -> Ивановна f", ("Ивановна", "f") in middle["ивановной"])
    check("last: Иванов, Иванова present", {"Иванов", "Иванова"} <= last)
    check("places: казахстана -> Казахстан country",
          ("Казахстан", "country") in places["казахстана"])
    check("places: карагандинской области -> Карагандинская область region",
          ("Карагандинская область", "region") in places["карагандинской области"])
    check("places: украину -> Украина", ("Украина", "country") in places["украину"])
    check("places: украиной -> Украина", ("Украина", "country") in places["украиной"])
    check("places: сша -> США", ("США", "country") in places["сша"])
    check("places: центральной азии -> Центральная Азия other",
          ("Центральная Азия", "other") in places["центральной азии"])
    check("places: ближнего востока -> Ближний Восток",
          ("Ближний Восток", "other") in places["ближнего востока"])
    check("places: ЕС is not a place", not places.get("ес"))
    check("adjectives: казахского -> Казахстан", ("Казахстан",) in adjs["казахского"])
    check("adjectives: американской -> США", ("США",) in adjs["американской"])
    check("org: ес -> ЕС", ("ЕС",) in known["ес"])
    check("org: мида -> МИД", ("МИД",) in known["мида"])
    check("org: белого дома -> Белый дом", ("Белый дом",) in known["белого дома"])
    check("org types: министерства -> министерство gov",
          ("министерство", "gov") in types["министерства"])
    c = unsuffix("Мастом", rules, last)
    check("suffix: Мастом -> Маст (m ins) among the top candidates",
          any(x[2] == "Маст" and x[3] == "m" and x[4] == "ins" for x in c[:3]))
    c = unsuffix("Ивановой", rules, last)
    check("suffix: Ивановой -> Иванова first", c and c[0][2] == "Иванова")
    c = unsuffix("Достоевского", rules, last)
    check("suffix: Достоевского -> Достоевский first", c and c[0][2] == "Достоевский")
    c = unsuffix("Алтхауса", rules, last)
    check("suffix: Алтхауса -> Алтхаус (not in last.tsv, by count)",
          any(x[2] == "Алтхаус" for x in c[:2]))
    print("%d passed, %d failed" % (22 - fails, fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
