"""Is a mention one occurrence? The tests for statements that report none: tallies over a period or
a war ("have died since the coup", "the death toll of the fighting", "a war that has killed thousands"),
sums over unnamed occasions ("during several operations") and statistics ("according to UN figures",
"a report recorded 97 attacks"), background dated only by a past year, grievances and
characterisations ("an attack on democracy"), and label lines ("Iran protests"); generic and habitual
plurals ("attacks on schools", "each of the six protests") are plurals.py's.

Used by triggers.make_candidate; a pure part of the coding core.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventcoder.coding.candidates import ArticleContext, Candidate
from eventcoder.coding.cues import Cues
from eventcoder.coding.dates import WEEK, YEAR, resolve_date
from eventcoder.coding.dating import date_specificity, opens_with_running_total, own_date_spans
from eventcoder.coding.nlp import TRIGGER_SPANS
from eventcoder.coding.participants import prep_object
from eventcoder.coding.places import country_for_name
from eventcoder.coding.plurals import bare_plural, country_wide
from eventcoder.coding.rules import (
    VERBAL,
    clause_chain,
    date_phrase,
    doc_ents,
    is_infinitive,
    lemma,
    of_objects,
    path_up,
    period_clause,
)
from eventcoder.coding.sentcache import doc_spans, has_word, remembered, sent_tokens
from eventcoder.coding.several import token_number
from eventcoder.coding.subjects import subject_of

RECENT_START_DAYS = 31  # a tally since a day this recent is still the news of one occurrence
# a participle or a verbless clause ("some of them leaders") the parser hangs a phrase of the verb on
NONFINITE = frozenset({"VBG", "NN", "NNS"})


def over_a_period(cand: Candidate, ctx: ArticleContext, cues: Cues) -> bool:
    """A present perfect told over a stretch of time ('have died since the coup', 'has plagued the region
    since 2015', 'have been killed in the war'), or a past perfect since a time ('had been detained since
    the coup'), or a running total ("As of Monday, 200 had been arrested"): a tally or a state, not one
    occurrence. A stretch that began days ago ('have died since Wednesday') is still the news of one."""
    chain = [v for v in clause_chain(cand.anchor) if v.pos_ in VERBAL]
    perfect = [v for v in chain if is_perfect(v, cues) or had_since(v, cues)]
    tally = any(period_of(verb, cand, ctx, cues) for verb in perfect[:1]) or in_a_past_year(cand, ctx, cues)
    return tally or opens_with_running_total(cand.sent, cues)


def is_perfect(verb: Token, cues: Cues) -> bool:
    """A present perfect verb, or one that shares its conjunct's 'have' ('have been raided and attacked')."""
    if any(c.dep_ == "aux" and c.lower_ in cues.just_happened_aux for c in verb.children):
        return True
    return verb.dep_ == "conj" and not own_clause(verb) and is_perfect(verb.head, cues)


def had_since(verb: Token, cues: Cues) -> bool:
    """A past perfect told from a time on ("who had been detained since the coup"): a state then, as
    the present perfect is now."""
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    return had and any(c.lower_ in cues.period_openers or period_clause(c, cues) for c in verb.children)


def own_clause(verb: Token) -> bool:
    """The verb has a subject or auxiliary of its own (a conjunct without them shares its head's)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def shared_modifiers(verb: Token) -> list[Token]:
    """The verb's dependents and those of its conjuncts that share its subject and auxiliaries: 'since
    January' in 'have been raided and attacked since January' is said of both."""
    sharers = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERBAL and not own_clause(c)]
    return list(verb.children) + [g for c in sharers for g in c.children]


def in_a_past_year(cand: Candidate, ctx: ArticleContext, cues: Cues) -> bool:
    """'began its insurgency in 2009': a clause dated only by a year before the report's is background."""
    if ctx.published is None:
        return False
    verb = next((v for v in clause_chain(cand.anchor) if v.pos_ in VERBAL), None)
    if verb is None:
        return False
    if verb.dep_ == "conj" and not any(c.ent_type_ == "DATE" for c in verb.subtree):
        verb = verb.head  # 'began its insurgency in 2009 and later expanded its raids'
    year = ctx.published.year
    return any(
        resolved.precision == YEAR and resolved.end.year < year
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ in cues.period_prepositions
        for noun in child.children
        if noun.dep_ == "pobj" and noun.ent_type_ == "DATE"
        for resolved in [resolve_date(noun.text, ctx.published)]
        if resolved is not None
    )


