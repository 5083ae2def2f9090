"""Russian, Chinese and Arabic text (issue 10): normalising their script details, and paragraphs.

The resolution texts below are written by hand on the model of adopted texts in each language
(sources named in leads.ru.toml, leads.zh.toml and leads.ar.toml): the enacting formula, the
preambular paragraphs with their openers, the numbered operative paragraphs ("1. постановляет",
"1. 决定", Arabic "1 - تقرر") and their lettered items. Expected values are read off the texts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolex
from resolex.detect import detector_for
from resolex.normalize import normalize_html, normalize_text
from tests import test_languages as tables
from tests.test_properties import check_spans

RUSSIAN = """Генеральная Ассамблея,

ссылаясь на свои резолюции 56/183 от 21 декабря 2001 года и 60/252 от 27 марта 2006 года,

принимая во внимание пункт 72 Тунисской программы для информационного общества,

вновь подтверждая значение многостороннего подхода к управлению использованием
интернета, признавая роль всех заинтересованных сторон,

рассмотрев доклад Генерального секретаря,

1. приветствует доклад Генерального секретаря;

2. вновь подтверждает пункты 67–72 Тунисской программы;

3. просит также Генерального секретаря представить доклад:

a) о ходе осуществления настоящей резолюции;

b) о работе Форума;

4. постановляет включить в предварительную повестку дня своей шестьдесят пятой сессии пункт,
озаглавленный «Информационно-коммуникационные технологии в целях развития».
"""

# Full-width punctuation as Chinese text is typed: "，", "；", "（a）", "："; no space after "2.".
CHINESE = """大会，

回顾其2006年3月27日第60/252号决议，

又回顾《信息社会突尼斯议程》第67至72段，

审议了秘书长的报告，

1. 赞赏地注意到秘书长的报告；

2.又决定延长互联网治理论坛的任务期限；

3. 请秘书长向大会第六十五届会议提交报告，说明：

（a）论坛的工作；

（b）各利益攸关方的参与；

4. 决定将题为“信息和通信技术促进发展”的项目列入大会第六十五届会议临时议程。
"""

ARABIC = """إن الجمعية العامة،

إذ تشير إلى قراراتها 56/183 المؤرخ 21 كانون الأول/ديسمبر 2001 و 60/252 المؤرخ 27 آذار/مارس 2006،

وإذ تشير أيضا إلى الفقرة 72 من برنامج عمل تونس لمجتمع المعلومات،

وإذ تعيد تأكيد الالتزامات الواردة في إعلان مبادئ جنيف،

وقد نظرت في تقرير الأمين العام،

1 - تؤكد مجددا الفقرات 67 إلى 72 من برنامج عمل تونس؛

2 - تقرر أيضا تمديد ولاية منتدى إدارة الإنترنت؛

3 - تطلب إلى الأمين العام أن يقدم إليها في دورتها الخامسة والستين تقريرا عن تنفيذ هذا القرار؛

