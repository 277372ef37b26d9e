"""Turn a scraped text into article text: strip page furniture, find the headline and the date line.

Furniture goes in two passes: line patterns from `data/furniture.tsv` (share buttons,
"Related Posts", comment prompts), then, for texts that carry blocks of menu-like short
lines, jusText's paragraph classifier (the boilerplate remover trafilatura falls back on),
which keeps the paragraphs that read like prose and the short lines between them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from functools import cache

from eventcoder.config import INGEST_DATA_DIR
from eventcoder.ingest.published import TextDate, find_text_date, header_line_date, word_count

_HEADER_LINES = 40  # where a date line may sit (after furniture is gone)
_BODY_WORDS = 20  # a line this long is body text
LINK_WORDS = 4  # a bulleted line this long after a dropped one is a linked headline, not a menu item
JUSTEXT_LENGTH_HIGH = 120  # jusText's default (200 characters) drops short wire paragraphs
JUSTEXT_MAX_LINES = 2_000  # jusText takes quadratic time in short lines: 40,000 of them take minutes
_SENTENCE_END = re.compile(r"[.!;:]['\"”’)]*$")


@dataclass(frozen=True)
class FurnitureRule:
    """One furniture pattern: drop a line, or cut the rest of the text."""

    action: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CleanText:
    """Article text with its headline and the publication date its header printed."""

    text: str
    title: str | None
    published_at: dt.date | None
    published_origin: str | None = None  # where the text printed it (published.TEXT_DATE_ORIGINS)


BULLETS = "•·|-–—*> "  # list markers stripped before a furniture pattern is matched
SENTENCE_STOPS = (".", "!", "?", '"', "”", "’")


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """Rules from data/furniture.tsv."""
    rules = []
    for line in (INGEST_DATA_DIR / "furniture.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        action, regex = line.split("\t", 1)
        rules.append(FurnitureRule(action, re.compile(rf"(?:{regex})", re.I)))
    return tuple(rules)


def furniture_version() -> str:
    """Version written in the furniture file's header."""
    head = (INGEST_DATA_DIR / "furniture.tsv").read_text(encoding="utf-8").splitlines()[0]
    return head.rsplit("version", 1)[-1].strip()


def apply_furniture_rules(lines: list[str]) -> list[str]:
    """Drop furniture lines; cut at an end-of-article marker that follows body text."""
    kept: list[str] = []
    seen_body = False
    in_list = False  # the lines after a dropped one that are bulleted links of the same list
    for line in lines:
        stripped = line.strip().strip(BULLETS).strip()
        if not stripped:
            kept.append(line)
            continue
        rule = next((r for r in furniture_rules() if r.pattern.fullmatch(stripped)), None)
        if rule is not None:
            if rule.action == "cut" and seen_body:
                break
            in_list = True
            continue
        if in_list and bulleted_link(line):  # "Also read: A" then "| B": B is the list's next link
            continue
        in_list = False
        seen_body = seen_body or word_count(line) >= _BODY_WORDS
        kept.append(line)
    return kept


def bulleted_link(line: str) -> bool:
    """A headline opening with a bullet and ending without a sentence stop: an item of a list of links
    (a menu's one- or two-word items are left to the menu filter)."""
    text = line.strip()
    headline = word_count(text) >= LINK_WORDS and not text.rstrip(BULLETS).endswith(SENTENCE_STOPS)
    return text[:1] in BULLETS.strip() and headline


def looks_menu_like(lines: list[str]) -> bool:
    """True when a text carries many short lines, as a page with menus does (at most JUSTEXT_MAX_LINES)."""
    nonempty = [ln for ln in lines if ln.strip()]
    short = sum(1 for ln in nonempty if word_count(ln) <= 4)
    return 15 <= len(nonempty) <= JUSTEXT_MAX_LINES and short >= 10 and short >= 0.3 * len(nonempty)


def justext_filter(lines: list[str]) -> list[str]:
    """Keep the lines jusText classifies as content (prose and the headings between it)."""
    import justext  # imported here: it pulls lxml, only needed for scraped pages

    nonempty = [ln.strip() for ln in lines if ln.strip()]
    page = "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in nonempty) + "</body></html>"
    paragraphs = justext.justext(
        page, justext.get_stoplist("English"), length_high=JUSTEXT_LENGTH_HIGH, no_headings=False
    )
    kept = [p.text for p in paragraphs if p.class_type == "good"]
    if not kept:
        kept = [p.text for p in paragraphs if p.cf_class in ("good", "neargood")]
    return kept if kept else lines


