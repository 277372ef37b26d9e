"""What dates a candidate: its own date phrase in the dependency parse (the closest attached to the trigger's
clauses, a "when" clause on a date, a reporting clause beside it), resolved against the publication date,
and the days a clause is set apart from the one it hangs on ("two days after ..."). Used by `attach`; a
pure part of the coding core.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from eventcoder.coding.candidates import VIOLENT, ArticleContext, Candidate
from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import EventDate, day_offset, resolve_date
from eventcoder.coding.nlp import TRIGGER_SPANS
from eventcoder.coding.rules import (
    attachment_rank,
    bounded_by_preposition,
    clause_chain,
    clause_of,
    date_phrase,
    doc_text,
    lemma,
    month_as_modifier,
    span_ents,
)
from eventcoder.coding.sentcache import doc_spans


def date_specificity(text: str, cues: Cues) -> float:
    """How exact a date phrase is as written (a day beats a month beats a vague phrase)."""
    has_digit = any(ch.isdigit() for ch in text)
    words = text.lower().split()
    if has_digit and len([w for w in words if w.strip(",").isdigit()]) >= 1 and len(words) >= 2:
        return 2.0
    return 1.0 if has_digit or any(w in cues.specific_day_words for w in words) else 0.5


def own_date_span(cand: Candidate, cues: Cues) -> Span | None:
    """The DATE phrase attached to the trigger's clause (or a clause above it), if any; a date
    in a reporting clause beside it ('Reported on 28 April, militants attacked...') counts too."""
    spans = own_date_spans(cand, cues)
    return spans[0] if spans else None


def own_date_spans(cand: Candidate, cues: Cues) -> list[Span]:
    """Every date or time phrase attached to the trigger's clauses, the closest attached first."""
    chain = clause_chain(cand.anchor)
    ranked: list[tuple[int, int, Span]] = []
    referred = referred_to(cand, cues)  # "The talks follow an exchange of fire in February": not February
    for ent in span_ents(cand.sent):
        if ent.label_ not in ("DATE", "TIME") or month_as_modifier(ent, cues):
            continue
        if referred and not cand.head.left_edge.i <= ent.start <= cand.head.right_edge.i:
            continue
        if when_clause_on(ent, cand.anchor) or day_clause_on(ent, cand.anchor):
            ranked.append((-1, ent.start, ent))  # "since 30 September, when protesters clashed": its day
            continue
        rank = attachment_rank(ent, cand.head, chain)
        if rank is None:
            rank = reporting_clause_rank(ent, chain, cues)
        if rank is None and in_doers_clause(ent, cand, cues):
            rank = DOER_CLAUSE_RANK
        if rank is None or bounded_by_preposition(ent, cand.head, cues):
            continue
        ranked.append((rank, ent.start, ent))
    return [ent for _, _, ent in sorted(ranked, key=lambda r: r[:2])]


DOER_CLAUSE_RANK = 50  # after every clause of the trigger's own


def in_doers_clause(ent: Span, cand: Candidate, cues: Cues) -> bool:
    """A date in a relative clause on the trigger verb's doer that tells no other event: "killed by a bomb
    that hit a camp near X on Friday", "a bomb that exploded in a market on Friday killed ten"."""
    clause = clause_of(ent.root)
    verb = cand.anchor
    if clause.dep_ not in ("relcl", "acl") or verb.pos_ not in ("VERB", "AUX"):
        return False
    doer = clause.head
    by_agent = doer.dep_ == "pobj" and doer.head.dep_ == "agent" and doer.head.head == verb
    if not (by_agent or (doer.dep_ == "nsubj" and doer.head == verb)):
        return False
    return in_quiet_subclause(ent.root, [verb], cand, cues)


def referred_to(cand: Candidate, cues: Cues) -> bool:
    """A noun event a verb refers to ("condemned the detention", "the talks follow ..."): only its own
    phrases date it; not when the verb reports it ("were reported on 26 April") or is a preposition
    ("killed following attacks": the sentence's day)."""
    verb = cand.anchor
    word = lemma(verb)
    return (
        cand.nominal
        and word in cues.reference_verbs
        and word not in cues.reporting_verbs
        and verb.dep_ != "prep"
    )


def bound_date(cand: Candidate, cues: Cues) -> bool:
    """The mention's date is the bound of a period ("since 30 September, when ..."): no frame for later."""
    return any(
        e.text == cand.date_text and bounded_by_preposition(e, e.sent.root, cues)
        for e in span_ents(cand.sent)
    )


YEAR_RE = re.compile(r"(?:the year )?\d{4}")