4 - تقرر أن تدرج في جدول الأعمال المؤقت لدورتها الخامسة والستين البند المعنون "تسخير تكنولوجيا المعلومات والاتصالات لأغراض التنمية".
"""

Structure = list[tuple[str, str | None, str, tuple[str, ...]]]


def structure(doc: resolex.Document) -> Structure:
    return [(p.id, p.number, p.lead, tuple(s.label for s in p.subparagraphs)) for p in doc.paragraphs]


def test_russian_resolution() -> None:
    doc = resolex.extract(RUSSIAN)
    assert doc.enacting_body == "General Assembly"
    assert structure(doc) == [
        ("preamble__p_1", None, "ссылаясь", ()),
        ("preamble__p_2", None, "принимая во внимание", ()),
        ("preamble__p_3", None, "вновь подтверждая", ()),  # "признавая" inside it opens no paragraph
        ("preamble__p_4", None, "рассмотрев", ()),
        ("para_1", "1", "приветствует", ()),
        ("para_2", "2", "вновь подтверждает", ()),
        ("para_3", "3", "просит также", ("a", "b")),
        ("para_4", "4", "постановляет", ()),
    ]
    assert [p.kind for p in doc.paragraphs] == ["preambular"] * 4 + ["operative"] * 4
    assert doc.paragraphs[7].text.endswith("«Информационно-коммуникационные технологии в целях развития».")


def test_chinese_resolution() -> None:
    doc = resolex.extract(CHINESE)
    assert doc.enacting_body == "General Assembly"
    assert structure(doc) == [
        ("preamble__p_1", None, "回顾", ()),
        ("preamble__p_2", None, "又回顾", ()),
        ("preamble__p_3", None, "审议了", ()),
        ("para_1", "1", "赞赏地注意到", ()),
        ("para_2", "2", "又决定", ()),
        ("para_3", "3", "请", ("a", "b")),
        ("para_4", "4", "决定", ()),
    ]
    # full-width forms read as ASCII, one character for one: the spans still slice the text
    assert doc.paragraphs[5].subparagraphs[0].text == "(a)论坛的工作;"
    assert doc.source is not None
    start, end = doc.source_span(doc.paragraphs[5].subparagraphs[0].span)
    assert doc.source.raw[start:end] == "（a）论坛的工作；"


def test_arabic_resolution() -> None:
    doc = resolex.extract(ARABIC)
    assert doc.enacting_body == "General Assembly"
    assert structure(doc) == [
        ("preamble__p_1", None, "إذ تشير", ()),
        ("preamble__p_2", None, "وإذ تشير أيضا", ()),
        ("preamble__p_3", None, "وإذ تعيد تأكيد", ()),
        ("preamble__p_4", None, "وقد نظرت", ()),
        ("para_1", "1", "تؤكد مجددا", ()),
        ("para_2", "2", "تقرر أيضا", ()),
        ("para_3", "3", "تطلب", ()),
        ("para_4", "4", "تقرر", ()),
    ]
    assert doc.paragraphs[4].text == "1 - تؤكد مجددا الفقرات 67 إلى 72 من برنامج عمل تونس;"


def test_arabic_with_indic_digits_direction_marks_and_tatweel() -> None:
    """Arabic-Indic digits, an en dash, RLM marks around numbers, tatweel: the same paragraphs."""
    raw = ARABIC.replace("1 - ", "\u0661 \u2013 ").replace("2 - ", "\u200f٢ - ").replace("جنيف", "جنيـف")
    raw = raw.replace("72 من", "\u200f72\u200f من")
    doc = resolex.extract(raw)
    assert structure(doc) == structure(resolex.extract(ARABIC))
    assert doc.source is not None
    first = doc.paragraphs[4]
    start, end = doc.source_span(first.span)
    assert first.text.startswith("1 - تؤكد مجددا")
    assert doc.source.raw[start:end].startswith("\u0661 \u2013 تؤكد مجددا")
    assert doc.source.raw[start:end].endswith("من برنامج عمل تونس؛")


def test_arabic_in_word_html() -> None:
    html = (
        "<html><body>"
        + "".join(f"<p dir=rtl>{block}</p>" for block in ARABIC.split("\n\n"))
        + "</body></html>"
    )
    doc = resolex.extract(html)
    assert structure(doc) == structure(resolex.extract(ARABIC))


ARABIC_ITEMS = """إن الجمعية العامة،

1 - تطلب إلى الأمين العام أن يقدم تقريرا يتناول ما يلي:

(أ) عمل المنتدى؛

(ب) مشاركة جميع أصحاب المصلحة؛

(ج) تنفيذ هذا القرار؛

