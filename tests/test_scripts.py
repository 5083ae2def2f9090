"""Russian, Chinese and Arabic text (issue 10): normalising their script details, and paragraphs.

The resolution texts below are written by hand on the model of adopted texts in each language
(sources named in leads.ru.toml, leads.zh.toml and leads.ar.toml): the enacting formula, the
preambular paragraphs with their openers, the numbered operative paragraphs ("1. постановляет",
"1. 决定", Arabic "1 - تقرر") and their lettered items. Expected values are read off the texts.
"""

from __future__ import annotations

import pytest

import resolex
from resolex.normalize import normalize_html, normalize_text

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