def when_clause_on(ent: Span, verb: Token) -> bool:
    """The verb heads a "when" clause on the date phrase ("on 12 March, when gunmen attacked ..."), or is
    joined to the verb that does ("when gunmen ambushed and killed ...", "when" parsed on either)."""
    while verb.dep_ == "conj":
        verb = verb.head
    return (
        verb.dep_ == "relcl"
        and ent.start <= verb.head.i < ent.end
        and not YEAR_RE.fullmatch(ent.text.strip())  # "since 2017, when ... 1,970 times": a period
        and any(
            c.dep_ == "advmod" and c.lower_ == "when" for v in (verb, *verb.conjuncts) for c in v.children
        )
    )


def day_clause_on(ent: Span, verb: Token) -> bool:
    """The verb tells what happened on "the day" set beside the date phrase ("since 8 October, the day
    the Zarvo Front launched rockets at ...")."""
    day = verb.head
    return (
        verb.dep_ == "relcl"
        and lemma(day) in ("day", "night", "morning", "evening")
        and day.dep_ == "appos"
        and ent.start <= day.head.i < ent.end
        and not YEAR_RE.fullmatch(ent.text.strip())
    )


def photo_date(ent: Span, ctx: ArticleContext) -> bool:
    """The date that ends a photo caption ("..., March 20, 2015."): the day the photo was taken, not
    the day of the event it shows (a shootout of the night before)."""
    if not ctx.captions:
        return False
    text = doc_text(ent.doc)
    return any(a <= ent.start_char < b and not text[ent.end_char : b].strip(" .\n") for a, b in ctx.captions)


def reported_day(span: Span, cand: Candidate, cues: Cues) -> bool:
    """A date phrase of the reporting clause ("said on Thursday that ..."), not of the event's own clause:
    a reporting clause below the trigger's clauses, or one above it ("Police said on Thursday that
    three officers died in a firefight")."""
    chain = clause_chain(cand.anchor)
    rank = attachment_rank(span, cand.head, chain)
    if rank is None:
        return reporting_clause_rank(span, chain, cues) is not None
    clause = clause_of(span.root)  # "killed 11 people, residents said on Monday" parsed as one subject's acts
    if clause not in chain and clause.dep_ == "conj" and lemma(clause) in cues.reporting_verbs:
        return True
    if rank == 1 and cand.nominal and tallied_in_subject(cand, cues):
        return True  # "the death toll from the strike rose to 19 on Monday": the toll's day, not the strike's
    return rank > 1 and lemma(chain[rank - 1]) in cues.reporting_verbs


def tallied_in_subject(cand: Candidate, cues: Cues) -> bool:
    """The noun trigger lies in its clause's subject headed by a tally ("the death toll from the strike")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and lemma(c) in cues.tally_nouns
        and c.left_edge.i <= cand.head.i <= c.right_edge.i
        for c in cand.anchor.children
    )


def reporting_clause_rank(ent: Span, chain: list[Token], cues: Cues) -> int | None:
    """Rank 20 for a date in a reporting clause ('as reported on X') attached to the trigger's clauses."""
    clause = clause_of(ent.root)
    if (
        lemma(clause) in cues.reporting_verbs
        and clause.head in chain
        and clause.dep_ in ("advcl", "ccomp", "parataxis")
    ):
        return 20
    return None


def attach_date(cand: Candidate, ctx: ArticleContext, cues: Cues) -> None:
    """The candidate's own date phrase, resolved against the publication date."""
    spans = [s for s in own_date_spans(cand, cues) if not photo_date(s, ctx)]
    if not spans:
        for tok in (cand.head, cand.anchor):
            for child in tok.children:
                if child.lower_ in cues.recent_modifiers and child.dep_ in ("amod", "advmod"):
                    cand.date_text, cand.date_specificity = child.text, 0.5
                    cand.date = resolve_date("recently", ctx.published)
                    cand.date_origin = "recent" if cand.date else "none"
                    return
        return
    # "at around 1am on Thursday": a clock time places nothing; the next phrase that resolves does
    span = next((s for s in spans if resolve_date(date_phrase(s), ctx.published)), spans[0])
    text = date_phrase(span)
    cand.date_text = text
    cand.date_specificity = date_specificity(text, cues)
    cand.date = resolve_date(text, ctx.published)
    cand.date_origin = "phrase" if cand.date else "clock" if span.label_ == "TIME" else "none"
    offset = offset_phrase(cand)
    shift = offset_days(offset)
    if shift and cand.date is not None and cand.date.precision == 1 and not in_clause(span, cand.anchor):
        told = cand.date.date
        day = told + dt.timedelta(days=shift)  # "on Sunday, two days after militants attacked X"
        cand.date = EventDate(day, 1, day, day, text)
        if offset is not None and offset[0].lower() == "days":  # a day of the week before (2 to 7)
            sign = 1 if shift > 0 else -1
            first, last = sorted((told + dt.timedelta(days=2 * sign), told + dt.timedelta(days=7 * sign)))
            cand.date = EventDate(day, 2, first, last, text)
    filed = ctx.dateline[0] <= span.start_char < ctx.dateline[1]  # "MANILA, November 4 (Xinhua):"
    if cand.date_origin != "clock" and (filed or reported_day(span, cand, cues)):
        cand.date_origin = "report"  # "the military said on Thursday that two soldiers died": by then
        # (also a day not resolved here, "Reported on the same day": it dates the report all the same)


