#!/usr/bin/env python3
"""Regenerates lexicons/count_nouns.tsv: every case form of nouns that news counts ("300 человек",
"20 видов", "5 компаний"), with the lemma, from OpenCorpora via pymorphy3.

    python3 -m venv /tmp/lexvenv && /tmp/lexvenv/bin/pip install -r lexicons/build/requirements.txt
    /tmp/lexvenv/bin/python lexicons/build/build_counted.py
"""
import os, pymorphy3, importlib.metadata as md

NOUNS = """человек вид компания страна регион дом школа сотрудник пассажир автомобиль вакансия турист заявка пациент
беженец скважина вагон беспилотник экземпляр депутат проект житель предприятие город село деревня посёлок район
область государство организация банк фирма магазин завод фабрика шахта месторождение больница поликлиника
университет студент школьник ребёнок дети взрослый пенсионер военный военнослужащий солдат офицер полицейский
врач учитель работник рабочий специалист инженер эксперт участник кандидат избиратель голос голосование
зритель болельщик спортсмен команда клуб матч гол очко балл медаль награда место семья квартира здание объект
участок улица дорога мост самолёт вертолёт корабль судно танк ракета снаряд дрон поезд автобус машина грузовик
единица штука партия тонна случай заболевание смерть погибший пострадавший раненый жертва задержанный
арестованный обвиняемый подозреваемый мигрант иностранец гражданин россиянин украинец американец
член человек-час рейс поездка визит встреча сделка контракт договор соглашение закон законопроект поправка
документ книга фильм песня альбом статья публикация сообщение обращение жалоба иск дело процесс уголовное
преступление нарушение штраф проверка обыск митинг акция протест забастовка выборы кампания мероприятие
конференция выставка фестиваль концерт спектакль сайт пользователь подписчик клиент абонент покупатель
продавец акционер инвестор партнёр поставщик производитель поставка ресурс видео фотография языка язык
вопрос ответ пункт позиция отрасль сектор сфера направление программа услуга товар продукт модель марка
бренд ферма голова животное собака птица дерево гектар лот пакет мешок бочка контейнер ящик коробка
""".split()

def main():
    m = pymorphy3.MorphAnalyzer()
    rows = set()
    for lemma in NOUNS:
        lemma = lemma.replace("ё", "е")
        p = next((p for p in m.parse(lemma) if p.tag.POS == "NOUN"), None)
        if p is None:
            continue
        for f in p.lexeme:
            rows.add((f.word.replace("ё", "е"), p.normal_form.replace("ё", "е")))
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "count_nouns.tsv")
    ver = md.version("pymorphy3-dicts-ru")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Nouns that news counts (\"300 человек\", \"20 видов\"), every case form -> lemma.\n")
        f.write("# Source: the noun list is written by the newsfacts developers; forms and lemmas from the OpenCorpora\n")
        f.write(f"# dictionary (pymorphy3-dicts-ru {ver}), licence CC BY-SA 4.0 (so this file is CC BY-SA 4.0 too).\n")
        f.write("# Regenerate: /tmp/lexvenv/bin/python lexicons/build/build_counted.py\n")
        f.write("# form\tlemma\n")
        for form, lemma in sorted(rows):
            f.write(f"{form}\t{lemma}\n")
    print(len(rows), "rows")

if __name__ == "__main__":
    main()
