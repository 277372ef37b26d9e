"""The spaCy pipeline: the English model plus our components, assembled from data files.

Components (registered factories, versioned names):
- `eventcoder_line_breaks_v1` (before the parser): a line break ends a sentence, so a headline
  or a list item never runs into the next line;
- `eventcoder_datelines_v1` (before the parser): a dateline opening a paragraph ("KYIV, March 3
  (Reuters) -") ends a sentence, so the lede's first words are not parsed as the city's apposition;
- `entity_ruler` (before `ner`): actor names from data/actors.jsonl, so "Tehreek-e-Taliban
  Pakistan", "Da’ish" or "ISIS-Khorasan" are one ORG entity the statistical model respects;
- `eventcoder_country_labels_v1` (after `ner`): an entity that is exactly a country's name or demonym
  gets GPE or NORP (the small model reads "Niger", "Mali" or "Azerbaijan" as a person or an
  organisation as often as not), and such a name the model left untagged becomes one;
- `eventcoder_initial_nouns_v1` (after the entities): a sentence's first word that is a plural common
  noun, capitalised and so read as a name ("Airstrikes hit ...", "Gunmen killed ..." after a headline
  with no full stop), gets its noun tag and lemma back and loses the entity the model gave it;
- `eventcoder_triggers_v1` (last): PhraseMatchers over data/triggers.jsonl that puts every event
  trigger in `doc.spans["event_triggers"]`, labelled "event_type.sub_event_type|variant|role" (a
  vague word of role "again", "the strike", only where it tells again a trigger told before it, or
  where aircraft carried it out: "its aircraft carried out strikes", then as role "event").
"""

from __future__ import annotations

import json
import re
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

from eventcoder.coding.actor_patterns import DASHES
from eventcoder.coding.sentcache import doc_spans
from eventcoder.config import DATA_DIR
from eventcoder.ingest.published import dateline_end

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
        header = json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0])
        self.determiners = frozenset(header.get("again_determiners", ()))
        self.flown_by = frozenset(header.get("again_flown_by", ()))
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
        kept = filter_spans(spans)
        told = (self.as_told(s, kept) for s in kept)
        doc.spans[TRIGGER_SPANS] = [s for s in told if s is not None]
        return doc

    def as_told(self, span: Span, spans: list[Span]) -> Span | None:
        """The span as kept: a vague word told again as it is, one aircraft carried out as an event of its
        own (role "event"); None for a vague word that tells nothing."""
        if not span.label_.endswith("|again") or self.told_again(span, spans):
            return span
        if self.flown(span):
            return Span(span.doc, span.start, span.end, label=span.label_.rsplit("|", 1)[0] + "|event")
        return None

    def told_again(self, span: Span, spans: list[Span]) -> bool:
        """A vague word ("the strike") after a determiner that tells again an event a trigger of its label
        told earlier ("An air strike killed 30 ... The strike hit a market")."""
        if not any(c.dep_ == "det" and c.lower_ in self.determiners for c in span.root.children):
            return False
        kind = span.label_.split("|", 1)[0] + "|"  # its event type: "a missile strike ... the strike"
        told = (s for s in spans if s.start < span.start and not s.label_.endswith("|again"))
        return any(s.label_.startswith(kind) for s in told)

    def flown(self, span: Span) -> bool:
        """A vague word that aircraft or drones carried out ("its aircraft carried out strikes on X"): an
        air strike told for the first time."""
        root = span.root
        if root.dep_ != "dobj" or root.head.pos_ != "VERB":
            return False
        for subject in (c for c in root.head.children if c.dep_ == "nsubj"):
            compound = next((c.lemma_.lower() for c in subject.children if c.dep_ == "compound"), None)
            words = {subject.lemma_.lower(), f"{compound} {subject.lemma_.lower()}"}
            if words & self.flown_by:
                return True
        return False


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