2 - تقرر أن تواصل النظر في المسألة: (أ) في دورتها المقبلة؛ (ب) في إطار البند المعنون؛
"""


def test_arabic_items_are_lettered_in_the_order_of_the_abjad() -> None:
    """(أ), (ب), (ج) are items (a), (b), (c), on their own lines or inline: the ids of every language."""
    doc = resolex.extract(ARABIC_ITEMS)
    assert structure(doc) == [("para_1", "1", "تطلب", ("a", "b", "c")), ("para_2", "2", "تقرر", ("a", "b"))]
    first = doc.paragraphs[0].subparagraphs[1]
    assert (first.id, first.text) == ("para_1__subpara_b", "(ب) مشاركة جميع أصحاب المصلحة;")
    assert doc.paragraphs[1].subparagraphs[1].text == "(ب) في إطار البند المعنون;"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("الفقرة \u200f35\u200f من", "الفقرة 35 من"),  # right-to-left marks around a number
        ("\u202bالفقرة 35\u202c", "الفقرة 35"),  # an embedding
        ("\u2067A/RES/60/252\u2069،", "A/RES/60/252,"),  # an isolate around a symbol; the Arabic comma
        ("الفقرتان 3، 4؛", "الفقرتان 3, 4;"),  # Arabic comma and semicolon
        ("إعلان مبادئ جنيـف", "إعلان مبادئ جنيف"),  # tatweel
        ("الفقرة ٣٥", "الفقرة 35"),  # Arabic-Indic digits
        ("第３５段（ｂ）", "第35段(b)"),  # full-width digits, letters and parentheses
        ("第4、5和55段。", "第4、5和55段。"),  # the ideographic comma and full stop stay
    ],
)
def test_script_details_normalise_with_exact_offsets(raw: str, text: str) -> None:
    """Every character of the output maps to the one character it was read from."""
    for source, norm in ((raw, normalize_text(raw)), (f"<p>{raw}</p>", normalize_html(f"<p>{raw}</p>"))):
        assert norm.text == text
        for pos, ch in enumerate(norm.text):
            start, end = norm.offsets.span(pos, pos + 1)
            assert end - start == 1, (source, pos)
            assert source[start] == ch or (source[start], ch) in _ONE_FOR_ONE, (source, pos)


_ONE_FOR_ONE = {
    ("\u060c", ","),
    ("\u061b", ";"),
    *((chr(0x0660 + d), str(d)) for d in range(10)),
    *((chr(0xFF10 + d), str(d)) for d in range(10)),
    ("\uff08", "("),
    ("\uff09", ")"),
    ("\uff42", "b"),
}


# --- what the references resolve to -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "document_id", "symbol", "pins"),
    [
        ("принимая во внимание пункт 35 Тунисской программы", "tunis-agenda", None, ["35"]),
        ("пунктах 3 и 4 Тунисской программы для информационного общества", "tunis-agenda", None, ["3", "4"]),
        ("回顾《突尼斯议程》第35段", "tunis-agenda", None, ["35"]),
        ("《信息社会突尼斯议程》1 第111段", "tunis-agenda", None, ["111"]),
        ("الفقرة 35 من برنامج عمل تونس", "tunis-agenda", None, ["35"]),
        ("وإذ تشير إلى الفقرة 72 من برنامج عمل تونس لمجتمع المعلومات", "tunis-agenda", None, ["72"]),
        ("ссылаясь на свою резолюцию 60/252 от 27 марта 2006 года", "ga-60-252", "A/RES/60/252", []),
        ("回顾其2006年3月27日第60/252号决议", "ga-60-252", "A/RES/60/252", []),
        ("إذ تشير إلى قرارها 60/252 المؤرخ 27 آذار/مارس 2006", "ga-60-252", "A/RES/60/252", []),
        ("قرارها 57/270 باء المؤرخ 23 حزيران/يونيه 2003", None, "A/RES/57/270 B", []),
        ("القرار 217 ألف (د - 3)", "udhr", None, []),
        ("резолюцией 217 А (III) Генеральной Ассамблеи", "udhr", None, []),
        ("安全理事会第1325(2000)号决议", None, "S/RES/1325 (2000)", []),
        ("المادة ١٩ من الإعلان العالمي لحقوق الإنسان", "udhr", None, ["19"]),  # Arabic-Indic digits
        ("《世界人权宣言》第十九条", "udhr", None, ["19"]),
        ("按照《联合国宪章》第四条第二项的规定", "un-charter", None, ["4 (2)"]),
        ("статья 19 Всеобщей декларации прав человека", "udhr", None, ["19"]),
        ("пункта 1 статьи 11 Устава Организации Объединенных Наций", "un-charter", None, ["11 (1)"]),
        ("الفقرة 4 من المادة 2 من الميثاق", "un-charter", None, ["2 (4)"]),
    ],
)
def test_references_resolve_to_the_catalogue(
    text: str, document_id: str | None, symbol: str | None, pins: list[str]
) -> None:
    doc = resolex.extract(text)
    [ref] = doc.references
    assert ref.document is not None
    if document_id is not None:
        assert ref.document.id == document_id
    if symbol is not None:
        assert ref.document.symbol == symbol
    assert [str(p) for p in ref.pinpoints] == pins


def test_references_in_the_resolution_texts() -> None:
    """Each text's references, read off the texts above by hand."""
    ru = resolex.extract(RUSSIAN)
    assert [(r.text, r.paragraph_id) for r in ru.references] == [
        ("свои резолюции 56/183 от 21 декабря 2001 года", "preamble__p_1"),
        ("60/252 от 27 марта 2006 года", "preamble__p_1"),
        ("пункт 72 Тунисской программы для информационного общества", "preamble__p_2"),
        ("пункты 67-72 Тунисской программы", "para_2"),  # Document.text has the dash as "-"
        ("настоящей резолюции", "para_3"),
    ]
    assert [r.document.id if r.document else None for r in ru.references] == [
        "ga-56-183", "ga-60-252", "tunis-agenda", "tunis-agenda", None,
    ]  # fmt: skip
    zh = resolex.extract(CHINESE)
    assert [(r.text, r.paragraph_id) for r in zh.references] == [
        ("其2006年3月27日第60/252号决议", "preamble__p_1"),
        ("《信息社会突尼斯议程》第67至72段", "preamble__p_2"),
    ]
    assert [str(p) for p in zh.references[1].pinpoints] == ["67", "68", "69", "70", "71", "72"]
    ar = resolex.extract(ARABIC)
    assert [(r.text, r.paragraph_id) for r in ar.references] == [
        ("قراراتها 56/183 المؤرخ 21 كانون الأول/ديسمبر 2001", "preamble__p_1"),
        ("60/252 المؤرخ 27 آذار/مارس 2006", "preamble__p_1"),
        ("الفقرة 72 من برنامج عمل تونس لمجتمع المعلومات", "preamble__p_2"),
        ("إعلان مبادئ جنيف", "preamble__p_3"),
        ("الفقرات 67 إلى 72 من برنامج عمل تونس", "para_1"),
        ("هذا القرار", "para_3"),
    ]


