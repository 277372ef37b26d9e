"""Code one parsed article into event mentions, following docs/GUIDELINES.md.

The steps, each a small function (the module that holds it in brackets):
1. candidates (triggers.py): every trigger in `doc.spans["event_triggers"]` that survives the
   realis rules (not negated, not modal, planned, feared, demanded, conditional) and reports one
   occurrence (generic.py: not a tally, a trend, a generic or habitual statement);
2. attachments (attach.py, dating.py, participants.py): the date phrase, place phrase and participants
   that the dependency parse attaches to the trigger's clause;
3. one event per occurrence (grouping.py, occurrences.py): candidates in one sentence of one
   family become one; then candidates across the article that report the same occurrence are
   merged (a definite "the attack" with nothing new is a reference to an earlier one, never a
   new event);
4. fields (mentions.py): date (own phrase, else an event it is anchored to, else the narrative
   context, else the publication date when the text says it just happened), place, actors and
   fatalities of the merged event; crosswalk to ACLED/CAMEO/PLOVER; evidence and confidence.

What the steps share (resources, article context, the Candidate record) is in candidates.py;
the parse helpers and the cue lists of data/cues.json are in rules.py.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventcoder.coding.attach import one_place_per_name
from eventcoder.coding.candidates import Candidate, CoderResources, article_context
from eventcoder.coding.headlines import fold_headlines
from eventcoder.coding.mentions import to_mention
from eventcoder.coding.occurrences import Cluster, dead_of_the_protests, merge_mentions, refine_type
from eventcoder.coding.triggers import trigger_candidates
from eventcoder.records import Article, Mention


def code_doc(doc: Doc, article: Article, res: CoderResources) -> list[Mention]:
    """All event mentions of one parsed article, one per real occurrence."""
    ctx = article_context(doc, article, res)
    sentences = list(doc.sents)
    cands = trigger_candidates(doc, ctx, res)
    for cand in cands:
        refine_type(cand, res.cues)
    for cand, old in one_place_per_name(cands):
        renamed_for_place(cand, old, res)
    dead_of_the_protests(cands, ctx.paragraph_of)
    clusters = fold_headlines(merge_mentions(cands, ctx.published))
    real = [c for c in clusters if not c.first.shadow]
    # summaries (sets of events told one by one) date the events told after them as real ones do
    narrative = [c for c in clusters if not c.first.shadow or c.first.summary]
    return distinct_mentions([(c, to_mention(c, real, sentences, ctx, res, narrative)) for c in real])


def renamed_for_place(cand: Candidate, old: str | None, res: CoderResources) -> None:
    """The generic sides of a candidate moved from a namesake in `old` ("troops": the forces of the
    namesake's country) named for its place's country."""
    new = cand.place.iso3 if cand.place else None
    cand.actor1 = res.actors.moved(cand.actor1, old, new)
    cand.actor2 = res.actors.moved(cand.actor2, old, new)
    cand.subject_actor = res.actors.moved(cand.subject_actor, old, new)


def distinct_mentions(coded: list[tuple[Cluster, Mention]]) -> list[Mention]:
    """One mention per sentence and event type (its event_id): the most informative one is kept.

    Two triggers of one sentence can end as the same event type once refined ("held a protest
    ... youths who clashed"); the guidelines code one event per type per sentence.
    """
    kept: dict[tuple[int, int, str, str | None], tuple[float, Mention]] = {}
    for cluster, mention in coded:
        score = cluster.best().informativeness()
        key = (mention.evidence_start, mention.evidence_end, mention.event_type, mention.part)
        held = kept.get(key)
        if held is None or score > held[0]:
            kept[key] = (score, mention)
    return [mention for _, mention in kept.values()]
