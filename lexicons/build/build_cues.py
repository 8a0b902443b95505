#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build the cue-word lexicons of the name rules: person roles and place-type nouns.

Writes lexicons/names/roles.tsv and lexicons/geo/place_types.tsv from the hand lists below
(our own writing), inflected with pymorphy3 (OpenCorpora dictionary, CC BY-SA):

  /tmp/lexvenv/bin/python lexicons/build/build_cues.py

(the venv of build_lexicons.py; see requirements.txt). Output is deterministic.
"""
import importlib.metadata as md
from pathlib import Path

import pymorphy3

HERE = Path(__file__).resolve().parent
LEX = HERE.parent
MORPH = pymorphy3.MorphAnalyzer()
CASE = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc", "ablt": "ins",
        "loct": "loc", "gen2": "gen", "loc2": "loc", "acc2": "acc"}

# Words that stand before a person's name: "госсекретарь США Марко Рубио", "сенатор Дэйнс".
ROLES = """
президент вице-президент экс-президент премьер-министр премьер вице-премьер экс-премьер
министр экс-министр замминистра госсекретарь замгоссекретаря секретарь генсек генсекретарь
сенатор конгрессмен конгрессвумен депутат парламентарий спикер вице-спикер губернатор
вице-губернатор мэр вице-мэр аким префект бургомистр глава замглавы председатель
зампред зампредседателя директор гендиректор замдиректора руководитель начальник
заместитель посол постпред полпред представитель пресс-секретарь спикер советник
помощник консультант лидер основатель сооснователь владелец совладелец акционер
канцлер вице-канцлер король королева принц принцесса князь княгиня царь император
папа патриарх митрополит епископ архиепископ священник протоиерей имам муфтий раввин
аятолла шейх эмир султан шах хан
генерал генерал-майор генерал-лейтенант генерал-полковник полковник подполковник майор
капитан лейтенант старший адмирал вице-адмирал контр-адмирал маршал сержант рядовой
командующий главнокомандующий командир комендант
судья прокурор генпрокурор адвокат защитник следователь юрист нотариус
аналитик экономист эксперт политолог социолог историк философ
журналист корреспондент редактор главред обозреватель ведущий колумнист блогер
писатель поэт художник скульптор архитектор режиссер актер актриса певец певица
музыкант композитор дирижер продюсер артист исполнитель солист солистка балерина
тренер наставник игрок футболист хоккеист теннисист теннисистка баскетболист
волейболист шахматист гроссмейстер боксер борец гонщик пилот велогонщик лыжник
биатлонист фигурист фигуристка спортсмен спортсменка чемпион чемпионка нападающий
полузащитник вратарь форвард голкипер капитан
астронавт космонавт ученый профессор доцент академик исследователь инженер конструктор
врач доктор хирург
бизнесмен бизнесвумен предприниматель миллиардер миллионер олигарх банкир финансист
инвестор управляющий менеджер топ-менеджер сотрудник специалист чиновник
господин госпожа мистер миссис мисс сэр леди товарищ коллега
супруг супруга жена муж сын дочь брат сестра отец мать вдова вдовец
кандидат претендент соперник оппонент участник победитель лауреат
глава-пресс-службы ректор проректор декан завкафедрой
писательница поэтесса журналистка художница победительница участница соперница
руководительница основательница владелица создательница исполнительница
""".split()

# Nouns after which a capitalized name is a place ("месторождения Северный Катпар",
# "река Волга"), and that make a place with an adjective before them ("Карагандинская
# область"). Class: region (an administrative unit), settlement, water, land, site,
# resident, street (its names are left alone: "улица Крещатик" is an address, not a place).
PLACE_TYPES = {
    "region": """область край район округ республика провинция штат губерния графство
                 префектура кантон волость уезд регион муниципалитет автономия
                 воеводство вилайет мухафаза аймак коммуна""",
    "settlement": """город село деревня поселок поселение станица аул хутор столица
                     городок местечко селение кишлак""",
    "water": """река озеро море океан залив пролив бухта водохранилище канал""",
    "land": """остров полуостров гора хребет пустыня долина равнина плато мыс вулкан
               архипелаг низменность возвышенность нагорье местность""",
    "site": """месторождение микрорайон квартал""",
    # People of a place: the name after them is the place's ("жителей Салтовки", "житель
    # Флориды Кристофер Чейни"); no place of their own with an adjective ("московские жители").
    "resident": """житель жительница уроженец уроженка""",
    # Streets and squares: their names are no places of their own (a facility, an address).
    "street": """улица проспект площадь переулок шоссе бульвар набережная проезд""",
}


# Organization-type nouns missing from org/types.tsv (class as there).
TYPES_EXTRA = {
    "party": "фронт",
    "gov": "обком горком райком крайком госдепартамент госдеп минсельхоз войско",
    "other": "отделение филиал амнистия ФК оркестр хор ансамбль капелла цирк диспансер",
    "company": "метрополитен",
    "media": "радиостанция",
}

# Organizations missing from org/known.tsv: the normal form and the index of its head word
# (the words up to it inflect, adjectives agreeing; the words after it stay).
KNOWN_EXTRA = [
    ("Голос Америки", 0),
    ("Частный корреспондент", 1),
    ("Ассошиэйтед Пресс", None),
    ("Франс Пресс", None),
    ("Франс-Пресс", None),
    ("Рейтер", 0),
    ("Интерпол", 0),
    ("Европол", 0),
    ("Еврокомиссия", 0),
    ("Роскомнадзор", 0),
    ("Роспотребнадзор", 0),
    ("Росприроднадзор", 0),
    ("Ростехнадзор", 0),
    ("Росздравнадзор", 0),
    ("Рособрнадзор", 0),
    ("Росстат", 0),
    ("Росреестр", 0),
    ("Росавиация", 0),
    ("Роскосмос", 0),
    ("Росгвардия", 0),
    ("Минсельхоз", 0),
    ("Минздрав", 0),
    ("Минтранс", 0),
    ("Минэнерго", None),
    ("Минюст", 0),
    ("Минпромторг", 0),
    ("Минобрнауки", None),
    ("Минкультуры", None),
    ("Минэкономразвития", None),
    ("Минтруд", 0),
    ("Минцифры", None),
    ("Госдеп", 0),
    ("Госдепартамент", 0),
    ("Пентагон", 0),
    ("Красный Крест", 1),
    ("ГРУ", None),
    ("Исламское государство", 1),
    ("Моссад", 0),
    ("Кнессет", 0),
    ("Нацгвардия", 0),
    ("Фольксваген", 0),
    ("Порше", None),
    ("Бургер Кинг", None),
    ("Forbes", None),
    ("WikiLeaks", None),
    ("Playboy", None),
    # Football clubs often named alone ("нападающий Зенита").
    ("Зенит", 0),
    ("Реал", 0),
    ("Реал Мадрид", 0),
    ("Локомотив", 0),
    ("Динамо", None),
    ("Шахтёр", 0),
    ("Боруссия", 0),
    ("Бенфика", None),
    ("Аякс", 0),
    ("Эвертон", 0),
    ("Атлетико", None),
    ("Галатасарай", 0),
    ("Фенербахче", None),
    ("Манчестер Юнайтед", None),
    ("Манчестер Сити", None),
]

# Places missing from geo/places.tsv: normal form, head word index, kind.
PLACES_EXTRA = [
    ("Советский Союз", 1, "country"),
    ("Земля", 0, "other"),
    ("Луна", 0, "other"),
    ("Марс", 0, "other"),
    ("МКС", None, "other"),
    # Short names in common use.
    ("Рио", None, "city"),
    # Abbreviations of Russian federal districts and autonomous okrugs, of unrecognized and
    # other states, and of Moscow's administrative okrugs (ЦАО is in places.tsv; ЗАО is a
    # company's legal form, so it is left out).
    ("ЦФО", None, "region"),
    ("СЗФО", None, "region"),
    ("ЮФО", None, "region"),
    ("СКФО", None, "region"),
    ("ПФО", None, "region"),
    ("УрФО", None, "region"),
    ("СФО", None, "region"),
    ("ДФО", None, "region"),
    ("ХМАО", None, "region"),
    ("ЯНАО", None, "region"),
    ("КБР", None, "region"),
    ("КЧР", None, "region"),
    ("ПМР", None, "region"),
    ("РЮО", None, "region"),
    ("САР", None, "country"),
    ("САО", None, "other"),
    ("СВАО", None, "other"),
    ("ВАО", None, "other"),
    ("ЮВАО", None, "other"),
    ("ЮАО", None, "other"),
    ("ЮЗАО", None, "other"),
    ("СЗАО", None, "other"),
    ("ЗелАО", None, "other"),
]


def phrase_forms(normal, head):
    """Case forms of a name whose words up to `head` inflect (singular), lower case:
    the head noun by case, the adjectives before it agreeing in case, gender, animacy."""
    words = normal.split()
    if head is None:
        return {normal.lower().replace("ё", "е")}
    noun = next((p for p in MORPH.parse(words[head]) if p.tag.POS == "NOUN"
                 and "nomn" in p.tag), MORPH.parse(words[head])[0])
    gender = {noun.tag.gender} if noun.tag.gender else set()
    animacy = {noun.tag.animacy} if noun.tag.animacy else set()
    out = set()
    for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
        parts = []
        ok = True
        for k, w in enumerate(words):
            if k > head:
                parts.append(w.lower())
                continue
            if k == head:
                f = noun.inflect({case, "sing"})
            else:
                p = next((p for p in MORPH.parse(w) if p.tag.POS == "ADJF" and "nomn" in p.tag),
                         None)
                want = {case, "sing"} | gender | (animacy if case == "accs" else set())
                f = p.inflect(want) if p else None
            if f is None:
                ok = False
                break
            parts.append(f.word)
        if ok:
            out.add(" ".join(parts).replace("ё", "е"))
    out.add(normal.lower().replace("ё", "е"))
    return out


def forms(lemma):
    """(form, case) pairs of the lemma's noun reading, singular and plural, folded."""
    parses = [p for p in MORPH.parse(lemma)
              if p.normal_form.replace("ё", "е") == lemma.replace("ё", "е")
              and p.tag.POS in ("NOUN", "ADJF") and "Surn" not in p.tag
              and "Name" not in p.tag]
    if not parses:
        return [(lemma, "nom")]
    p = parses[0]
    out = set()
    for f in p.lexeme:
        if "voct" in f.tag:
            continue
        case = CASE.get(f.tag.case or "", "nom")
        if f.tag.number == "plur":
            case = "pl"
        # An adjective used as a noun ("ведущий", "управляющий") keeps its gender's forms.
        if p.tag.POS == "ADJF" and f.tag.gender and f.tag.gender != p.tag.gender:
            continue
        out.add((f.word.replace("ё", "е"), case))
    if lemma.startswith("зам") and len(out) <= 1:
        out = {(lemma, c) for c in ("nom", "gen", "dat", "acc", "ins", "loc")}
    return sorted(out)