VAGUE_DAYS = -3  # "days after": three days before, within the week


def days_apart(cand: Candidate) -> int | None:
    """Days from the clause the candidate's clause hangs on to the candidate's own, when set "N days
    after" it ("X on Sunday, two days after militants attacked Y": -2) or "before" it (+N); "days after"
    with no number is VAGUE_DAYS that way; else None."""
    return offset_days(offset_phrase(cand))


def offset_days(found: tuple[str, str] | None) -> int | None:
    """`days_apart` of the words and mark `offset_phrase` found."""
    if found is None:
        return None
    words, mark = found
    if words.lower() == "days":  # "days after a rocket attack killed 12": another day, within a week
        return VAGUE_DAYS if mark == "after" else -VAGUE_DAYS
    return -(day_offset(f"{words} {mark}") or 0) or None


def offset_phrase(cand: Candidate) -> tuple[str, str] | None:
    """The words ("two days", "days") and the mark ("after", "before") that set the candidate's clause
    apart from the one it hangs on, or None."""
    verb = cand.anchor
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if verb.dep_ != "advcl" or not marks:
        return None
    for child in (*verb.children, *marks[0].children):  # "two days" hangs on the verb or on "after"
        if child.dep_ == "npadvmod":
            words, mark = verb.doc[child.left_edge.i : child.i + 1].text, marks[0].lower_
            if day_offset(f"{words} {mark}") or words.lower() == "days":
                return words, mark
    return None


def in_clause(span: Span, verb: Token) -> bool:
    """The phrase lies inside the verb's clause."""
    return verb.left_edge.i <= span.start and span.end <= verb.right_edge.i + 1


def in_quiet_subclause(tok: Token, chain: list[Token], cand: Candidate, cues: Cues) -> bool:
    """A phrase in a clause under the trigger's clauses that reports no other event of its own
    (a 'killing' of the same event may be there, or what it was 'targeting', or the crowd force was used
    on, "fired tear gas to disperse protesters who marched in X"; another attack or a truce may not)."""
    clause = clause_of(tok)
    if not any(top in clause.ancestors for top in chain):
        return False
    inside = {t.i for t in clause.subtree}
    for span in doc_spans(cand.sent.doc, TRIGGER_SPANS):
        if span.start == cand.trigger.start or not (cand.sent.start <= span.start < cand.sent.end):
            continue
        label, _, role = span.label_.split("|")
        family = "violent" if label.split(".")[0] in VIOLENT else label.split(".")[0]
        aim = family == cand.family and lemma(span.root) in cues.targeting_verbs
        aim = aim or (family == cand.family and cand.variant == "intervention")  # the crowd it dispersed
        if span.root.i in inside and (family != cand.family or role == "event") and not aim:
            return False
    return True


def opens_same_day(sent: Span, cues: Cues) -> bool:
    """A sentence that opens by dating what it tells to the day just told ("On the same day, gunmen
    killed 15 people at a church in X"): an occurrence of its own wherever it names its own place."""
    words = [t.lower_ for t in sent if t.is_alpha][:4]
    return any(" ".join(words[:n]) in cues.same_day_openers for n in (2, 3, 4))


def opens_with_running_total(sent: Span, cues: Cues) -> bool:
    """A sentence that opens by counting up to a day ("Until 12 March, 240 inmates had been freed", "As of
    Monday, ..."): a running total, no one occurrence."""
    words = [t for t in sent if not t.is_space][:4]
    for n in (1, 2):
        opener = " ".join(t.lower_ for t in words[:n])
        if opener in cues.running_total_openers and len(words) > n and words[n].ent_type_ == "DATE":
            return True
    return False
