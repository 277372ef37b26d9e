"""The spaCy pipeline: the English model plus our components, assembled from data files.

Components (registered factories, versioned names):
- `eventcoder_line_breaks_v1` (before the parser): a line break ends a sentence, so a headline
  or a list item never runs into the next line;
- `entity_ruler` (before `ner`): actor names from data/actors.jsonl, so "Tehreek-e-Taliban
  Pakistan", "Da’ish" or "ISIS-Khorasan" are one ORG entity the statistical model respects;
- `eventcoder_triggers_v1` (last): a Matcher over data/triggers.jsonl that puts every event
  trigger in `doc.spans["event_triggers"]`, labelled "event_type.sub_event_type|variant|role".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventcoder.config import DATA_DIR

TRIGGERS_FILE = DATA_DIR / "triggers.jsonl"
TRIGGER_SPANS = "event_triggers"


@dataclass(frozen=True)
class TriggerTerm:
    """One trigger term of the lexicon."""

    label: str
    variant: str
    role: str
    tokens: tuple[str, ...]

    @property
    def key(self) -> str:
        """Span label: label|variant|role."""
        return f"{self.label}|{self.variant}|{self.role}"


@cache
def load_triggers(path: Path = TRIGGERS_FILE) -> tuple[str, tuple[TriggerTerm, ...]]:
    """Version and terms of the trigger lexicon."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    header, entries = lines[0], lines[1:]
    terms = tuple(
        TriggerTerm(e["label"], e["variant"], e["role"], tuple(term.lower().split()))
        for e in entries
        for term in e["terms"]
    )
    return header["version"], terms


def term_patterns(term: TriggerTerm) -> list[list[dict]]:
    """Matcher patterns of a term: its last token by lemma or lower-case form, the others by form.

    Title-case matches ("Counterterrorism Dialogue", "March") are kept here; the coder's
    part-of-speech rules (data/cues.json) drop the ones that are not events.
    """
    *first, last = term.tokens
    head = [{"LOWER": t} for t in first]
    return [head + [{"LEMMA": last}], head + [{"LOWER": last}]]


class TriggerMatcher:
    """Finds event triggers and stores them as labelled spans."""

    def __init__(self, nlp: Language, path: Path) -> None:
        self.version, terms = load_triggers(path)
        self.matcher = Matcher(nlp.vocab)
        for term in terms:
            self.matcher.add(term.key, term_patterns(term))

    def __call__(self, doc: Doc) -> Doc:
        """Add the longest non-overlapping trigger matches to doc.spans."""
        spans = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        doc.spans[TRIGGER_SPANS] = filter_spans(spans)
        return doc


@Language.factory("eventcoder_triggers_v1", default_config={"path": str(TRIGGERS_FILE)})
def make_trigger_matcher(nlp: Language, name: str, path: str) -> TriggerMatcher:
    """Factory of the trigger matcher component."""
    return TriggerMatcher(nlp, Path(path))


@Language.component("eventcoder_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def build_pipeline(model: str, actor_patterns: list[dict] | None = None) -> Language:
    """The model with our components; actor patterns go into an EntityRuler before `ner`."""
    nlp = spacy.load(model)
    nlp.add_pipe("eventcoder_line_breaks_v1", before="parser")
    if actor_patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(actor_patterns)
    nlp.add_pipe("eventcoder_triggers_v1", last=True)
    return nlp