def period_of(verb: Token, cand: Candidate, ctx: ArticleContext, cues: Cues) -> bool:
    """The verb is told over a stretch: since a time long past, in a whole war or conflict or in years
    ("in more than five decades"), or done by the war itself ("the war has killed 220,000")."""
    modifiers = shared_modifiers(verb)
    # "has climbed over the past year, since X walked away from its truce": the truce is the clause's own
    in_clause = any(c.dep_ == "advcl" and c.left_edge.i <= cand.head.i <= c.right_edge.i for c in modifiers)
    for child in modifiers:
        if child.dep_ == "nsubj" and lemma(child) in cues.period_nouns:
            return True
        opener = child if child.lower_ in cues.period_openers else None
        if opener is None and child.dep_ == "advcl":
            opener = next(
                (g for g in child.children if g.dep_ == "mark" and g.lower_ in cues.period_openers), None
            )
        if opener is not None:
            inside = child.left_edge.i <= cand.head.i <= child.right_edge.i  # 'since the May 3 attack'
            wide = country_wide(verb, cues)  # "shot dead across the country since the protests began"
            return (not inside or wide) and (
                names_period(child, cues) or not recent_start(child, ctx) or wide
            )
        if child.dep_ == "prep" and child.lower_ in cues.period_prepositions and not in_clause:
            nouns = [g for g in child.children if g.dep_ == "pobj"]
            if any(lemma(g) in cues.period_nouns or phrase_lemma(g) in cues.period_nouns for g in nouns):
                return True
            if any(lemma(g) in cues.period_spans and (g.tag_ == "NNS" or gone_by(g)) for g in nouns):
                return True  # "in five decades", "over the past two years", "over the past decade"
    return False


def gone_by(span: Token) -> bool:
    """A stretch of time counted back from now ("the past decade", "the last year")."""
    return any(c.dep_ == "amod" and c.lower_ in ("past", "last") for c in span.children)


def years_of(cand: Candidate, cues: Cues) -> bool:
    """A noun trigger told as the stuff of years ("years of fighting between rival cartels", "decades of
    conflict", "months of clashes"): a stretch of many occurrences, not one; or a clause told as years,
    months or weeks apart from the one it hangs on ("anger ... a year after dozens were killed during
    protests"): the background of the news, not its occurrence."""
    head = cand.head
    if spans_apart(cand.anchor, cues):
        return True
    if not cand.nominal and head.dep_ == "acl":
        head = head.head  # "after weeks of negotiations mediated by X": the mediation is the negotiations'
    elif not cand.nominal:
        return False
    prep = head.head if head.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "of":
        return False
    return lemma(prep.head) in cues.period_spans and prep.head.tag_ == "NNS"


def spans_apart(verb: Token, cues: Cues) -> bool:
    """A verb's clause set a stretch of weeks or more after or before the clause it hangs on ("a year
    after X", "months before X")."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if verb.dep_ != "advcl" or mark is None:
        return False
    spans = (c for c in (*verb.children, *mark.children) if c.dep_ == "npadvmod")
    return any(lemma(c) in cues.period_spans for c in spans)


def during_a_war(cand: Candidate, cues: Cues) -> bool:
    """A clause framed by a whole war ("during the civil war in Tigray, the militia fought alongside the
    army"): the war's fighting in general, no one occurrence unless dated."""
    verb = next((v for v in clause_chain(cand.anchor) if v.pos_ in VERBAL), None)
    if verb is None:
        return False
    wars = cues.conflict_nouns & cues.period_nouns
    return any(
        child.dep_ == "prep"
        and child.lower_ in ("during", "throughout")
        and any(g.dep_ == "pobj" and (lemma(g) in wars or phrase_lemma(g) in wars) for g in child.children)
        for child in shared_modifiers(verb)
    )


def names_period(phrase: Token, cues: Cues) -> bool:
    """The 'since' phrase starts a war or campaign ('since the rebels launched an offensive on April 20'):
    what has happened since is its tally, however recent its start."""
    return any(t.pos_ == "NOUN" and lemma(t) in cues.period_nouns for t in phrase.subtree)


def starts_a_period(cand: Candidate, cues: Cues) -> bool:
    """A war or campaign named as the start of a stretch ('since rebels launched an offensive on May 2',
    'since the war began'): the anchor of a tally, not an occurrence at a place."""
    if not cand.nominal or not {lemma(cand.head), phrase_lemma(cand.head)} & cues.period_nouns:
        return False
    for tok in [cand.head, *cand.head.ancestors]:
        if tok.lower_ in cues.period_openers and tok.dep_ == "prep":
            return True  # 'since the offensive'
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in cues.period_openers for c in tok.children
        ):
            return True  # 'since rebels launched an offensive'
    return False