@Language.component("eventcoder_datelines_v1")
def datelines(doc: Doc) -> Doc:
    """Start a sentence after a dateline that opens a paragraph: "NAIROBI, March 3 (Agency) - Al-Shabaab
    fighters attacked ..." parsed as one sentence made the city its subject and the fighters its
    apposition, so the attack lost its attacker."""
    text = doc.text
    for start in paragraph_starts(text):
        end = dateline_end(text[start : start + DATELINE_CHARS])
        if not end:
            continue
        at = start + end + len(text[start + end :]) - len(text[start + end :].lstrip())
        found = doc.char_span(at, at + 1, alignment_mode="expand") if at < len(text) else None
        if found is not None and found.start > 0:
            doc[found.start].is_sent_start = True
            for tok in doc[found.start + 1 : found.start + LEDE_WORDS]:  # "- Two | Indian soldiers ...":
                if tok.is_punct or tok.text[:1].isspace():  # the parser split a lede's opening count off
                    break
                tok.is_sent_start = False
    return doc


LEDE_WORDS = 4  # the lede's first words after a dateline are never a sentence's start


DATELINE_CHARS = 200  # a dateline is read within the first characters of its paragraph


def paragraph_starts(text: str) -> list[int]:
    """Where each line of the text starts, past its leading blanks, lines opening with a capital only."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    return [s for s in starts if s < len(text) and text[s].isupper()]


class CountryLabels:
    """Country names and demonyms labelled as what they are: an entity whose whole text is one gets its
    label (GPE for a name, NORP for a demonym; a named actor of the ruler keeps its own), and one the
    model left outside any entity becomes an entity, unless a capitalised word beside it makes it part
    of another name ("Niger Delta", "New Mexico")."""

    def __init__(self, nlp: Language, labels: dict[str, str]) -> None:
        self.labels = labels
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for text in labels:
            self.matcher.add(text, [nlp.make_doc(text)])

    def __call__(self, doc: Doc) -> Doc:
        """Relabel or add the country entities of the doc."""
        ents, changed = list(doc.ents), False
        for k, ent in enumerate(ents):
            label = self.labels.get(ent.text.removeprefix("the ")) if not ent.ent_id_ else None
            if label is not None and ent.label_ != label and not (label == "GPE" and ent.label_ == "LOC"):
                ents[k], changed = Span(doc, ent.start, ent.end, label=label), True
        for _, start, end in self.matcher(doc):
            if all(t.ent_iob_ == "O" for t in doc[start:end]) and not name_beside(doc, start, end):
                ents.append(Span(doc, start, end, label=self.labels[doc[start:end].text]))
                changed = True
        if changed:
            doc.ents = filter_spans(ents)
        return doc


def name_beside(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word (not the first of its sentence) right before or after the span, or joined to
    it by a hyphen ("the Kenya-Somalia border": two countries' link, no mention of either)."""
    if start > 1 and doc[start - 1].text in DASHES and not doc[start - 2].whitespace_:
        return True
    if end + 1 < len(doc) and doc[end].text in DASHES and not doc[end - 1].whitespace_:
        return True
    before = start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start
    return before or (end < len(doc) and doc[end].is_title)


@Language.factory("eventcoder_country_labels_v1", default_config={"labels": {}})
def make_country_labels(nlp: Language, name: str, labels: dict[str, str]) -> CountryLabels:
    """Factory of the country-label component."""
    return CountryLabels(nlp, labels)


NAME_LABELS = frozenset({"NORP", "ORG", "CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME", "MONEY"})