def header(fh, title, columns, notes):
    ver = md.version("pymorphy3")
    dver = md.version("pymorphy3-dicts-ru")
    fh.write("# %s\n" % title)
    fh.write("# Source: hand list in lexicons/build/build_cues.py, written for newsfacts "
             "(no copied data): the lemmas\n")
    fh.write("# Source: pymorphy3 %s + pymorphy3-dicts-ru %s (OpenCorpora dictionary, "
             "CC BY-SA 3.0 as stated in pymorphy3-dicts-ru package metadata; pymorphy3 "
             "code MIT): case forms\n" % (ver, dver))
    fh.write("# Licence: CC BY-SA 3.0, inherited from the OpenCorpora dictionary data the "
             "forms come from (share-alike: keep this header when redistributing)\n")
    for n in notes:
        fh.write("# %s\n" % n)
    fh.write("# Regenerate: /tmp/lexvenv/bin/python lexicons/build/build_cues.py\n")
    fh.write("# %s\n" % "\t".join(columns))


def main():
    rows = set()
    for lemma in ROLES:
        for form, case in forms(lemma):
            rows.add((form, lemma, case))
    with open(LEX / "names" / "roles.tsv", "w", encoding="utf-8", newline="\n") as fh:
        header(fh, "Person roles: words before a name ('сенатор Стив Дэйнс'), every form",
               ["form", "lemma", "case"],
               ["case: nom gen dat acc ins loc of the singular, pl for a plural form; a name "
                "after a singular role agrees with it in case"])
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    rows = set()
    for cls, words in PLACE_TYPES.items():
        for lemma in words.split():
            for form, _ in forms(lemma):
                rows.add((form, lemma, cls))
    with open(LEX / "geo" / "place_types.tsv", "w", encoding="utf-8", newline="\n") as fh:
        header(fh, "Place-type nouns: 'Карагандинская область', 'месторождения Северный "
               "Катпар', every form", ["form", "lemma", "class"],
               ["class: region, settlement, water, land, site, resident, street"])
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")


def extras():
    rows = set()
    for cls, words in TYPES_EXTRA.items():
        for lemma in words.split():
            for form, case in forms(lemma):
                rows.add((form, lemma, cls))
    with open(LEX / "org" / "types_extra.tsv", "w", encoding="utf-8", newline="\n") as fh:
        header(fh, "Organization-type nouns missing from types.tsv, every form",
               ["form", "lemma", "class"], ["class: gov, company, edu, party, media, other"])
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    rows = set()
    for normal, head in KNOWN_EXTRA:
        for form in phrase_forms(normal, head):
            rows.add((form, normal))
    with open(LEX / "org" / "known_extra.tsv", "w", encoding="utf-8", newline="\n") as fh:
        header(fh, "Organizations missing from known.tsv, every case form", ["form", "normal"], [])
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    rows = set()
    for normal, head, kind in PLACES_EXTRA:
        for form in phrase_forms(normal, head):
            rows.add((form, normal, kind))
    with open(LEX / "geo" / "places_extra.tsv", "w", encoding="utf-8", newline="\n") as fh:
        header(fh, "Places missing from places.tsv, every case form", ["form", "lemma", "kind"],
               ["kind: country, region, city, other"])
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")


if __name__ == "__main__":
    extras()
    main()
