"""The six official languages (issue 10): reference phrasings per language, and the UDHR parallel test.

Each row is a phrase and the mentions expected in it, derived by hand: the text of each
mention, its form (detect.py's ``TargetForm``), what it names (an instrument name as written,
a resolution number, or nothing) and its pinpoints written ``5`` / ``5b``. Forms marked
unverified in patterns.toml are tested as the data reads them, so a change is seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resolex
from resolex.catalogue import Catalogue
from resolex.detect import Mention, detector_for
from resolex.language import detect_language
from resolex.normalize import normalize_text
from tests.conftest import CORPUS

Row = tuple[str, str, str | None, tuple[str, ...]]


def _found(text: str) -> list[Row]:
    """The mentions in ``text`` as the pipeline sees it (normalised: "67–72" with a dash, the Arabic
    comma), each written as it stands in ``text``."""
    norm = normalize_text(text)
    mentions = detector_for(Catalogue.default()).find(norm.text, [])
    return [_row(text, norm.offsets.span(m.span.start, m.span.end), m) for m in mentions]


def _row(text: str, where: tuple[int, int], m: Mention) -> Row:
    named = m.resolution.number if m.resolution else (m.name if m.form != "self" else None)
    pins = tuple(p.paragraph + (p.subparagraph or "") + (p.item or "") for p in m.pinpoints)
    return (text[where[0] : where[1]], m.form, named, pins)


def _r(mention: str, form: str, named: str | None = None, *pins: str) -> Row:
    return (mention, form, named, pins)


RANGE = ("67", "68", "69", "70", "71", "72")

FRENCH: list[tuple[str, list[Row]]] = [
    ("le paragraphe 35 de l'Agenda de Tunis", [_r("paragraphe 35 de l'Agenda de Tunis", "instrument", "Agenda de Tunis", "35")]),
    ("le paragraphe 35 de l’Agenda de Tunis", [_r("paragraphe 35 de l’Agenda de Tunis", "instrument", "Agenda de Tunis", "35")]),
    ("les paragraphes 67 à 72", [_r("paragraphes 67 à 72", "none", None, *RANGE)]),
    ("les paragraphes 67 à 72 de l'Agenda de Tunis", [_r("paragraphes 67 à 72 de l'Agenda de Tunis", "instrument", "Agenda de Tunis", *RANGE)]),
    ("les paragraphes 29 et 30 de l'Agenda de Tunis", [_r("paragraphes 29 et 30 de l'Agenda de Tunis", "instrument", "Agenda de Tunis", "29", "30")]),
    ("les paragraphes 4, 5 et 55", [_r("paragraphes 4, 5 et 55", "none", None, "4", "5", "55")]),
    ("les paragraphes 3 ou 4", [_r("paragraphes 3 ou 4", "none", None, "3", "4")]),
    ("paragr. 35 de l'Agenda de Tunis", [_r("paragr. 35 de l'Agenda de Tunis", "instrument", "Agenda de Tunis", "35")]),
    ("le paragraphe 72 de l'Agenda de Tunis pour la société de l'information", [_r("paragraphe 72 de l'Agenda de Tunis pour la société de l'information", "instrument", "Agenda de Tunis pour la société de l'information", "72")]),
    ("le paragraphe 5 b) de la résolution 70/125", [_r("paragraphe 5 b) de la résolution 70/125", "resolution", "70/125", "5b")]),
    ("les paragraphes 3 à 5 et 7 de la résolution 70/125", [_r("paragraphes 3 à 5 et 7 de la résolution 70/125", "resolution", "70/125", "3", "4", "5", "7")]),
    ("le paragraphe 5 ci-dessus", [_r("paragraphe 5 ci-dessus", "self", None, "5")]),
    ("le paragraphe 2 ci-dessous", [_r("paragraphe 2 ci-dessous", "self", None, "2")]),
    ("le paragraphe 3 de la présente résolution", [_r("paragraphe 3 de la présente résolution", "self", None, "3")]),
    ("le paragraphe 9 du Plan d'action de Genève", [_r("paragraphe 9 du Plan d'action de Genève", "instrument", "Plan d'action de Genève", "9")]),
    ("la résolution 60/252 de l'Assemblée générale", [_r("la résolution 60/252 de l'Assemblée générale", "resolution", "60/252")]),
    ("sa résolution 2006/46 du 28 juillet 2006", [_r("sa résolution 2006/46 du 28 juillet 2006", "resolution", "2006/46")]),
    ("sa résolution 60/252 du 27 mars 2006", [_r("sa résolution 60/252 du 27 mars 2006", "resolution", "60/252")]),
    ("la résolution 60/252 en date du 27 mars 2006", [_r("la résolution 60/252 en date du 27 mars 2006", "resolution", "60/252")]),
    ("la résolution 2334 (2016) du Conseil de sécurité", [_r("la résolution 2334 (2016) du Conseil de sécurité", "resolution", "2334 (2016)")]),
    ("la résolution 1514 (XV)", [_r("la résolution 1514 (XV)", "resolution", "1514 (XV)")]),
    ("la décision 77/512", [_r("la décision 77/512", "resolution", "77/512")]),
    (
        "ses résolutions 56/183 du 21 décembre 2001 et 59/220 du 22 décembre 2004",
        [
            _r("ses résolutions 56/183 du 21 décembre 2001", "resolution", "56/183"),
            _r("59/220 du 22 décembre 2004", "resolution", "59/220"),
        ],
    ),
    ("l'article 2 de la Charte des Nations Unies", [_r("article 2 de la Charte des Nations Unies", "instrument", "Charte des Nations Unies", "2")]),
    ("l'article 26 de la Charte", [_r("article 26 de la Charte", "contextual", "Charte", "26")]),
    ("l'article 19 de la Déclaration universelle des droits de l'homme", [_r("article 19 de la Déclaration universelle des droits de l'homme", "instrument", "Déclaration universelle des droits de l'homme", "19")]),
    ("la présente Déclaration", [_r("la présente Déclaration", "self")]),
    ("cette Déclaration", [_r("cette Déclaration", "self")]),
    ("la présente résolution", [_r("la présente résolution", "self")]),
    ("cette décision", [_r("cette décision", "self")]),
    ("la présente Déclaration universelle des droits de l’homme", [_r("la présente Déclaration universelle des droits de l’homme", "self")]),
    ("ont proclamé dans la Charte leur foi", [_r("la Charte", "standalone", "la Charte")]),
    ("l'Engagement de Tunis", [_r("l'Engagement de Tunis", "instrument", "Engagement de Tunis")]),
    ("l'Agenda de Tunis, paragraphe 35", [_r("l'Agenda de Tunis, paragraphe 35", "instrument", "Agenda de Tunis", "35")]),
    ("le Pacte international relatif aux droits civils et politiques", [_r("le Pacte international relatif aux droits civils et politiques", "instrument", "Pacte international relatif aux droits civils et politiques")]),
    ("le document A/RES/70/125", [_r("document A/RES/70/125", "symbol", "A/RES/70/125")]),
    # ordinals (preambular paragraphs), and the non-breaking spaces of French typography
    ("le troisième alinéa du préambule", [_r("le troisième alinéa du préambule", "none", None, "3")]),
    ("les huitième à douzième alinéas du préambule de la résolution 60/252", [_r("les huitième à douzième alinéas du préambule de la résolution 60/252", "resolution", "60/252", "8", "9", "10", "11", "12")]),
    ("le paragraphe\u00a035 de l’Agenda de Tunis\u202f;", [_r("paragraphe\u00a035 de l’Agenda de Tunis", "instrument", "Agenda de Tunis", "35")]),
    ("«\u00a0la présente résolution\u00a0»", [_r("la présente résolution", "self")]),
]  # fmt: skip

FRENCH_NEGATIVE = [
    "le paragraphe 3 du contrat",
    "le paragraphe 2 de son courriel",
    "le paragraphe 4 de l'accord",
    "l'article 5 du contrat",
    "les articles 3 et 4 du règlement",
    "la Charte de Paris",
    "la Charte des droits fondamentaux",
    "la résolution du problème",
    "une résolution de 1080 pixels",
    "le paragraphe suivant",
    "les paragraphes",
    "la présente lettre",
    "le 3 juin 2006",
    "version 2.1",
    "le chapitre 3 du livre",
    "une décision sera prise demain",
]

SPANISH: list[tuple[str, list[Row]]] = [
    ("el párrafo 35 de la Agenda de Túnez", [_r("párrafo 35 de la Agenda de Túnez", "instrument", "Agenda de Túnez", "35")]),
    ("los párrafos 4, 5 y 55 de la Declaración de Principios de Ginebra", [_r("párrafos 4, 5 y 55 de la Declaración de Principios de Ginebra", "instrument", "Declaración de Principios de Ginebra", "4", "5", "55")]),
    ("los párrafos 67 a 72", [_r("párrafos 67 a 72", "none", None, *RANGE)]),
    ("los párrafos 67 al 72 de la Agenda de Túnez", [_r("párrafos 67 al 72 de la Agenda de Túnez", "instrument", "Agenda de Túnez", *RANGE)]),
    ("los párrafos 29 y 30 de la Agenda de Túnez", [_r("párrafos 29 y 30 de la Agenda de Túnez", "instrument", "Agenda de Túnez", "29", "30")]),
    ("los párrafos 3 o 4", [_r("párrafos 3 o 4", "none", None, "3", "4")]),
    ("párr. 35 de la Agenda de Túnez", [_r("párr. 35 de la Agenda de Túnez", "instrument", "Agenda de Túnez", "35")]),
    ("el párrafo 5 b) de la resolución 70/125", [_r("párrafo 5 b) de la resolución 70/125", "resolution", "70/125", "5b")]),
    ("los párrafos 3 a 5 y 7 de la resolución 70/125", [_r("párrafos 3 a 5 y 7 de la resolución 70/125", "resolution", "70/125", "3", "4", "5", "7")]),
    ("el párrafo 3 de la presente resolución", [_r("párrafo 3 de la presente resolución", "self", None, "3")]),
    ("el párrafo 5 supra", [_r("párrafo 5 supra", "self", None, "5")]),
    ("el párrafo 1 del Plan de Acción de Ginebra", [_r("párrafo 1 del Plan de Acción de Ginebra", "instrument", "Plan de Acción de Ginebra", "1")]),
    ("su resolución 77/247, de 30 de diciembre de 2022", [_r("su resolución 77/247, de 30 de diciembre de 2022", "resolution", "77/247")]),
    ("la resolución 2334 (2016), de 23 de diciembre de 2016", [_r("la resolución 2334 (2016), de 23 de diciembre de 2016", "resolution", "2334 (2016)")]),
    ("sus resoluciones 41/60 J, de 3 de diciembre de 1986", [_r("sus resoluciones 41/60 J, de 3 de diciembre de 1986", "resolution", "41/60 J")]),
    ("la resolución 60/252 de la Asamblea General", [_r("la resolución 60/252 de la Asamblea General", "resolution", "60/252")]),
    ("la resolución 1325 (2000) del Consejo de Seguridad", [_r("la resolución 1325 (2000) del Consejo de Seguridad", "resolution", "1325 (2000)")]),
    ("la decisión 77/512", [_r("la decisión 77/512", "resolution", "77/512")]),
    (
        "las resoluciones 1325 (2000) y 2242 (2015)",
        [_r("las resoluciones 1325 (2000)", "resolution", "1325 (2000)"), _r("2242 (2015)", "resolution", "2242 (2015)")],
    ),
    (
        "sus resoluciones 56/183, 57/238 y 59/220",
        [
            _r("sus resoluciones 56/183", "resolution", "56/183"),
            _r("57/238", "resolution", "57/238"),
            _r("59/220", "resolution", "59/220"),
        ],
    ),
    ("el artículo 19 de la Declaración Universal de Derechos Humanos", [_r("artículo 19 de la Declaración Universal de Derechos Humanos", "instrument", "Declaración Universal de Derechos Humanos", "19")]),
    ("el artículo 2 de la Carta de las Naciones Unidas", [_r("artículo 2 de la Carta de las Naciones Unidas", "instrument", "Carta de las Naciones Unidas", "2")]),
    ("los artículos 10 y 11 de la Carta", [_r("artículos 10 y 11 de la Carta", "contextual", "Carta", "10", "11")]),
    ("esta Declaración", [_r("esta Declaración", "self")]),
    ("la presente Declaración Universal de los Derechos Humanos", [_r("la presente Declaración Universal de los Derechos Humanos", "self")]),
    ("la presente resolución", [_r("la presente resolución", "self")]),
    ("esta decisión", [_r("esta decisión", "self")]),
    ("han reafirmado en la Carta su fe", [_r("la Carta", "standalone", "la Carta")]),
    ("el Programa de Acciones de Túnez para la Sociedad de la Información", [_r("el Programa de Acciones de Túnez para la Sociedad de la Información", "instrument", "Programa de Acciones de Túnez para la Sociedad de la Información")]),
    ("el Compromiso de Túnez", [_r("el Compromiso de Túnez", "instrument", "Compromiso de Túnez")]),
    ("la Agenda de Túnez, párrafo 35", [_r("la Agenda de Túnez, párrafo 35", "instrument", "Agenda de Túnez", "35")]),
    ("el Pacto Internacional de Derechos Civiles y Políticos", [_r("el Pacto Internacional de Derechos Civiles y Políticos", "instrument", "Pacto Internacional de Derechos Civiles y Políticos")]),
    ("S/RES/2242 (2015)", [_r("S/RES/2242 (2015)", "symbol", "S/RES/2242 (2015)")]),
    ("el tercer párrafo del preámbulo", [_r("el tercer párrafo del preámbulo", "none", None, "3")]),
    ("los octavo a duodécimo párrafos del preámbulo", [_r("los octavo a duodécimo párrafos del preámbulo", "none", None, "8", "9", "10", "11", "12")]),
]  # fmt: skip

SPANISH_NEGATIVE = [
    "el párrafo 3 de la carta",
    "la carta del Presidente",
    "la Carta de Derechos",
    "la resolución del problema",
    "una resolución de 1080 píxeles",
    "el artículo 5 del contrato",
    "el párrafo 2 de su correo",
    "el párrafo 4 del acuerdo",
    "los párrafos",
    "el párrafo siguiente",
    "la presente carta",
    "esta semana",
    "el 3 de marzo de 2006",
    "la versión 2.1",
    "el capítulo 3 del libro",
    "una decisión se tomará mañana",
]


RUSSIAN: list[tuple[str, list[Row]]] = [
    ("пункт 35 Тунисской программы", [_r("пункт 35 Тунисской программы", "contextual", "Тунисской программы", "35")]),
    ("пункт 35 Тунисской программы для информационного общества", [_r("пункт 35 Тунисской программы для информационного общества", "instrument", "Тунисской программы для информационного общества", "35")]),
    ("в пункте 72 Тунисской программы для информационного общества", [_r("пункте 72 Тунисской программы для информационного общества", "instrument", "Тунисской программы для информационного общества", "72")]),
    ("пунктах 29 и 30 Тунисской программы для информационного общества", [_r("пунктах 29 и 30 Тунисской программы для информационного общества", "instrument", "Тунисской программы для информационного общества", "29", "30")]),
    ("пункты 67–72 Тунисской программы", [_r("пункты 67–72 Тунисской программы", "contextual", "Тунисской программы", *RANGE)]),
    ("пункты 67-72", [_r("пункты 67-72", "none", None, *RANGE)]),
    ("пункты с 67 по 72", [_r("пункты с 67 по 72", "none", None, *RANGE)]),
    ("пунктами 29 и 30", [_r("пунктами 29 и 30", "none", None, "29", "30")]),
    ("пунктах 3 и 4 резолюции 60/252", [_r("пунктах 3 и 4 резолюции 60/252", "resolution", "60/252", "3", "4")]),
    ("пунктов 1, 3 и 5 настоящей резолюции", [_r("пунктов 1, 3 и 5 настоящей резолюции", "self", None, "1", "3", "5")]),
    ("пункта 5 настоящей резолюции", [_r("пункта 5 настоящей резолюции", "self", None, "5")]),
    ("пункту 5 b) резолюции 70/125", [_r("пункту 5 b) резолюции 70/125", "resolution", "70/125", "5b")]),
    ("пунктом 2 этого решения", [_r("пунктом 2 этого решения", "self", None, "2")]),
    ("пункт 3 выше", [_r("пункт 3 выше", "self", None, "3")]),
    ("пункт 7 ниже", [_r("пункт 7 ниже", "self", None, "7")]),
    ("согласно пункту 1 статьи 8 Устава Организации Объединенных Наций", [_r("пункту 1 статьи 8 Устава Организации Объединенных Наций", "instrument", "Устава Организации Объединенных Наций", "81")]),
    ("пунктом 4 статьи 2 Устава", [_r("пунктом 4 статьи 2 Устава", "contextual", "Устава", "24")]),
    ("статья 19 Всеобщей декларации прав человека", [_r("статья 19 Всеобщей декларации прав человека", "instrument", "Всеобщей декларации прав человека", "19")]),
    ("статьи 10 и 11 Устава", [_r("статьи 10 и 11 Устава", "contextual", "Устава", "10", "11")]),
    ("статьей 12 Устава", [_r("статьей 12 Устава", "contextual", "Устава", "12")]),
    ("резолюция 60/252 Генеральной Ассамблеи", [_r("резолюция 60/252 Генеральной Ассамблеи", "resolution", "60/252")]),
    ("резолюции Совета Безопасности 1325 (2000)", [_r("резолюции Совета Безопасности 1325 (2000)", "resolution", "1325 (2000)")]),
    ("свою резолюцию 2006/46 от 28 июля 2006 года", [_r("свою резолюцию 2006/46 от 28 июля 2006 года", "resolution", "2006/46")]),
    ("в своей резолюции 60/252 от 27 марта 2006 года", [_r("своей резолюции 60/252 от 27 марта 2006 года", "resolution", "60/252")]),
    (
        "ссылаясь на свои резолюции 56/183 от 21 декабря 2001 года и 59/220 от 22 декабря 2004 года",
        [
            _r("свои резолюции 56/183 от 21 декабря 2001 года", "resolution", "56/183"),
            _r("59/220 от 22 декабря 2004 года", "resolution", "59/220"),
        ],
    ),
    (
        "ссылаясь на свои резолюции 40/151G от 16 декабря 1985 года, 41/60D от 3 декабря 1986 года",
        [
            _r("свои резолюции 40/151G от 16 декабря 1985 года", "resolution", "40/151G"),
            _r("41/60D от 3 декабря 1986 года", "resolution", "41/60D"),
        ],
    ),
    ("резолюцией 169 (II) Генеральной Ассамблеи ООН от 31 октября 1947 года", [_r("резолюцией 169 (II) Генеральной Ассамблеи ООН", "resolution", "169 (II)")]),
    ("резолюцией 217 А (III) Генеральной Ассамблеи", [_r("резолюцией 217 А (III) Генеральной Ассамблеи", "resolution", "217 A (III)")]),
    (
        "резолюции 1325 (2000) и 2242 (2015)",
        [_r("резолюции 1325 (2000)", "resolution", "1325 (2000)"), _r("2242 (2015)", "resolution", "2242 (2015)")],
    ),
    ("решение 77/512", [_r("решение 77/512", "resolution", "77/512")]),
    ("настоящая резолюция", [_r("настоящая резолюция", "self")]),
    ("Всеобщая декларация прав человека", [_r("Всеобщая декларация прав человека", "instrument", "Всеобщая декларация прав человека")]),
    ("Устав Организации Объединенных Наций", [_r("Устав Организации Объединенных Наций", "instrument", "Устав Организации Объединенных Наций")]),
    ("Тунисское обязательство", [_r("Тунисское обязательство", "instrument", "Тунисское обязательство")]),
    ("по выполнению женевского Плана действий", [_r("женевского Плана действий", "instrument", "женевского Плана действий")]),
    ("пункт 4 Декларации тысячелетия", [_r("пункт 4 Декларации тысячелетия", "instrument", "Декларации тысячелетия", "4")]),
    ("документ A/RES/70/125", [_r("A/RES/70/125", "symbol", "A/RES/70/125")]),
]  # fmt: skip

RUSSIAN_NEGATIVE = [
    "пункт 49 повестки дня",  # agenda item 49
    "пункт 3 доклада",
    "пункт 5 письма",
    "пункт 2 договора",
    "статья 5 договора",
    "статьи 3 и 4 закона",
    "проект резолюции",
    "резолюция была принята без голосования",
    "решение вопроса",
    "пункт назначения",
    "пунктов",
    "в 2006 году",
    "20 марта 2006 года",
    "версия 2.1",
    "Тунисская программа развития",
    "Устав клуба",
]

CHINESE: list[tuple[str, list[Row]]] = [
    ("《突尼斯议程》第35段", [_r("《突尼斯议程》第35段", "instrument", "突尼斯议程", "35")]),
    ("《信息社会突尼斯议程》第72段", [_r("《信息社会突尼斯议程》第72段", "instrument", "信息社会突尼斯议程", "72")]),
    ("回顾《信息社会突尼斯议程》1 第111段", [_r("《信息社会突尼斯议程》1 第111段", "instrument", "信息社会突尼斯议程", "111")]),
    ("信息社会突尼斯议程第35段", [_r("信息社会突尼斯议程第35段", "instrument", "信息社会突尼斯议程", "35")]),
    ("重申日内瓦《原则宣言》的第4、5和55段", [_r("日内瓦《原则宣言》的第4、5和55段", "instrument", "日内瓦《原则宣言》", "4", "5", "55")]),
    ("《日内瓦原则宣言》第64段", [_r("《日内瓦原则宣言》第64段", "instrument", "日内瓦原则宣言", "64")]),
    ("落实《日内瓦行动计划》", [_r("《日内瓦行动计划》", "instrument", "日内瓦行动计划")]),
    ("第67至72段", [_r("第67至72段", "none", None, *RANGE)]),
    ("第4、5和55段", [_r("第4、5和55段", "none", None, "4", "5", "55")]),
    ("第5(b)段", [_r("第5(b)段", "none", None, "5b")]),
    ("本决议第5段", [_r("本决议第5段", "self", None, "5")]),
    ("上文第3段", [_r("上文第3段", "self", None, "3")]),
    ("如下文第7段所述", [_r("下文第7段", "self", None, "7")]),
    ("本决议执行情况", [_r("本决议", "self")]),
    ("第60/252号决议", [_r("第60/252号决议", "resolution", "60/252")]),
    ("大会第60/252号决议", [_r("大会第60/252号决议", "resolution", "60/252")]),
    ("回顾其2006年3月27日第60/252号决议", [_r("其2006年3月27日第60/252号决议", "resolution", "60/252")]),
    ("2006年7月28日第2006/46号决议", [_r("第2006/46号决议", "resolution", "2006/46")]),
    ("2014年7月31日第68/302 号决议", [_r("第68/302 号决议", "resolution", "68/302")]),
    ("安全理事会第1325(2000)号决议", [_r("安全理事会第1325(2000)号决议", "resolution", "1325 (2000)")]),
    (
        "第1325(2000)号和第2242(2015)号决议",
        [_r("第1325(2000)", "resolution", "1325 (2000)"), _r("2242(2015)号决议", "resolution", "2242 (2015)")],
    ),
    (
        "(第37/457、38/459和59/509号决定)",
        [
            _r("第37/457", "resolution", "37/457"),
            _r("38/459", "resolution", "38/459"),
            _r("59/509号决定", "resolution", "59/509"),
        ],
    ),
    (
        "第3189(XXVIII)、第3190(XXVIII)和第3191(XXVIII)号决议",
        [
            _r("第3189(XXVIII)", "resolution", "3189 (XXVIII)"),
            _r("3190(XXVIII)", "resolution", "3190 (XXVIII)"),
            _r("3191(XXVIII)号决议", "resolution", "3191 (XXVIII)"),
        ],
    ),
    ("联合国大会第2200 A (XXI) 号决议", [_r("联合国大会第2200 A (XXI) 号决议", "resolution", "2200 A (XXI)")]),
    ("其第194(III)号决议第11段", [_r("其第194(III)号决议第11段", "resolution", "194 (III)", "11")]),
    ("第52/163号决议第1段", [_r("第52/163号决议第1段", "resolution", "52/163", "1")]),
    ("《联合国宪章》", [_r("《联合国宪章》", "instrument", "联合国宪章")]),
    ("《世界人权宣言》第十九条", [_r("《世界人权宣言》第十九条", "instrument", "世界人权宣言", "19")]),
    ("《公民及政治权利国际公约》第19条", [_r("《公民及政治权利国际公约》第19条", "instrument", "公民及政治权利国际公约", "19")]),
    ("按照《宪章》第四条第二项的规定", [_r("《宪章》第四条第二项", "contextual", "宪章", "42")]),
    ("《公民及政治权利国际公约》第十九条第1款", [_r("《公民及政治权利国际公约》第十九条第1款", "instrument", "公民及政治权利国际公约", "191")]),
    ("《突尼斯承诺》", [_r("《突尼斯承诺》", "instrument", "突尼斯承诺")]),
    ("秘书长的备忘录(A/BUR/54/1)", [_r("A/BUR/54/1", "symbol", "A/BUR/54/1")]),
]  # fmt: skip

CHINESE_NEGATIVE = [
    "大会第五十四届会议",
    "第2章",
    "第3次全体会议",
    "第37次会议",
    "2006年3月27日",
    "版本2.1",
    "决议草案",
    "该决议获得通过",
    "秘书长报告第5段",  # the report's paragraph 5
    "公约第5条",
    "第1页",
    "议程项目17",
    "《人民日报》第5版",
    "宪章第5条",  # "the charter" alone: any charter
    "1.5亿美元",
    "第六十五届会议临时议程",
]

ARABIC: list[tuple[str, list[Row]]] = [
    ("الفقرة 35 من برنامج عمل تونس", [_r("الفقرة 35 من برنامج عمل تونس", "instrument", "برنامج عمل تونس", "35")]),
    ("الفقرة 72 من برنامج عمل تونس لمجتمع المعلومات", [_r("الفقرة 72 من برنامج عمل تونس لمجتمع المعلومات", "instrument", "برنامج عمل تونس لمجتمع المعلومات", "72")]),
    ("والفقرة 35 من برنامج عمل تونس", [_r("الفقرة 35 من برنامج عمل تونس", "instrument", "برنامج عمل تونس", "35")]),
    ("وإذ تحيط علما بالفقرة 35 من برنامج عمل تونس", [_r("الفقرة 35 من برنامج عمل تونس", "instrument", "برنامج عمل تونس", "35")]),
    ("وفقا للفقرة 5", [_r("فقرة 5", "none", None, "5")]),
    ("الفقرات 67 إلى 72", [_r("الفقرات 67 إلى 72", "none", None, *RANGE)]),
    ("الفقرات من 67 إلى 72 من برنامج عمل تونس", [_r("الفقرات من 67 إلى 72 من برنامج عمل تونس", "instrument", "برنامج عمل تونس", *RANGE)]),
    ("الفقرتين 3 و 4", [_r("الفقرتين 3 و 4", "none", None, "3", "4")]),
    ("الفقرات 3 و4 و5", [_r("الفقرات 3 و4 و5", "none", None, "3", "4", "5")]),
    ("الفقرات 4 و5 و55 من إعلان مبادئ جنيف", [_r("الفقرات 4 و5 و55 من إعلان مبادئ جنيف", "instrument", "إعلان مبادئ جنيف", "4", "5", "55")]),
    ("الفقرة 5 (ب) من القرار 70/125", [_r("الفقرة 5 (ب) من القرار 70/125", "resolution", "70/125", "5b")]),
    ("الفقرة 3 أعلاه", [_r("الفقرة 3 أعلاه", "self", None, "3")]),
    ("الفقرة 7 أدناه", [_r("الفقرة 7 أدناه", "self", None, "7")]),
    ("الفقرة 5 من هذا القرار", [_r("الفقرة 5 من هذا القرار", "self", None, "5")]),
    ("تنفيذ هذا القرار", [_r("هذا القرار", "self")]),
    ("(A/61/387، الفقرة 9)", [_r("A/61/387، الفقرة 9", "symbol", "A/61/387", "9")]),
    ("القرار 60/252", [_r("القرار 60/252", "resolution", "60/252")]),
    ("قرار الجمعية العامة 60/252", [_r("قرار الجمعية العامة 60/252", "resolution", "60/252")]),
    ("قرارها 60/252 المؤرخ 27 آذار/مارس 2006", [_r("قرارها 60/252 المؤرخ 27 آذار/مارس 2006", "resolution", "60/252")]),
    ("والقرار 55/2", [_r("القرار 55/2", "resolution", "55/2")]),
    (
        "إذ تشير إلى قراراتها 56/183 المؤرخ 21 كانون الأول/ديسمبر 2001 و 57/238 المؤرخ 20 كانون الأول/ديسمبر 2002",
        [
            _r("قراراتها 56/183 المؤرخ 21 كانون الأول/ديسمبر 2001", "resolution", "56/183"),
            _r("57/238 المؤرخ 20 كانون الأول/ديسمبر 2002", "resolution", "57/238"),
        ],
    ),
    ("قرارها 57/270 باء المؤرخ 23 حزيران/يونيه 2003", [_r("قرارها 57/270 باء المؤرخ 23 حزيران/يونيه 2003", "resolution", "57/270 B")]),
    ("وإذ تشير إلى قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ ديسمبر 1985", [_r("قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ ديسمبر 1985", "resolution", "40/152 O")]),
    ("القرار 217 ألف (د - 3)", [_r("القرار 217 ألف (د - 3)", "resolution", "217 A (III)")]),
    ("قرار مجلس الأمن 1325 (2000)", [_r("قرار مجلس الأمن 1325 (2000)", "resolution", "1325 (2000)")]),
    (
        "القرارين 1325 (2000) و 2242 (2015)",
        [_r("القرارين 1325 (2000)", "resolution", "1325 (2000)"), _r("2242 (2015)", "resolution", "2242 (2015)")],
    ),
    ("المقرر 58/401", [_r("المقرر 58/401", "resolution", "58/401")]),
    ("المادة 19 من الإعلان العالمي لحقوق الإنسان", [_r("المادة 19 من الإعلان العالمي لحقوق الإنسان", "instrument", "الإعلان العالمي لحقوق الإنسان", "19")]),
    ("المادة 2 من ميثاق الأمم المتحدة", [_r("المادة 2 من ميثاق الأمم المتحدة", "instrument", "ميثاق الأمم المتحدة", "2")]),
    ("الفقرة 4 من المادة 2 من الميثاق", [_r("الفقرة 4 من المادة 2 من الميثاق", "contextual", "الميثاق", "24")]),
    ("الالتزام بالإعلان العالمي لحقوق الإنسان", [_r("الإعلان العالمي لحقوق الإنسان", "instrument", "الإعلان العالمي لحقوق الإنسان")]),
    ("التزام تونس", [_r("التزام تونس", "instrument", "التزام تونس")]),
    ("إعلان مبادئ جنيف", [_r("إعلان مبادئ جنيف", "instrument", "إعلان مبادئ جنيف")]),
    ("ميثاق الأمم المتحدة", [_r("ميثاق الأمم المتحدة", "instrument", "ميثاق الأمم المتحدة")]),
]  # fmt: skip

ARABIC_NEGATIVE = [
    "الفقرة 3 من التقرير",
    "الفقرة 5 من الاتفاقية",
    "المادة 5 من العقد",
    "الفقرة 5 من رسالته",
    "المادة 12 من النظام الأساسي",
    "القرار الذي اتخذته اللجنة",
    "مشروع القرار",
    "تحقيق الاستقرار 2006",
    "المقرر الخاص",
    "في عام 2006",
    "الإصدار 2.1",
    "27 آذار/مارس 2006",
    "البند 17 من جدول الأعمال",
    "الفقرات",
    "برنامج عمل الحكومة",
    "ميثاق الشرف",
]


@pytest.mark.parametrize(("text", "expected"), FRENCH, ids=[t for t, _ in FRENCH])
def test_french_references(text: str, expected: list[Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", FRENCH_NEGATIVE)
def test_french_negatives(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "expected"), SPANISH, ids=[t for t, _ in SPANISH])
def test_spanish_references(text: str, expected: list[Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", SPANISH_NEGATIVE)
def test_spanish_negatives(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "expected"), RUSSIAN, ids=[t for t, _ in RUSSIAN])
def test_russian_references(text: str, expected: list[Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", RUSSIAN_NEGATIVE)
def test_russian_negatives(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "expected"), CHINESE, ids=[t for t, _ in CHINESE])
def test_chinese_references(text: str, expected: list[Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", CHINESE_NEGATIVE)
def test_chinese_negatives(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "expected"), ARABIC, ids=[t for t, _ in ARABIC])
def test_arabic_references(text: str, expected: list[Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", ARABIC_NEGATIVE)
def test_arabic_negatives(text: str) -> None:
    assert _found(text) == []


def test_tables_meet_the_bar() -> None:
    """Issue 10: at least 30 phrasings and 15 negatives per language."""
    tables = (
        (FRENCH, FRENCH_NEGATIVE),
        (SPANISH, SPANISH_NEGATIVE),
        (RUSSIAN, RUSSIAN_NEGATIVE),
        (CHINESE, CHINESE_NEGATIVE),
        (ARABIC, ARABIC_NEGATIVE),
    )
    for table, negatives in tables:
        assert len(table) >= 30
        assert len(negatives) >= 15
        assert len({t for t, _ in table}) == len(table)


# --- the UDHR parallel test ----------------------------------------------------------

UDHR = CORPUS / "udhr-xml"


def _structure(path: Path) -> list[tuple[str, str | None, tuple[str | None, ...]]]:
    doc = resolex.extract(path.read_bytes())
    return [(p.kind, p.number, tuple(s.label for s in p.subparagraphs)) for p in doc.paragraphs]


@pytest.mark.skipif(not UDHR.is_dir(), reason="shared corpus not present")
def test_udhr_same_structure_in_english_french_and_spanish() -> None:
    """The same articles, paragraphs and sub-paragraph labels from each language file."""
    eng = _structure(UDHR / "udhr_eng.xml")
    assert eng == _structure(UDHR / "udhr_fra.xml") == _structure(UDHR / "udhr_spa.xml")
    # by hand from the files: 7 "Whereas" paragraphs, the proclamation, articles 1 to 30
    assert [k for k, _, _ in eng] == ["preambular"] * 7 + ["operative"] * 31
    assert [n for _, n, _ in eng[8:]] == [str(n) for n in range(1, 31)]
    labelled = {n: labels for _, n, labels in eng[8:] if labels and n is not None}
    assert labelled["23"] == ("1", "2", "3", "4")
    assert labelled["29"] == ("1", "2", "3")
    assert labelled["11"] == ("1", "2")
    assert sorted(map(int, labelled)) == [11, 13, 14, 15, 16, 17, 20, 21, 23, 25, 26, 27, 29]


@pytest.mark.skipif(not UDHR.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(
    ("name", "self_refs", "charter"),
    [
        ("udhr_eng.xml", 6, "the Charter"),
        ("udhr_fra.xml", 6, "la Charte"),
        ("udhr_spa.xml", 6, "la Carta"),
    ],
)
def test_udhr_references_in_each_language(name: str, self_refs: int, charter: str) -> None:
    """Each text names itself in the proclamation and in articles 2, 7, 28 and 30, and cites the Charter."""
    doc = resolex.extract((UDHR / name).read_bytes())
    found = detector_for(Catalogue.default()).find(doc.text, [])
    assert sum(r.document is None for r in doc.references) == self_refs
    assert [doc.text[m.span.start : m.span.end] for m in found if m.form == "standalone"] == [charter]


# --- the language of a document ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Rappelant sa résolution 60/252 du 27 mars 2006,\n\n1. Prie le Secrétaire général de faire rapport",
            "fr",
        ),
        ("Recordando su resolución 77/247, de 30 de diciembre de 2022,\n\n1. Invita a los Estados", "es"),
        ("Recalling its resolution 60/252 of 27 March 2006,\n\n1. Requests the Secretary-General", "en"),
        ("Hi Bob, see para 35 of the Tunis Agenda", "en"),
        ("пункт 35 Тунисской программы", "ru"),
        ("《突尼斯议程》第35段", "zh"),
        ("الفقرة 35 من برنامج عمل تونس", "ar"),
        ("", "en"),
        ("60/252", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_extract_reads_the_language_and_takes_an_override() -> None:
    text = "L'Assemblée générale,\n\nRappelant sa résolution 60/252,\n\n1. Prie le Secrétaire général de faire rapport."
    assert resolex.extract(text).language == "fr"
    assert resolex.extract(text, language="es").language == "es"


@pytest.mark.skipif(not UDHR.is_dir(), reason="shared corpus not present")
def test_udhr_languages() -> None:
    found = [resolex.extract((UDHR / f"udhr_{n}.xml").read_bytes()).language for n in ("eng", "fra", "spa")]
    assert found == ["en", "fr", "es"]