def phrase_lemma(noun: Token) -> str:
    """The lemma of a noun with its compound modifiers ('civil war')."""
    parts = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    return " ".join([lemma(c) for c in parts] + [lemma(noun)]) if parts else lemma(noun)


def recent_start(phrase: Token, ctx: ArticleContext) -> bool:
    """The 'since' phrase names a day at most a month before publication ('since last Thursday')."""
    ents = [
        e
        for e in doc_ents(phrase.doc)
        if e.label_ == "DATE" and phrase.left_edge.i <= e.start <= phrase.right_edge.i
    ]
    for ent in ents:
        resolved = resolve_date(date_phrase(ent), ctx.published)
        if (
            resolved is not None
            and resolved.precision <= WEEK
            and (ctx.published is None or (ctx.published - resolved.start).days <= RECENT_START_DAYS)
        ):
            return True
    return False


def agreed_truce(cand: Candidate, cues: Cues) -> bool:
    """'agreed to extend the ceasefire', 'announced it would observe a truce': agreeing to a truce, or
    announcing one will keep it, is declaring it."""
    if cand.event_type != "ceasefire" or cand.sub_event_type != "declared" or not cand.eventive:
        return False
    verb = cand.anchor
    if is_infinitive(verb) and lemma(verb.head) in cues.truce_agreeing_verbs:
        return True
    committed = any(c.dep_ == "aux" and c.lower_ in cues.commitment_modals for c in verb.children)
    conditioned = any(  # "would observe a truce if the army withdrew": an offer, not a truce
        m.dep_ == "mark" and m.lower_ in cues.conditional_marks for c in verb.children for m in c.children
    )
    announced = verb.dep_ == "ccomp" and lemma(verb.head) in cues.truce_announcing_verbs
    return committed and announced and not conditioned


def is_grievance(cand: Candidate, cues: Cues) -> bool:
    """'protested against the arrest of X', 'residents whose homes were torched protested': what a
    protest is about, or what befell its crowd, is not an event of the protest."""
    head = cand.head
    protests = [
        span.start
        for span in doc_spans(cand.sent.doc, TRIGGER_SPANS)
        if span.label_.startswith("protest.") and cand.sent.start <= span.start < cand.sent.end
    ]
    if not protests or (cand.event_type == "protest" and cand.nominal):
        return False
    if not cand.nominal:
        clause = others_relative_clause(head)
        return clause is not None and any(
            not clause.left_edge.i <= i <= clause.right_edge.i for i in protests
        )
    return any(
        tok.dep_ == "prep" and tok.lower_ in cues.grievance_prepositions for tok in path_up(head, limit=4)
    )