# --- mixed-language mail --------------------------------------------------------------

MIXED = """Dear colleagues,

As discussed, the French text of the resolution is below; see in particular paragraph 35 of
the Tunis Agenda, which paragraph 2 quotes.

> L'Assemblée générale,
>
> Rappelant sa résolution 60/252 du 27 mars 2006,
>
> 1. Prie le Secrétaire général de faire rapport;
>
> 2. Réaffirme le paragraphe 35 de l'Agenda de Tunis;

Best regards,
Anna
"""


def test_mixed_language_mail() -> None:
    """An English reply quoting a French resolution: every paragraph and reference of both,
    the mail's language from its own text, each quoted paragraph's from its own."""
    doc = resolex.extract(MIXED)
    assert doc.language == "en"
    assert [(p.id, p.language, p.quote_depth) for p in doc.paragraphs] == [
        ("preamble__p_1", "fr", 1),
        ("para_1", "fr", 1),
        ("para_2", "fr", 1),
    ]
    found = [
        (r.text.replace("\n", " "), r.document.id if r.document else None, r.quote_depth)
        for r in doc.references
    ]
    assert found == [
        ("paragraph 35 of the Tunis Agenda", "tunis-agenda", 0),
        ("paragraph 2", None, 0),
        ("sa résolution 60/252 du 27 mars 2006", "ga-60-252", 1),
        ("paragraphe 35 de l'Agenda de Tunis", "tunis-agenda", 1),
    ]
    assert resolex.Document.model_validate_json(doc.model_dump_json()) == doc


@pytest.mark.parametrize(
    ("text", "language"),
    [(RUSSIAN, "ru"), (CHINESE, "zh"), (ARABIC, "ar")],
    ids=["ru", "zh", "ar"],
)
def test_each_paragraph_has_its_language(text: str, language: str) -> None:
    doc = resolex.extract(text)
    assert doc.language == language
    assert {p.language for p in doc.paragraphs} == {language}


def test_a_resolution_quoting_another_language() -> None:
    """A Russian paragraph quoted inside an English text keeps "ru"; an override names the document's."""
    text = "The General Assembly,\n\nRecalling its resolution 60/252,\n\n1. постановляет продлить мандат Форума;\n\n2. Requests the Secretary-General to report."
    doc = resolex.extract(text)
    assert [(p.number, p.language) for p in doc.paragraphs] == [(None, "en"), ("1", "ru"), ("2", "en")]
    assert resolex.extract(text, language="fr").language == "fr"


# --- the anchored scan finds what a full scan finds, in every script ---------------------


def _spans(text: str, *, full: bool) -> list[tuple[int, int, str]]:
    detector = detector_for(resolex.Catalogue.default())
    return [(m.span.start, m.span.end, m.form) for m in detector.find(text, [], full_scan=full)]


def _language_table_texts() -> list[str]:
    rows = [t for t, _ in (*tables.RUSSIAN, *tables.CHINESE, *tables.ARABIC)]
    negatives = [*tables.RUSSIAN_NEGATIVE, *tables.CHINESE_NEGATIVE, *tables.ARABIC_NEGATIVE]
    return [normalize_text(t).text for t in (*rows, *negatives, RUSSIAN, CHINESE, ARABIC, MIXED)]


def test_anchored_scan_equals_full_scan_in_russian_chinese_and_arabic() -> None:
    for text in _language_table_texts():
        for variant in (text, f"x {text} y", f"（{text}）", f"ووو {text}", f"回顾{text}。"):
            assert _spans(variant, full=False) == _spans(variant, full=True), variant


