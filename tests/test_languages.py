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
from tests.conftest import CORPUS

Row = tuple[str, str, str | None, tuple[str, ...]]


def _found(text: str) -> list[Row]:
    mentions = detector_for(Catalogue.default()).find(text, [])
    return [_row(text, m) for m in mentions]


def _row(text: str, m: Mention) -> Row:
    named = m.resolution.number if m.resolution else (m.name if m.form != "self" else None)
    pins = tuple(p.paragraph + (p.subparagraph or "") + (p.item or "") for p in m.pinpoints)
    return (text[m.span.start : m.span.end], m.form, named, pins)


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


def test_tables_meet_the_bar() -> None:
    """Issue 10: at least 30 phrasings and 15 negatives per language."""
    for table, negatives in ((FRENCH, FRENCH_NEGATIVE), (SPANISH, SPANISH_NEGATIVE)):
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