def claimed_by_its_subject(verb: Token, cues: Cues) -> bool:
    """What the speakers of a relative clause claim, which the parser took for the sentence's verb
    ("families who claim their children have been kidnapped continued their sit-in": "kidnapped" is made
    the root, "families" its subject): a claim told, not an occurrence the text reports."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i:
        return False
    for clause in (c for c in subject.children if c.dep_ == "relcl" and lemma(c) in cues.reporting_verbs):
        said = next((c for c in clause.children if c.dep_ == "dobj"), None)
        between = verb.doc[said.right_edge.i + 1 : verb.i] if said is not None else []
        # the claim's own subject and auxiliaries: "their children | have been | kidnapped"
        if between and all(t.dep_ in ("aux", "auxpass") and t.head == verb for t in between):
            return True
    return False


def others_relative_clause(tok: Token) -> Token | None:
    """The relative clause a word is told in, when it is not the act of the noun the clause describes
    ("whose homes were torched", "who say their sons were abducted"; not "who torched the office" nor
    "the bank, where rioters hurled rocks": the clause's own verb or a word of it)."""
    for clause in (tok, *tok.ancestors):
        if clause.dep_ == "relcl":
            opener = [c for c in clause.children if c.dep_ in ("nsubj", "advmod") and c.i < clause.i]
            own = bool(opener) and opener[0].tag_ in ("WP", "WDT", "WRB")
            said = tok.dep_ in ("ccomp", "parataxis")  # "who say their sons were abducted": not their act
            return None if own and (tok == clause or tok.head == clause and not said) else clause
    return None


def has_specific_date(cand: Candidate, cues: Cues) -> bool:
    """An own date phrase that names a day, month or year (not 'in recent years'); any of them counts,
    the closest may be a place the parser took for a date ("airstrikes in X region of Dahuk")."""
    return any(date_specificity(date_phrase(span), cues) >= 1.0 for span in own_date_spans(cand, cues))


def is_characterisation(cand: Candidate, cues: Cues) -> bool:
    """'This is an attack on democracy': a noun predicated of something (not "there was a clash"), or
    aimed at an abstraction."""
    head = cand.head
    if not cand.nominal:  # "she was the second candidate killed in a week": who she was, no occurrence
        noun = head.head
        ranked = head.dep_ == "acl" and noun.dep_ == "attr" and lemma(noun.head) == "be"
        return ranked and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    if head.dep_ in ("attr", "acomp") and lemma(head.head) == "be":
        return not any(c.dep_ == "expl" for c in head.head.children)  # "there was a clash" asserts one
    target = prep_object(head, cues.figurative_target_prepositions)
    return target is not None and lemma(target) in cues.figurative_targets


def tallied_conflict(cand: Candidate, cues: Cues) -> bool:
    """The fighting or violence a toll is counted over ("put the death toll of the fighting at 426", "the
    toll from the violence rose"): a conflict's tally, not one occurrence, unless dated to a day or
    month of its own ("the toll of Monday's fighting")."""
    head = cand.head
    if head.lower_ not in cues.conflict_nouns:  # as written: the parser may read "fighting" as a verb
        return False
    tok = head
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = tok.head
        tallied = lemma(tok) in cues.tally_nouns or any(
            c.dep_ == "dobj" and lemma(c) in cues.tally_nouns for c in tok.children
        )
        if tallied:  # "the toll of the fighting", "put the toll on one side of the fighting at 426"
            return not has_specific_date(cand, cues)
        if tok.pos_ in VERBAL and tok.dep_ not in ("acl", "relcl"):
            return False
    return False


PRESENT_AUX = frozenset({"is", "are", "'s", "'re", "has", "have", "'ve"})


def describes_a_place(cand: Candidate) -> bool:
    """A present-tense clause describing a place ("the state, where cartels are fighting over routes",
    "a region where militants attack convoys"): what goes on there, no one occurrence."""
    verb = cand.head
    if cand.nominal or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.lower_ in PRESENT_AUX for c in verb.children
    )


def war_on_a_country(cand: Candidate, cues: Cues) -> bool:
    """A country's assault on a whole country ("Russia's assault on Ukraine", "its attack on Ukraine"):
    the war as a whole, no one occurrence unless dated."""
    head = cand.head
    if not cand.nominal or cand.family != "violent":
        return False
    target = prep_object(head, cues.target_prepositions | {"against"}) or next(iter(of_objects(head)), None)
    if target is None or target.ent_type_ != "GPE" or country_for_name(target.text) is None:
        return False
    doer = next((c for c in head.children if c.dep_ == "poss"), None)
    return doer is not None and (doer.pos_ == "PRON" or country_for_name(doer.text) is not None)


