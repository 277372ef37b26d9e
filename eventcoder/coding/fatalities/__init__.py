"""Fatalities by ACLED's rules: find every statement of a number of dead in a text and total them.

Rule based (precompiled regexes over a light tokenisation; no spaCy). The cue and number words are data, in
``data/fatality_cues.json``. A figure is found from a death cue: the people before a passive or intransitive
cue ("4 militants were killed", "2 of the injured later died", "12 dead"), the people after an active cue
("killing 5 people", "the killing of 3 militants and 1-2 policemen", "shot dead a man") or the number after
a toll ("the death toll rose to 20"). Lists are split into groups ("3 policemen, 2 militia members and 1
soldier" -> 3 figures); breakdowns ("5 civilians (2 men, 3 women)", "3 militants including a commander",
"11 people, 4 of them children") are not counted twice, unless an "including" item is plainly another kind
of people (militants including 2 commanders and 4 soldiers -> the soldiers count). Without a number, a
singular person counts 1 ("a policeman", "the district chief and his bodyguard" -> 2); bare plurals
("soldiers were killed") give no number.

Choices (ACLED: "the most conservative estimate available"):

* "at least / more than / over N" -> N; "nearly / around / about / some N" -> N; ranges ("10-15",
  "10 to 15", "10 or 11", "between 10 and 15") -> the lower bound; "fewer / less than N" -> N - 1.
* "up to / as many as / at most N" -> N: it is only an upper bound, so when another report of the same
  dead is lower, the lower one wins by the conflicting-reports rule below.
* Vague amounts: "a dozen" / "dozens" -> 12, "tens" -> 10, "scores" -> 20 (one score), "hundreds" -> 100,
  "thousands" -> 1000, "several" / "a few" / "a handful" -> 3, "a couple" / "both" -> 2, "a" / "an" /
  "one" -> 1; "many", "some", "a number of", "numerous", "multiple", "unknown number" -> no number.
* Wounded / injured / hurt / missing / arrested are never deaths. "casualties" alone is not counted
  ("fatal casualties" is). "killed or wounded 10" and "were killed and injured" are not death counts.
  Negated or hypothetical killing ("were not killed", "tried to kill") is not a death.
* Explicit zero ("no one was killed", "no casualties", "no deaths") -> 0, only when no positive figure is
  stated; "no immediate reports of casualties" is not explicit and gives None. killed_figures lists such
  statements as figures of count 0.
* Attackers who die count when the text says so ("the attacker blew himself up" -> 1); a suicide
  bombing does not add an unstated bomber to the figure the text gives (GUIDELINES: the number stated).
* Summing: groups of dead in one clause are summed; "also / another / other / more / additional / a third"
  figures add to what came before. Groups are compared by head noun, synonyms merged (militants = fighters =
  insurgents, soldiers = troops, ...). A later clause about a group already counted is: a repeat when the
  number is the same; when attributed to a source or contrasted ("police said 4, residents said 7") or
  definite ("the five victims"), an alternative account -- the lower one is kept, unless it restates every
  group already counted with the same numbers and adds others (then it extends the count), tells only groups
  already counted with their numbers ("the killing of the officer": no change), or is a total of "people" in
  general larger than the groups counted so far ("shot dead an officer ... police said the shootout left four
  people dead": the total of every side), or one group's dead fewer than a total of "people" counted before
  ("left 10 people dead ... officials said it cost the lives of five gendarmes": a part of the ten); otherwise
  another death of that group. A later figure for "people" in general is a breakdown when smaller and an
  update when larger. A death toll replaces what came before and the latest toll wins, except a toll from a
  source with no update verb ("media put the toll at 21"), which is an alternative account; a cumulative toll
  ("since January", "over the past two weeks", or "bringing the toll to" next to the event's own figure) is
  ignored, as is a figure told in the present perfect over a stretch of time ("300 have been killed in weeks
  of unrest", "so far this year").
* People killed "together with" / "along with" a passive's subject are dead too.
* Every group of people listed before "dead" is dead ("left four rebels and one soldier dead" -> 5);
  before a death noun only the last figure is ("3 arrests and 2 deaths" -> 2).
* Two events told in one sentence, in clauses cut at contrast words ("..., while on Friday militants
  killed five") or at a clause set days apart ("..., a day after they killed two soldiers"), each take
  their own clause's dead (`clause_fatalities`).
* "he was killed" / "killing him" count only when nothing else in the text gives a number of dead.
* Numbers that are not counts of people are skipped: years, dates, ages ("a 25-year-old"), times, units,
  labels ("Section 144"), things ("2 bombs").

Modules: ``cues`` (the data file's word lists, and the prefilter built from its death cues), ``tokens``
(masking, sentences, tokens), ``numbers`` (quantities), ``people`` (lists of people around a cue),
``figures`` (the figures of each sentence, and the public API), ``totals`` (the event's total).
"""

from eventcoder.coding.fatalities.figures import (
    KilledFigure,
    clause_fatalities,
    count_fatalities,
    killed_figures,
)

__all__ = ["KilledFigure", "clause_fatalities", "count_fatalities", "killed_figures"]