class InitialNouns:
    """A plural common noun that opens a sentence read as a proper noun: the tagger, seeing no full stop
    after a headline, reads "Gunmen", "Airstrikes" or "Shells" as a name (a place or a person, as
    often as not), so no trigger or actor noun matched it. It becomes a common noun again when it is
    the plural of a noun of the English lexicon (of a trigger term or actor noun, when the model made
    it an entity), is not a country's name or demonym, and is not the first word of a longer name."""

    def __init__(self, nlp: Language, keep: Iterable[str], path: Path, nouns: Path) -> None:
        lookups = nlp.get_pipe("lemmatizer").lookups
        self.exceptions = lookups.get_table("lemma_exc", {}).get("noun", {})
        self.rules = lookups.get_table("lemma_rules", {}).get("noun", [])
        groups = json.loads(nouns.read_text(encoding="utf-8"))["generic_nouns"]
        self.vocab = {t.tokens[0] for t in load_triggers(path)[1] if len(t.tokens) == 1}
        self.vocab |= {p for g in groups for p in g["phrases"] if " " not in p}
        self.index = frozenset(lookups.get_table("lemma_index", {}).get("noun", ())) | self.vocab
        self.keep = frozenset(keep)

    def __call__(self, doc: Doc) -> Doc:
        """Retag the sentence-initial plural nouns of the doc."""
        dropped = set()
        for sent in doc.sents:
            tok = next((t for t in sent if t.is_alpha), None)
            if tok is None or not self.misread(tok):
                continue
            singular = self.singular(tok.lower_)
            if singular is None or (tok.ent_type_ and not {singular, tok.lower_} & self.vocab):
                continue  # a name the model saw ("Marseilles") stays one unless our lexicon knows it
            tok.tag_, tok.pos_, tok.lemma_ = "NNS", "NOUN", singular
            if tok.ent_type_:
                dropped.add(tok.i)
        if dropped:
            doc.ents = [e for e in doc.ents if e.start not in dropped]
        return doc

    def misread(self, tok: Token) -> bool:
        """A title-case word tagged a proper noun, alone (the next word is no name) and no known name."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (
            tok.tag_ in ("NNPS", "NNP")
            and tok.is_title
            and tok.text not in self.keep
            and (tok.ent_type_ not in NAME_LABELS and not tok.ent_id_)
            and (not tok.ent_type_ or (tok.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")))
            and (nxt is None or not (nxt.is_title or nxt.pos_ == "PROPN"))
        )

    def singular(self, word: str) -> str | None:
        """The singular of a plural noun of the lexicon ("gunmen", "airstrikes"), or None."""
        if word in self.exceptions:
            return self.exceptions[word][0]
        for old, new in self.rules:
            if old and word.endswith(old) and (form := word[: len(word) - len(old)] + new) in self.index:
                return form
        return None


@Language.factory(
    "eventcoder_initial_nouns_v1",
    default_config={"keep": [], "path": str(TRIGGERS_FILE), "nouns": str(DATA_DIR / "actor_nouns.json")},
)
def make_initial_nouns(nlp: Language, name: str, keep: list[str], path: str, nouns: str) -> InitialNouns:
    """Factory of the initial-nouns component."""
    return InitialNouns(nlp, keep, Path(path), Path(nouns))


def build_pipeline(
    model: str,
    actor_patterns: list[dict] | None = None,
    acronyms: Sequence[str] = (),
    country_labels: dict[str, str] | None = None,
) -> Language:
    """The model with our components; actor patterns go into an EntityRuler before `ner`, country names
    and demonyms are labelled after it, and actor acronyms that are English words in capitals are read
    as names (`name_norms`)."""
    nlp = spacy.load(model)
    name_norms(nlp, acronyms)
    nlp.add_pipe("eventcoder_line_breaks_v1", before="parser")
    nlp.add_pipe("eventcoder_datelines_v1", before="parser")
    if actor_patterns:
        add_actor_ruler(nlp, actor_patterns, before="ner")
    if country_labels:
        nlp.add_pipe("eventcoder_country_labels_v1", after="ner", config={"labels": country_labels})
    nlp.add_pipe("eventcoder_initial_nouns_v1", config={"keep": sorted(country_labels or {})})
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


def trigger_on(verb: Token, family: str, links: frozenset[str] | None = None) -> bool:
    """A trigger of a family ("ceasefire", "arrest") that the parse hangs on the verb (by one of
    `links`, when given): "broke the truce", "raided ... and arrested"."""
    return any(
        span.label_.startswith(f"{family}.")
        and span.root.head.i == verb.i
        and (links is None or span.root.dep_ in links)
        for span in doc_spans(verb.doc, TRIGGER_SPANS)
    )


def inside_trigger(tok: Token) -> bool:
    """The token lies inside an event trigger ("Landmine kills four": a weapon, whatever the tagger says)."""
    return any(span.start <= tok.i < span.end for span in doc_spans(tok.doc, TRIGGER_SPANS))


def trigger_at(verb: Token, family: str) -> bool:
    """The verb is itself a trigger of a family ("arrested ... during a raid")."""
    return any(
        span.label_.startswith(f"{family}.") and span.root.i == verb.i
        for span in doc_spans(verb.doc, TRIGGER_SPANS)
    )