def not_its_kind(event_type: str, head: Token, cues: Cues) -> bool:
    """A trigger noun its modifier makes another kind: "a press conference" tells the press, no talks;
    "a ceasefire agreement", "a cessation of hostilities deal" are the ceasefire (coded once, as one)."""
    if event_type == "dialogue":
        return any(c.dep_ == "compound" and lemma(c) in cues.media_modifiers for c in head.children)
    if event_type == "agreement":
        return any(
            s.end == head.i and s.label_.startswith("ceasefire.") for s in doc_spans(head.doc, TRIGGER_SPANS)
        )
    return False


def one_after_another(cand: Candidate, cues: Cues) -> bool:
    """A perfect clause told of a series ("as one leader after another has been caught or killed", "the
    area has been repeatedly attacked by X"): occurrences one by one over time, none of them told."""
    verb = cand.anchor if cand.anchor.pos_ in VERBAL else None
    if verb is None or not (is_perfect(verb, cues) or any(is_perfect(c, cues) for c in verb.ancestors)):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in cues.frequency_adverbs for c in verb.children):
        return True
    words = [t.lower_ for t in sent_tokens(cand.sent)]
    return any(
        w == "after" and "one" in words[max(0, i - 3) : i] and words[i + 1] in ("another", "the")
        for i, w in enumerate(words[:-1])
    )


def kind_of_people(cand: Candidate) -> bool:
    """An event noun without article that describes a kind of people ("indigenous people who died in
    clashes over land", "farmers who lost sons in raids"): what befalls such people, no one occurrence."""
    head = cand.head
    if (
        not cand.nominal
        or head.dep_ != "pobj"
        or any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
    ):
        return False
    verb = head.head.head
    return verb.dep_ == "relcl" and head.head.dep_ == "prep" and bare_plural(verb.head)


def over_several_occasions(cand: Candidate, cues: Cues) -> bool:
    """A result summed over occasions the text does not tell apart ("killed 27 insurgents during several
    operations", "detained suspects in a number of raids"), or such occasions told themselves over a
    stretch ("several attacks on army positions in 2022 and 2023", dated by no day): an aggregate of
    unnamed occurrences, not one."""
    told_vaguely = cand.nominal and cand.head.tag_ == "NNS" and quantified_vaguely(cand.head, cues)
    if told_vaguely and own_date_spans(cand, cues) and not has_specific_day(cand, cues):
        return True  # "responsible for several attacks ... in 2022 and 2023"; "several blasts went off": news
    verb = cand.anchor if cand.nominal else cand.head
    # the parser may hang the phrase on a verbless clause or an aside after the object ("detained
    # members, some plotting attacks, in a number of raids", "killed operatives, some of them leaders, in
    # several raids")
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ in NONFINITE]
    asides = [
        a
        for o in verb.children
        if o.dep_ == "dobj"
        for p in [o, *of_objects(o)]
        for a in p.children
        if a.dep_ == "appos"
    ]
    heads = [verb, *clauses, *asides]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if lemma(noun) == "number" and any(c.lower_ == "a" for c in noun.children):
                noun = next((o for o in of_objects(noun) if o.tag_ == "NNS"), noun)  # "a number of raids"
                quantified = True
            else:
                quantified = quantified_vaguely(noun, cues)
            if quantified and noun.tag_ == "NNS" and lemma(noun) in cues.occasion_nouns:
                return True
            if bare_plural(noun) and lemma(noun) in cues.occasion_nouns and dated_by_months(noun, cand, cues):
                return True  # "killed 174 soldiers in attacks in December and January"
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in VERBAL:
        first = first.head
    if many_times(first) or (first.dep_ == "advcl" and first.tag_ == "VBG" and many_times(first.head)):
        return True  # a participle ("..., killing or injuring dozens") shares its verb's occasions
    return any(vague_times(c, cues) for h in heads for c in h.children) and not has_specific_day(cand, cues)


