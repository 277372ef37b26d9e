"""Publication dates printed in the text (bylines, datelines, ledes, footers, captions) and the language
of an article. Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.ingest.cleaning import clean_text
from eventcoder.ingest.language import count_undated_and_non_english, detect_language
from eventcoder.ingest.read import read_inputs
from eventcoder.records import Article

BODY = (
    "Gunmen on motorcycles opened fire on a police checkpoint on the edge of the town on Tuesday, killing "
    "two officers and wounding a third, a district official said.\n\n"
    "The attackers fled towards the hills and a search operation was under way, the official added."
)


def dated(raw: str) -> tuple[dt.date | None, str | None, str]:
    """(publication date, origin, clean text) of a raw text."""
    clean = clean_text(raw)
    return clean.published_at, clean.published_origin, clean.text


@pytest.mark.parametrize(
    ("header", "expected", "origin"),
    [
        ("Amina Yusuf Published March 8, 2024 Updated March 9, 2024 08:00pm", dt.date(2024, 3, 8), "byline"),
        ("Published: 8 March 2024 | Updated: 9 March 2024", dt.date(2024, 3, 8), "byline"),
        ("Posted on June 3, 2022 by the news desk", dt.date(2022, 6, 3), "byline"),
        ("By Tomas Reyes | 12 May 2023", dt.date(2023, 5, 12), "byline"),
        ("By Tomas Reyes - 12th May 2023", dt.date(2023, 5, 12), "byline"),
        ("July 14, 2013|Reuters", dt.date(2013, 7, 14), "dateline"),
        ("Monday, 2 September 2019", dt.date(2019, 9, 2), "header"),
        ("2021-11-04", dt.date(2021, 11, 4), "header"),
        ("By Lena Ortiz March 8, 2024", dt.date(2024, 3, 8), "byline"),
        ("June 4, 2019 / 9:15 AM / 2 years ago", dt.date(2019, 6, 4), "header"),
    ],
)
def test_header_line_forms_give_the_date_and_the_line_is_dropped(header, expected, origin):
    published, found, text = dated(f"Police post attacked in the hills\n\n{header}\n\n{BODY}")
    assert (published, found) == (expected, origin)
    assert header not in text
    assert text.startswith("Police post attacked in the hills\n\nGunmen on motorcycles")


def test_published_byline_wins_over_an_updated_line_above_it():
    raw = f"Checkpoint attacked\n\nLast updated: 9 March 2024\n\nPublished: 7 March 2024\n\n{BODY}"
    assert dated(raw)[:2] == (dt.date(2024, 3, 7), "byline")


def test_an_updated_line_alone_still_dates_the_article():
    assert dated(f"Checkpoint attacked\n\nUpdated March 9, 2024 10:32 AM PKT\n\n{BODY}")[:2] == (
        dt.date(2024, 3, 9),
        "byline",
    )


def test_agency_dateline_with_a_year_keeps_the_lede_text():
    raw = "WASHINGTON, March 3, 2024 (AP) — " + BODY
    published, origin, text = dated(raw)
    assert (published, origin) == (dt.date(2024, 3, 3), "dateline")
    assert text.startswith("WASHINGTON, March 3, 2024 (AP) — Gunmen on motorcycles")


def test_yearless_dateline_takes_the_year_of_a_date_line_in_the_header():
    raw = f"Rebels clash with troops\n\nMarch 3, 2022 | Reuters\n\nKYIV, March 3 (Reuters) - {BODY}"
    published, origin, text = dated(raw)
    assert (published, origin) == (dt.date(2022, 3, 3), "dateline")
    assert "KYIV, March 3 (Reuters) - Gunmen" in text


def test_yearless_dateline_takes_the_first_such_day_after_the_latest_date_the_text_states():
    raw = (
        "Lagos, Feb 10 (AFP) Gunmen attacked a checkpoint on Monday, the police said, weeks after the "
        "governor promised more patrols in a speech in December 2023.\n\nNo group has claimed it."
    )
    assert dated(raw)[:2] == (dt.date(2024, 2, 10), "dateline")


def test_yearless_dateline_without_any_year_stays_undated():
    raw = f"Quetta, Nov 4 (PTI) {BODY}"
    published, origin, text = dated(raw)
    assert published is None and origin is None
    assert text.startswith("Quetta, Nov 4 (PTI) Gunmen")


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("March 25, 2020 – ", dt.date(2020, 3, 25)),
        ("Thursday, January 19, 2023: Jowhar (AX) – ", dt.date(2023, 1, 19)),
        ("12 May 2023 - ", dt.date(2023, 5, 12)),
    ],
)
def test_date_first_lede_cuts_only_the_date(prefix, expected):
    published, origin, text = dated(prefix + BODY)
    assert (published, origin) == (expected, "lede")
    rest = prefix.split(": ", 1)[1] if ": " in prefix else ""
    assert text.startswith(rest + "Gunmen on motorcycles opened fire")


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("March 16, 2018 (TORIT) - ", dt.date(2018, 3, 16)), ("April 3, 14 (BOR) – ", dt.date(2014, 4, 3))],
)
def test_date_first_lede_with_the_place_it_was_filed_from(prefix, expected):
    published, origin, text = dated(prefix + BODY)
    assert (published, origin) == (expected, "lede")
    assert text.startswith("Gunmen on motorcycles opened fire")


def test_a_date_line_just_after_a_long_standfirst_dates_the_article():
    standfirst = (
        "Two officers dead and one hurt after gunmen on motorbikes hit a checkpoint on the edge of the hill "
        "town, a district official says"
    )
    raw = f"Checkpoint attacked\n\n{standfirst}\n\n2 min read\n\n14 August, 2017\n\n{BODY}"
    published, origin, text = dated(raw)
    assert (published, origin) == (dt.date(2017, 8, 14), "header")
    assert "14 August, 2017" not in text


def test_a_caption_before_the_body_that_ends_with_a_date_is_a_last_resort():
    caption = "Officers inspect the burnt checkpoint in Dorvale, where two officers died, May 9, 2016."
    assert dated(f"Checkpoint attacked\n\n{caption}\n\n{BODY}")[:2] == (dt.date(2016, 5, 9), "caption")
    assert dated(f"Checkpoint attacked\n\n{BODY}\n\n{caption}")[:2] == (None, None)


def test_print_edition_footer_dates_an_article_without_a_header_date():
    raw = f"{BODY}\n\nPublished in The Morning Post, June 3rd, 2022"
    published, origin, text = dated(raw)
    assert (published, origin) == (dt.date(2022, 6, 3), "footer")
    assert "Morning Post" not in text


def test_wire_photo_caption_is_the_last_resort():
    caption = "Police officers stand guard in Mosul, Iraq November 14, 2019. REUTERS/Sara Lind"
    published, origin, text = dated(f"Checkpoint attacked in Mosul\n\n{BODY}\n\n{caption}")
    assert (published, origin) == (dt.date(2019, 11, 14), "caption")
    assert caption in text
    assert dated(f"Checkpoint attacked\n\nMay 2, 2021\n\n{BODY}\n\n{caption}")[:2] == (
        dt.date(2021, 5, 2),
        "header",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "On March 3, 2020, militants attacked a checkpoint in the north, killing four soldiers.",
        "March 3, 2020, was the day militants attacked a checkpoint in the north, killing four soldiers.",
        "The ceasefire signed on 12 May 2023 collapsed within weeks, officials said on Friday.",
    ],
)
def test_dates_in_body_sentences_are_not_publication_dates(sentence):
    assert dated(f"Checkpoint attacked\n\n{BODY}\n\n{sentence}")[:2] == (None, None)
    assert dated(f"{sentence}\n\n{BODY}")[:2] == (None, None)


def test_article_records_where_its_date_came_from(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"Checkpoint attacked\n\nBy Tomas Reyes | 12 May 2023\n\n{BODY}")
    (article,) = [r for r in read_inputs(tmp_path) if isinstance(r, Article)]
    assert (article.published_at, article.published_at_origin) == (dt.date(2023, 5, 12), "byline")
    assert article.language == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des hommes armés ont attaqué mardi un poste de police près de la frontière, tuant deux agents, "
            "selon un responsable local.",
            "fr",
        ),
        (
            "هاجم مسلحون يوم الثلاثاء نقطة تفتيش تابعة للشرطة قرب الحدود، "
            "ما أدى إلى مقتل شرطيين، وفق مسؤول محلي.",
            "ar",
        ),
        (
            "Hombres armados atacaron el martes un puesto de policía cerca de la frontera y mataron a dos "
            "agentes, según un funcionario local.",
            "es",
        ),
        (
            "منگل کے روز سرحد کے قریب مسلح افراد نے پولیس کی ایک چوکی پر حملہ کیا "
            "جس میں دو اہلکار ہلاک ہو گئے۔",
            "ur",
        ),
        ("Manifestation à Bamako contre la vie chère", "fr"),
        ("Police fire tear gas at protesters", "en"),
        ("Talks resume in Havana", "en"),
        ("On 8 May 2021, Imbonerakure beat a CNL member in Ruhororo (Ngozi).", "en"),
        (BODY, "en"),
    ],
)
def test_language_of_short_news_texts(text, language):
    assert detect_language(text) == language


ENGLISH_REPORT = (
    "Gunmen attacked a police station in the north of the country on Tuesday and killed three officers, "
    "a spokesman for the regional government said. The attackers fled into the forest after the raid, "
    "which was the third of its kind this month, and residents said they had heard shooting for an hour."
)
OTHER_REPORTS = {
    "de": "Bei einem Angriff auf eine Polizeistation im Norden des Landes sind am Dienstag mindestens drei "
    "Menschen getötet worden, teilte ein Sprecher der Behörden mit. Die Angreifer flohen nach dem "
    "Anschlag in die umliegenden Wälder, sagte er.",
    "pl": "We wtorek co najmniej trzy osoby zginęły w ataku na posterunek policji na północy kraju, "
    "poinformował rzecznik władz. To był najpoważniejszy atak w tym roku, a sprawcy uciekli do lasów.",
    "id": "Sedikitnya tiga orang tewas pada hari Selasa dalam serangan terhadap kantor polisi di wilayah "
    "utara negara itu, kata juru bicara pihak berwenang. Para penyerang melarikan diri ke hutan.",
    "nl": "Bij een aanval op een politiebureau in het noorden van het land zijn dinsdag ten minste drie "
    "mensen om het leven gekomen, zo meldde een woordvoerder. De aanvallers vluchtten naar de bossen.",
}


def test_plain_english_prose_is_english_without_the_model(monkeypatch):
    from eventcoder.ingest import language

    assert language.plainly_english(ENGLISH_REPORT)
    monkeypatch.setattr(language, "identifier", lambda: pytest.fail("the model was asked"))
    assert detect_language(ENGLISH_REPORT) == "en"


@pytest.mark.parametrize("code", sorted(OTHER_REPORTS))
def test_other_languages_are_left_to_the_model(code):
    from eventcoder.ingest.language import plainly_english

    assert not plainly_english(OTHER_REPORTS[code])
    assert detect_language(OTHER_REPORTS[code]) == code


def test_a_short_english_text_is_left_to_the_model():
    from eventcoder.ingest.language import plainly_english

    assert not plainly_english("Police fire tear gas at protesters in the capital")


def test_too_little_text_has_no_language():
    assert detect_language("12 345 — 6") is None
    assert detect_language("Kabul") is None


def test_non_english_article_is_read_with_its_language(tmp_path: Path):
    (tmp_path / "fr.txt").write_text(
        "Attaque contre un poste de police\n\nDes hommes armés ont attaqué mardi un poste de police près de "
        "la frontière, tuant deux agents, a indiqué un responsable local. Les assaillants ont pris la fuite.",
        encoding="utf-8",
    )
    (article,) = [r for r in read_inputs(tmp_path) if isinstance(r, Article)]
    assert article.language == "fr"


def test_counts_of_undated_and_non_english_articles():
    def article(name, published, language):
        return Article(name, "txt", name, "0" * 64, published_at=published, language=language)

    counts = count_undated_and_non_english(
        [
            article("a", dt.date(2024, 1, 1), "en"),
            article("b", None, "en"),
            article("c", None, "fr"),
            article("d", dt.date(2024, 1, 2), "ar"),
            article("e", None, None),
        ]
    )
    assert (counts.articles, counts.undated, counts.non_english) == (5, 3, 2)


def html_page(head: str, body: str) -> str:
    """A small news page."""
    return (
        f"<html><head><title>Checkpoint attacked</title>{head}</head><body><article>"
        f"<h1>Checkpoint attacked</h1>{body}</article></body></html>"
    )


PROSE = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))


@pytest.mark.parametrize(
    ("name", "page", "expected", "origin"),
    [
        (
            "meta",
            html_page('<meta property="article:published_time" content="2024-03-08T10:00:00Z">', PROSE),
            dt.date(2024, 3, 8),
            "html",
        ),
        (
            "jsonld",
            html_page(
                '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
                '"2023-05-12T08:00:00+05:00", "dateModified": "2023-05-14T08:00:00+05:00"}</script>',
                PROSE,
            ),
            dt.date(2023, 5, 12),
            "html",
        ),
        (
            "lede",
            html_page("", "<p>March 25, 2020 – " + BODY.split("\n\n")[0] + "</p>"),
            dt.date(2020, 3, 25),
            "lede",
        ),
        (
            "body",
            html_page(
                "",
                "<p>On March 3, 2020, militants attacked a checkpoint in the north, killing four soldiers, "
                "officials said in a statement to reporters in the capital.</p>" + PROSE,
            ),
            None,
            None,
        ),
    ],
)
def test_html_date_from_page_metadata_or_the_text_never_from_a_body_sentence(
    tmp_path: Path, name, page, expected, origin
):
    (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    (article,) = [r for r in read_inputs(tmp_path) if isinstance(r, Article)]
    assert (article.published_at, article.published_at_origin) == (expected, origin)


def test_numbered_junk_around_an_english_story_does_not_change_its_language():
    from eventcoder.ingest.language import detect_language

    story = "Gunmen attacked a police post near the border on Tuesday, killing two officers, police said."
    assert detect_language(" ".join(f"word{i}" for i in range(8_000)) + " " + story) == "en"
    assert detect_language("\n".join(f"note {i}" for i in range(2_500)) + "\n" + story) == "en"


def test_the_dateline_that_opens_a_paragraph_is_measured() -> None:
    from eventcoder.ingest.published import dateline_end

    for text, dateline in [
        ("KYIV, March 3 (Reuters) - Russia said", "KYIV, March 3 (Reuters) -"),
        ("Nairobi [Kenya], March 4 (ANI): The army", "Nairobi [Kenya], March 4 (ANI):"),
        ("PESHAWAR, Pakistan -- Attackers", "PESHAWAR, Pakistan --"),
        ("KABUL (AP) — A bomb", "KABUL (AP) —"),
        ("Officials said: the attack", ""),
        ("The army said on Monday", ""),
    ]:
        assert text[: dateline_end(text)] == dateline