SCRIPT_WORDS = st.sampled_from(
    [
        # Russian
        "пункт", "пункта", "пунктах", "пункты", "35", "67–72", "Тунисской", "программы", "для",
        "информационного", "общества", "резолюции", "свою", "резолюцию", "60/252", "от", "27",
        "марта", "2006", "года", "и", "статьи", "Устава", "настоящей", "выше", "повестки", "дня",
        # Chinese
        "第", "段", "第35段", "《", "》", "突尼斯议程", "信息社会突尼斯议程", "其", "号决议", "号决定",
        "60/252", "、", "和", "至", "本决议", "上文", "大会", "2006年3月27日", "的", "第十九条",
        # Arabic
        "الفقرة", "والفقرة", "بالفقرة", "للفقرة", "الفقرات", "من", "برنامج", "عمل", "تونس", "إلى",
        "و", "و4", "قرارها", "القرار", "المؤرخ", "آذار/مارس", "باء", "ألف", "(د - 3)", "المادة",
        "الإعلان", "العالمي", "لحقوق", "الإنسان", "أعلاه", "هذا", "(ب)", "\u200f", "،", "؛",
        # English, French, Spanish between them
        "paragraph", "of", "the", "Tunis", "Agenda", "resolution", "la", "résolution", "párrafo",
        "\n", "1.", "1 -",
    ]
)  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SCRIPT_WORDS, max_size=30), st.sampled_from([" ", ""]))
def test_anchored_scan_equals_full_scan_on_generated_text_in_three_scripts(
    words: list[str], sep: str
) -> None:
    text = normalize_text(sep.join(words)).text  # Chinese is written without spaces
    assert _spans(text, full=False) == _spans(text, full=True)


# --- the contract, on text in all six scripts ------------------------------------------

SIX_SCRIPTS = st.sampled_from(
    [
        "The General Assembly,\n", "Recalling its resolution 60/252,\n", " paragraph 35 of the Tunis Agenda",
        "L'Assemblée générale,\n", "Rappelant sa résolution 60/252 du 27 mars 2006,\n", " le paragraphe 35 de l’Agenda de Tunis",
        "La Asamblea General,\n", "Recordando su resolución 77/247, de 30 de diciembre de 2022,\n", " los párrafos 67 a 72",
        "Генеральная Ассамблея,\n", "ссылаясь на свою резолюцию 60/252 от 27 марта 2006 года,\n",
        "1. постановляет ", " пунктах 3 и 4 Тунисской программы", " пункты 67–72", " статьи 11 Устава",
        "大会，\n", "回顾其2006年3月27日第60/252号决议，\n", "1. 决定", "《突尼斯议程》第35段", "第67至72段",
        "（a）", "、", "。", "第十九条",
        "إن الجمعية العامة،\n", "إذ تشير إلى قرارها 60/252 المؤرخ 27 آذار/مارس 2006،\n", "1 - تقرر ",
        "والفقرة 35 من برنامج عمل تونس", "الفقرات 67 إلى 72", "٣٥", "\u200f", "\u202b", "\u202c", "ـ", "؛",
        "\n\n", "> ", "<p>", "</p>", "&nbsp;", "; ", ", ",
    ]
)  # fmt: skip
SCRIPT_TEXT = st.lists(
    st.one_of(
        SIX_SCRIPTS,
        st.text(alphabet=st.characters(min_codepoint=0x0400, max_codepoint=0x04FF), max_size=8),
        st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=8),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=8),
        st.text(alphabet=st.sampled_from("《》（）、。，；：0123456789第段号决议条"), max_size=8),
        st.text(max_size=8),
    ),
    max_size=30,
).map("".join)
PROFILE = settings(
    max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROFILE
@given(SCRIPT_TEXT, st.sampled_from(["auto", "text", "html"]))
def test_any_text_in_six_scripts_gives_a_document_with_exact_spans(text: str, fmt: str) -> None:
    doc = resolex.extract(text, format=fmt)  # type: ignore[arg-type]
    check_spans(doc)
    assert doc.language in ("en", "fr", "es", "ru", "zh", "ar")
    assert all(p.language in ("en", "fr", "es", "ru", "zh", "ar") for p in doc.paragraphs)
    assert doc.source is not None
    for r in doc.references:
        start, end = doc.source_span(r.span)
        assert 0 <= start <= end <= len(doc.source.raw)


@PROFILE
@given(SCRIPT_TEXT)
def test_json_round_trip_in_six_scripts(text: str) -> None:
    doc = resolex.extract(text)
    assert resolex.Document.model_validate_json(doc.model_dump_json()) == doc