def quantified_vaguely(noun: Token, cues: Cues) -> bool:
    """A noun counted by no number ("several operations", "various raids")."""
    return any(
        c.dep_ in ("amod", "det")
        and (c.lower_ in cues.indefinite_quantifiers or c.lower_ in cues.vague_occasion_modifiers)
        for c in noun.children
    )


def vague_times(tok: Token, cues: Cues) -> bool:
    """'several times', 'many times', 'a number of times': on occasions the text does not count."""
    if tok.dep_ not in ("npadvmod", "advmod", "dobj"):
        return False
    if lemma(tok) == "time" and tok.tag_ == "NNS":
        return any(c.lower_ in cues.indefinite_quantifiers for c in tok.children)
    return lemma(tok) == "number" and any(o.lower_ == "times" for o in of_objects(tok))


MANY_TIMES = 10  # "violated the truce about 400 times": so many occasions are a tally, not one event


def many_times(verb: Token) -> bool:
    """The verb's clause counts its occasions in the tens or more ("violated the truce about 400 times";
    "struck three times" may be one shelling), however the parser hung the count."""
    if not has_word(verb.doc, "times"):
        return False
    for tok in verb.subtree:
        if tok.lower_ != "times" or next((h for h in tok.ancestors if h.pos_ in VERBAL), None) != verb:
            continue
        counts = [c for c in tok.children if c.dep_ == "nummod"] + ([tok.head] if tok.head.like_num else [])
        if any((token_number(c) or 0) >= MANY_TIMES for c in counts):
            return True
    return False


def dated_by_months(noun: Token, cand: Candidate, cues: Cues) -> bool:
    """The occasions or their verb dated by a phrase of their own ("attacks in December and January"),
    and the event to months or years only, never a day."""
    dates = [
        g
        for h in (noun, cand.anchor if cand.nominal else cand.head)
        for p in h.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ == "DATE"
    ]
    return bool(dates) and not has_specific_day(cand, cues)


def conflict_displaced(cand: Candidate, cues: Cues) -> bool:
    """Fighting said to have driven people from their homes ("the fighting has driven 700,000 from their
    homes", "violence displaced thousands"): the conflict's toll on the displaced, not one occurrence,
    unless dated to a day or month of its own."""
    head = cand.head
    if not cand.nominal or lemma(head) not in cues.conflict_nouns or head.dep_ != "nsubj":
        return False
    return lemma(head.head) in cues.displacement_verbs and not has_specific_date(cand, cues)


def judicial_execution(cand: Candidate, cues: Cues) -> bool:
    """A state's execution of a sentence its courts passed ("Iran executed a man who had been convicted
    of ..."): a legal punishment, not political violence as ACLED codes it. An armed group's court
    ("Al Shabaab sentenced and executed a man") is violence against a civilian."""
    if lemma(cand.head) != "execute" or cand.head.pos_ not in VERBAL:
        return False
    told = [s for s in cand.sent.doc.sents if any(lemma(t) == "execute" for t in s)] if cand.headline else []
    if not any(t.lower_ in cues.judicial_words for s in told or [cand.sent] for t in sent_tokens(s)):
        return False  # a headline's execution: the body's sentences that tell it give the sentence
    subject = subject_of(cand.head)
    if subject is None:  # "was executed after being convicted": the state's
        return not any(c.dep_ == "agent" for c in cand.head.children)
    return country_for_name(subject.text) is not None or lemma(subject) in cues.state_executioners


def accident_as_killer(cand: Candidate, cues: Cues) -> bool:
    """Deaths an accident or a disaster caused ("a bridge collapse killed 14", "the collapse of a canopy
    that killed 14 people", "were killed when their bus crashed", "died in a landslide"): no one's act."""
    if cand.event_type not in ("attack", "clash") or cand.nominal or cand.head.pos_ not in VERBAL:
        return False
    return killed_by_accident(cand.head, cues)


