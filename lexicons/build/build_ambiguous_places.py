#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build lexicons/geo/places_ambiguous.tsv: the one-word place forms of places.tsv and
places_extra.tsv that are also ordinary words ("Пара", "Новая", "Трое", "Королева" as a form
of Королёв). At the start of a sentence, where capitals say nothing, such a form is a place
only if the document shows it as one elsewhere (see src/rules/location.rs).

A form is listed when the pymorphy3 dictionary parses of it that carry no proper-name
grammeme (Name, Surn, Patr, Geox, Orgn, Trad) sum to a score of 0.5 or more
(`common_score` of build_lexicons.py). Run it after
build_lexicons.py, in the same venv (see requirements.txt):

  /tmp/lexvenv/bin/python lexicons/build/build_ambiguous_places.py

Output is deterministic.
"""
import importlib.metadata as md
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# The same measure of "an ordinary word" as the name lexicons use.
from build_lexicons import common_score  # noqa: E402

GEO = HERE.parent / "geo"
THRESHOLD = 0.5


def cyrillic(word):
    return any("а" <= ch <= "я" or ch == "ё" for ch in word)


def main():
    rows = {}
    for name in ("places.tsv", "places_extra.tsv"):
        for line in (GEO / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            form = line.split("\t")[0]
            if " " in form or not cyrillic(form) or form in rows:
                continue
            # Whole dictionary words only: "Ак-Мечеть" is no ordinary word for having parts.
            score = common_score(form, hyphenated=False)
            if score >= THRESHOLD:
                rows[form] = score
    versions = "pymorphy3 %s + pymorphy3-dicts-ru %s" % (
        md.version("pymorphy3"), md.version("pymorphy3-dicts-ru"))
    with open(GEO / "places_ambiguous.tsv", "w", encoding="utf-8") as fh:
        fh.write("# One-word place forms that are also ordinary words: at a sentence start a place "
                 "only if the document shows it as one\n")
        fh.write("# Source: the forms of lexicons/geo/places.tsv and places_extra.tsv, checked "
                 "against %s (OpenCorpora dictionary, CC BY-SA 3.0 as stated in "
                 "pymorphy3-dicts-ru package metadata; pymorphy3 code MIT)\n" % versions)
        fh.write("# Licence: CC BY-SA 3.0, inherited from the OpenCorpora dictionary data it is "
                 "derived from (share-alike: keep this header when redistributing)\n")
        fh.write("# score: summed pymorphy3 score of the form's dictionary parses that are no "
                 "proper name (listed when >= %.1f)\n" % THRESHOLD)
        fh.write("# Regenerate: /tmp/lexvenv/bin/python lexicons/build/build_ambiguous_places.py\n")
        fh.write("# form\tscore\n")
        for form in sorted(rows):
            fh.write("%s\t%.2f\n" % (form, rows[form]))
    print("places_ambiguous.tsv: %d forms" % len(rows))


if __name__ == "__main__":
    main()
