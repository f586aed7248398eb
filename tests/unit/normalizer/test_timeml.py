from pathlib import Path

from services.normalizer.annotate import annotate_folder
from services.normalizer.timeml import Timex, parse_text, read_document, render_text

DOCUMENT = "\n".join(
    [
        '<?xml version="1.0" ?>',
        "<TimeML>",
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-15">20251215</TIMEX3></DCT>',
        "<TEXT>",
        'Smith &amp; Sons <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE"'
        ' value="2025-12-12">Friday</TIMEX3> that profit &lt;rose&gt; in'
        ' <TIMEX3 tid="t2" type="DATE" value="2024">2024</TIMEX3>.',
        "</TEXT>",
        "</TimeML>",
        "",
    ]
)


def test_parse_text_unescapes_and_strips_tags() -> None:
    text, timexes = parse_text(DOCUMENT.split("<TEXT>")[1].split("</TEXT>", maxsplit=1)[0])
    assert text == "\nSmith & Sons said Friday that profit <rose> in 2024.\n"
    assert [(text[t.start : t.end], t.value) for t in timexes] == [
        ("Friday", "2025-12-12"),
        ("2024", "2024"),
    ]


def test_render_keeps_the_plain_text_identical() -> None:
    text = "A & B <c> on Friday."
    start = text.index("Friday")
    rendered = render_text(text, [Timex(start, start + 6, "Friday", "DATE", "2025-12-12")])
    assert (
        rendered
        == 'A &amp; B &lt;c&gt; on <TIMEX3 tid="t1" type="DATE" value="2025-12-12">Friday</TIMEX3>.'
    )
    assert parse_text(rendered)[0] == text


def test_annotate_folder_writes_our_tags_over_the_same_text(tmp_path: Path) -> None:
    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "doc.tml").write_text(DOCUMENT, encoding="utf-8")
    assert annotate_folder(source, target) == 1
    gold, ours = read_document(source / "doc.tml"), read_document(target / "doc.tml")
    assert ours.text == gold.text
    assert [(t.text, t.value) for t in ours.timexes] == [("Friday", "2025-12-12"), ("2024", "2024")]