def killed_by_accident(verb: Token, cues: Cues) -> bool:
    """A death verb whose cause is an accident or a disaster (cue list accident_words): its subject or
    agent, an "in" phrase, or a "when" clause, also through a relative pronoun or "the collapse of X"."""
    causes = [c for c in verb.children if c.dep_ == "nsubj"]
    causes += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    causes += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
    causes += [c for c in verb.children if c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children)]
    causes = [
        d.head.head if d.lower_ in cues.relative_pronouns and d.head.dep_ == "relcl" else d for d in causes
    ]
    causes += [
        d.head.head for d in causes if d.head.dep_ == "prep" and d.head.lower_ == "of"
    ]  # "collapse of X"
    compounds = [c for t in causes for c in t.children if c.dep_ == "compound"]  # "a bridge collapse"
    return any(accident_word(t, cues) for t in causes + compounds)


def accident_word(tok: Token, cues: Cues) -> bool:
    """A noun of an accident or disaster ("collapse", "landslide") or a verb of one ("crashed"; "stormed"
    is no storm)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return lemma(tok) in cues.accident_words
    return tok.pos_ == "VERB" and lemma(tok) in cues.accident_verbs


def conflict_as_killer(cand: Candidate, cues: Cues) -> bool:
    """A war or insurgency said to have killed ("a conflict that has killed thousands", "the insurgency
    has claimed 10,000 lives", "the violence has killed 17,000"), fought as a whole ("Mali is fighting a
    jihadist insurgency") or doing harm by itself ("people hit by the fighting"): a conflict's tally or
    its course, not one occurrence, unless dated to a day or month of its own."""
    head = cand.head
    if cand.nominal and head.dep_ == "pobj" and head.head.dep_ == "agent":  # "people hit by the fighting"
        return lemma(head) in cues.period_nouns | cues.conflict_agents and not has_specific_date(cand, cues)
    if cand.nominal or head.pos_ not in VERBAL:
        return False
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    if not doers and head.dep_ == "conj":
        doers = [c for c in head.head.children if c.dep_ == "nsubj"]
    doers = [
        d.head.head if d.lower_ in cues.relative_pronouns and d.head.dep_ == "relcl" else d for d in doers
    ]
    objects = [c for c in head.children if c.dep_ == "dobj"]
    conflict = any(lemma(t) in cues.period_nouns for t in doers + objects)
    # "the violence has killed more than 17,000 people": fighting told as having killed, a tally
    conflict = conflict or (is_perfect(head, cues) and any(lemma(t) in cues.conflict_nouns for t in doers))
    if not conflict:
        return False
    clause = head.head if head.dep_ == "conj" else head
    if clause.dep_ == "relcl":  # "a conflict that has lasted decades and killed thousands": only a date of
        inside = range(clause.left_edge.i, clause.right_edge.i + 1)  # its own clause dates the killing
        return not any(
            date_specificity(date_phrase(span), cues) >= 1.0
            for span in own_date_spans(cand, cues)
            if span.root.i in inside
        )
    return not has_specific_date(cand, cues)


def cited_statistics(cand: Candidate, cues: Cues) -> bool:
    """A figure cited from statistics ("according to UN figures, some 4,000 people were killed in the
    region last year") or events counted by an observer: a count over a period or an area, not one
    occurrence."""
    sent = cand.sent
    key = ("cites_statistics", sent.start, sent.end, id(cues))
    cites = remembered(sent.doc, key, lambda: cites_statistics(sent, cues))
    return cites and not has_specific_day(cand, cues)


def cites_statistics(sent: Span, cues: Cues) -> bool:
    """The sentence cites statistics ("according to UN figures") or an observer's count of events."""
    tokens = sent_tokens(sent)
    cited = [
        g
        for tok in tokens
        if tok.lower_ == "to" and tok.i > 0 and tok.nbor(-1).lower_ == "according"
        for g in tok.children
        if g.dep_ == "pobj"
    ]
    # "a report recorded 97 militant attacks in February, which left 87 dead": the dead are the count's too
    counted = any(lemma(t) in cues.occasion_nouns and counted_by_observer(t, cues) for t in tokens)
    return counted or any(lemma(o) in cues.statistics_nouns for o in cited)


def counted_by_observer(head: Token, cues: Cues) -> bool:
    """A number of events an observer recorded or counted ("recorded 97 attacks"): a statistic."""
    return (
        head.tag_ == "NNS"
        and head.dep_ == "dobj"
        and lemma(head.head) in cues.counting_verbs
        and any(c.dep_ == "nummod" for c in head.children)
    )


def has_specific_day(cand: Candidate, cues: Cues) -> bool:
    """An own date phrase that names a day ("on Monday", "on 5 March")."""
    spans = own_date_spans(cand, cues)
    return any(date_specificity(date_phrase(span), cues) >= 2.0 for span in spans) or any(
        t.lower_ in cues.specific_day_words for span in spans for t in span
    )


def planned_participle(head: Token, cues: Cues) -> bool:
    """'a protest being planned by a group', 'an attack feared by residents': a participle after the
    noun says it is not (yet) real; 'a protest planned by students took place' asserts it did (the
    caller exempts eventive mentions)."""
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in cues.irrealis_modifiers for c in head.children
    )


def said_of_captives(span: Span, sent: Span, cues: Cues) -> bool:
    """An arrest or abduction told as what describes people a release frees ("some of those detained were
    released", "the kidnapped engineers were freed"): the release is told; the arrest, if any, elsewhere;
    or people something else is done to, with no day of their arrest ("an operation to move 900 people
    detained in connection with the war"): detainees, no arrest told."""
    root = span.root
    if not holds_captives(span) or root.dep_ not in ("acl", "amod"):
        return False
    if root.lower_ not in cues.captive_modifiers:
        return False
    triggers = [s for s in doc_spans(sent.doc, TRIGGER_SPANS) if sent.start <= s.start < sent.end]
    if any(s.label_.startswith("release.") for s in triggers):
        return True
    people, verb = root.head, root.head.head
    done_to = people.dep_ == "dobj" and verb.pos_ == "VERB" and not any(s.root.i == verb.i for s in triggers)
    return done_to and not any(t.ent_type_ in ("DATE", "TIME") for t in root.subtree)


def holds_captives(span: Span) -> bool:
    """An arrest or an abduction trigger: it leaves someone to release."""
    return span.label_.split("|")[0] in ("arrest.arrest", "attack.abduction")


def has_new_event_marker(head: Token, cues: Cues) -> bool:
    """'another', 'second', 'last' and the like mark a different occurrence; so does a verb told as what
    came next ('later that day, gunmen raided ...')."""
    return (
        any(
            c.lower_ in cues.new_event_modifiers for c in head.children if c.dep_ in ("amod", "det", "nummod")
        )
        or (head.pos_ in VERBAL and told_as_next(head, cues))
        or opens_apart(head.sent, cues)
        or countering(head)
    )


def countering(head: Token) -> bool:
    """A "counter-demonstration", "counter-protest": another gathering than the one it answers."""
    return head.i >= 2 and head.doc[head.i - 1].text == "-" and head.doc[head.i - 2].lower_ == "counter"


def opens_apart(sent: Span, cues: Cues) -> bool:
    """A sentence that opens by setting what it tells apart from what came before ("Separately, ...",
    "Elsewhere, ...", "In a separate incident, ...", "In another raid, ...")."""
    first = next((t for t in sent if t.is_alpha), None)
    if first is None:
        return False
    if first.lower_ in cues.apart_openers:
        return True
    occasion = next((c for c in first.children if c.dep_ == "pobj"), None) if first.dep_ == "prep" else None
    return (
        occasion is not None
        and lemma(occasion) in cues.occasion_nouns
        and any(c.lower_ in cues.new_event_modifiers for c in occasion.children if c.dep_ in ("amod", "det"))
    )


def told_as_next(verb: Token, cues: Cues) -> bool:
    """'later', 'afterwards' on the verb or on a time phrase of it ('later in the day'); one written before
    the clause's 'that' tells when it was said ('It said later that ...'), whatever the parse."""
    near = list(verb.children)
    near += [g for c in verb.children if c.dep_ in ("prep", "npadvmod") for g in c.children]
    opens = min((c.i for c in verb.children if c.dep_ == "mark"), default=-1)
    return any(t.dep_ == "advmod" and t.lower_ in cues.sequence_adverbs and t.i > opens for t in near)
