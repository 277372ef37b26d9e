"""The spaCy pipeline: the English model plus our components, assembled from data files.

Components (registered factories, versioned names):
- `eventcoder_line_breaks_v1` (before the parser): a line break ends a sentence, so a headline
  or a list item never runs into the next line;
- `entity_ruler` (before `ner`): actor names from data/actors.jsonl, so "Tehreek-e-Taliban
  Pakistan", "Da’ish" or "ISIS-Khorasan" are one ORG entity the statistical model respects;
- `eventcoder_triggers_v1` (last): PhraseMatchers over data/triggers.jsonl that puts every event
  trigger in `doc.spans["event_triggers"]`, labelled "event_type.sub_event_type|variant|role".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span, Token
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


class TriggerMatcher:
    """Finds event triggers and stores them as labelled spans.

    A term matches its last token by lemma or lower-case form and the others by lower-case form.
    Title-case matches ("Counterterrorism Dialogue", "March") are kept here; the coder's
    part-of-speech rules (data/cues.json) drop the ones that are not events. spaCy's PhraseMatcher
    finds them (a token Matcher with one pattern per term tries every pattern at every token and took
    a fifth of the pipeline's time): one-word terms by LOWER and by LEMMA, longer terms by their
    leading words, whose next token is then checked.
    """

    def __init__(self, nlp: Language, path: Path) -> None:
        self.version, terms = load_triggers(path)
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tails: dict[str, list[tuple[str, str]]] = {}
        self.split: dict[str, list[tuple[str, str]]] = {}  # verb -> (the words completing it, key)
        for term in terms:
            *first, last = term.tokens
            if not first:
                self.by_lower.add(term.key, [Doc(nlp.vocab, words=[last])])
                self.by_lemma.add(term.key, [Doc(nlp.vocab, words=[last], lemmas=[last])])
                continue
            head = " ".join(first)
            self.heads.add(head, [Doc(nlp.vocab, words=first)])
            self.tails.setdefault(head, []).append((last, term.key))
            if len(first) == 1:
                self.split.setdefault(first[0], []).append((last, term.key))
            elif len(first) == 2 and not term.key.startswith("protest."):
                # "took into custody": a verb, its preposition and the object (a crowd's "set on fire"
                # is left to words written together: apart, it is an armed group's arson as often)
                self.split.setdefault(first[0], []).append((f"{first[1]} {last}", term.key))

    def __call__(self, doc: Doc) -> Doc:
        """Add the longest non-overlapping trigger matches to doc.spans."""
        strings = doc.vocab.strings
        spans = [
            Span(doc, start, end, label=key)
            for matcher in (self.by_lower, self.by_lemma)
            for key, start, end in matcher(doc)
        ]
        for head, start, end in self.heads(doc):
            if end < len(doc):
                tok = doc[end]
                for last, key in self.tails[strings[head]]:
                    if tok.lemma_ == last or tok.lower_ == last:
                        spans.append(Span(doc, start, end + 1, label=key))
        spans += split_phrasal(doc, self.split)
        doc.spans[TRIGGER_SPANS] = filter_spans(spans)
        return doc


def split_phrasal(doc: Doc, split: dict[str, list[tuple[str, str]]]) -> list[Span]:
    """Terms of a verb and the words that complete it written apart: "fired with heavy weapons on the
    positions" is "fired on" (the preposition a later prepositional child of the verb, its object not
    a date or time: "fired the manager on Monday" is no attack); "took two engineers hostage" is "took
    hostage" (the word the verb's own later object); "took several activists into custody" is "took into
    custody" (the preposition and its object under the verb)."""
    out = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        for last, key in split.get(tok.lower_, []) + split.get(tok.lemma_, []):
            if any(completes(tok, c, last) for c in tok.children):
                out.append(Span(doc, tok.i, tok.i + 1, label=key))
                break
    return out


def completes(verb: Token, child: Token, words: str) -> bool:
    """The verb's child that completes a term written apart ("on", "hostage", "into custody")."""
    if child.i <= verb.i + 1:
        return False
    prep, _, obj = words.partition(" ")
    if child.dep_ == "prep" and child.lower_ == prep:
        objs = [o for o in child.children if o.dep_ == "pobj"]
        if obj:
            return any(o.lower_ == obj for o in objs)
        return any(o.ent_type_ not in ("DATE", "TIME", "CARDINAL") for o in objs)
    return not obj and child.dep_ in ("dobj", "oprd") and child.lower_ == prep


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


def build_pipeline(
    model: str, actor_patterns: list[dict] | None = None, acronyms: Sequence[str] = ()
) -> Language:
    """The model with our components; actor patterns go into an EntityRuler before `ner`, and actor
    acronyms that are English words in capitals are read as names (`name_norms`)."""
    nlp = spacy.load(model)
    name_norms(nlp, acronyms)
    nlp.add_pipe("eventcoder_line_breaks_v1", before="parser")
    if actor_patterns:
        add_actor_ruler(nlp, actor_patterns, before="ner")
    nlp.add_pipe("eventcoder_triggers_v1", last=True)
    return nlp


def name_norms(nlp: Language, acronyms: Iterable[str]) -> None:
    """An acronym that is also an English word written in capitals ("IS" for the Islamic State) keeps
    its case as its norm: the tagger and parser read a word by its norm, so "IS militants attacked"
    is a name before a noun, not the verb "is" (which took the sentence's date and subject with it)."""
    stop_words = nlp.Defaults.stop_words
    for acronym in acronyms:
        if acronym.isupper() and acronym.lower() in stop_words:
            nlp.tokenizer.add_special_case(acronym, [{ORTH: acronym, NORM: acronym}])


def add_actor_ruler(nlp: Language, patterns: list[dict], **where: str) -> None:
    """An EntityRuler of actor names; phrase patterns match lower-cased (see ActorDictionary)."""
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}, **where)
    # The ruler runs the enabled pipes over every phrase pattern; lower-cased phrases need only
    # the tokenizer, so the model's components are switched off while the patterns go in.
    others = [name for name in nlp.pipe_names if name != ruler.name]
    with nlp.select_pipes(disable=others):
        ruler.add_patterns(patterns)