def header_lines(lines: list[str]) -> list[str]:
    """Headline and date lines just before the first body paragraph (kept even if jusText drops them)."""
    nonempty = [ln.strip() for ln in lines if ln.strip()]
    body = next((i for i, ln in enumerate(nonempty) if word_count(ln) >= _BODY_WORDS), len(nonempty))
    window = nonempty[max(0, body - 8) : body]
    return [
        ln
        for ln in window
        if header_line_date(ln, 0) is not None
        or (reads_like_headline(ln) and word_count(ln) >= 5 and ln[0].isalnum())
    ]


def drop_repeats(lines: list[str]) -> list[str]:
    """Drop exact repeats of earlier short lines (a headline printed twice, menus repeated)."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = " ".join(line.split()).casefold()
        if key and word_count(line) <= 40:
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return kept


def header_end(lines: list[str]) -> int:
    """Index of the lede (the first body line) or, in a text without one, of the last header line."""
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if word_count(line) >= _BODY_WORDS:
            return i
    return min(len(lines), _HEADER_LINES) - 1


def find_date_line(lines: list[str]) -> TextDate | None:
    """The publication date the header (or a print-edition footer or photo caption) prints."""
    return find_text_date(lines, header_end(lines)) if lines else None


def remove_date(lines: list[str], found: TextDate) -> list[str]:
    """The lines without the date's line (a date or byline line) or without the date that starts the lede."""
    if found.cut < 0:
        return lines[: found.line] + lines[found.line + 1 :]
    if found.cut > 0:
        rest = lines[found.line][found.cut :].strip()
        return lines[: found.line] + ([rest] if rest else []) + lines[found.line + 1 :]
    return lines


def reads_like_headline(line: str) -> bool:
    """Short, and no closing full stop: a headline, not a lede (docs/GUIDELINES.md)."""
    words = word_count(line)
    return 2 <= words <= 25 and not _SENTENCE_END.search(line.strip())


WRAPPED_LINE_CHARS = 30  # a line this long that the next continues in lower case was wrapped by hand


@cache
def open_line_words() -> frozenset[str]:
    """Words a line of prose cannot end on (data/open_line_words.txt)."""
    text = (INGEST_DATA_DIR / "open_line_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def unwrap_lines(lines: list[str]) -> list[str]:
    """Hard-wrapped paragraphs joined back ("... Democratic Republic of Congo's" / "government troops
    fought ..."): a line the next one continues in lower case (or with a bracket, mid-sentence), or one
    that ends on a word no line of prose ends on ("between the"), no blank line between, is one line
    with the next. Short lines (menus, lists) are left alone."""
    out: list[str] = []
    for line in lines:
        text = line.strip()
        prev = out[-1] if out else ""
        words = prev.split()
        bracket = text[:1] == "(" and not prev.rstrip().endswith(SENTENCE_STOPS)  # not "(Reporting by ...)"
        open_end = bool(words) and words[-1].lower() in open_line_words()
        if text and len(prev.strip()) >= WRAPPED_LINE_CHARS and (text[0].islower() or bracket or open_end):
            out[-1] = f"{prev.rstrip()} {text}"
        else:
            out.append(line)
    return out


def clean_text(raw: str) -> CleanText:
    """Article text from raw text: furniture stripped, date line removed, headline found."""
    lines = [ln.rstrip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = unwrap_lines(lines)
    lines = apply_furniture_rules(lines)
    if looks_menu_like(lines):
        header = header_lines(lines)
        kept = justext_filter(lines)
        lines = [h for h in header if h not in kept] + kept
    lines = drop_repeats([ln.strip() for ln in lines if ln.strip()])
    found = find_date_line(lines)
    if found is not None:
        lines = remove_date(lines, found)
    title = lines[0] if lines and reads_like_headline(lines[0]) else None
    if found is None:
        return CleanText("\n\n".join(lines), title, None)
    return CleanText("\n\n".join(lines), title, found.published_at, found.origin)
