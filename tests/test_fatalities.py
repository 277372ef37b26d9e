"""Fatalities by ACLED's rules: one test per rule, on short sentences written for these tests."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from eventcoder.coding import fatalities
from eventcoder.coding.fatalities import clause_fatalities, count_fatalities, cues, killed_figures
from eventcoder.coding.fatalities.tokens import mask

# --- the number killed in the event ---------------------------------------------------------------


def test_killing_five_people_is_five() -> None:
    assert count_fatalities("Gunmen attacked a checkpoint, killing five people.") == 5


def test_passive_were_killed() -> None:
    assert count_fatalities("5 people were killed in the blast.") == 5


def test_active_killed_object() -> None:
    assert count_fatalities("Militants killed 3 policemen in the attack.") == 3


def test_left_dead() -> None:
    assert count_fatalities("The bombing left 12 dead and dozens injured.") == 12


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Troops clashed with rebels, leaving four rebels and one soldier dead.", 5),
        ("Two soldiers, three civilians dead in border clash", 5),
        ("The raid left 20 injured and 5 dead.", 5),  # the injured are no group of the dead
        ("Police reported 3 arrests and 2 deaths.", 2),  # before a death noun, the last figure only
    ],
)
def test_every_group_of_people_listed_before_dead_is_dead(text: str, dead: int) -> None:
    assert count_fatalities(text) == dead


def test_a_clause_set_days_apart_counts_its_own_dead() -> None:
    text = (
        "Militants killed three people on Sunday, a day after they ambushed a convoy and killed two soldiers."
    )
    assert clause_fatalities(text, text.index("killed three"), text.index("ambushed")) == 3
    assert clause_fatalities(text, text.index("ambushed"), text.index("killed three")) == 2


def test_intransitive_died_and_lost_their_lives() -> None:
    assert count_fatalities("At least 8 people died when the bomb exploded.") == 8
    assert count_fatalities("Three policemen lost their lives in the attack.") == 3


def test_shot_dead_and_martyred() -> None:
    assert count_fatalities("Gunmen shot dead a journalist in the city.") == 1
    assert count_fatalities("Two soldiers were martyred in the exchange of fire.") == 2


def test_claimed_the_lives_of() -> None:
    assert count_fatalities("The explosion claimed the lives of 9 people.") == 9


def test_beaten_to_death_but_not_sentenced_to_death() -> None:
    assert count_fatalities("A mob beat two men to death.") == 2
    assert count_fatalities("Two men were sentenced to death.") is None


@pytest.mark.parametrize(
    "text, dead",
    [
        ("On Monday two people living in Kobarre were shot dead by militants.", 2),
        ("Two farmers from Kobarre village were shot dead on Monday.", 2),
        ("Two people living in Kobarre village, in Lamu county, were shot dead.", 2),
        ("Three soldiers from the Garissa camp were killed in the ambush.", 3),
    ],
)
def test_the_dead_are_found_before_the_place_they_come_from(text: str, dead: int) -> None:
    assert count_fatalities(text) == dead


@pytest.mark.parametrize(
    "text",
    [
        "Four of the 10 people were killed.",
        "Four of the 10 people in Kobarre were killed.",
        "Militants killed four of the 10 passengers.",
        "Four of 10 hostages were killed.",
    ],
)
def test_some_of_a_whole_are_the_dead_not_the_whole(text: str) -> None:
    assert count_fatalities(text) == 4


def test_the_dead_of_one_clause_belong_to_its_event_when_another_is_told_in_the_next() -> None:
    text = (
        "On Sunday one soldier died in an attack on a checkpoint in Mandera, while on Friday "
        "militants killed five police officers near Garissa."
    )
    attack, killed = text.index("attack"), text.index("killed")
    assert count_fatalities(text) == 6  # the sentence's dead, both events together
    assert (clause_fatalities(text, attack, killed), clause_fatalities(text, killed, attack)) == (1, 5)
    assert clause_fatalities(text, attack, text.index("soldier")) is None  # one clause: no split


@pytest.mark.parametrize(
    "text, dead",
    [
        ("At least four people protesting against the government were killed by police on Thursday.", 4),
        ("Two men travelling to the market were shot dead on Monday.", 2),
        ("The calm ended weeks of unrest in which more than 300 people have been killed.", None),
        ("More than 500 people have been killed so far this year in the region.", None),
        ("Five people have died since Monday in the clashes.", 5),
        ("At least 10 people have been killed in clashes in Mandera, police said.", 10),
    ],
)
def test_a_tally_over_months_is_no_events_dead_and_a_participle_hides_no_people(text, dead) -> None:
    assert count_fatalities(text) == dead


@pytest.mark.parametrize(
    "text, dead",
    [
        ("A district chief was ambushed and killed together with three bodyguards and a police officer.", 5),
        ("The commander was killed along with two of his guards.", 3),
        ("Two soldiers were killed alongside a civilian.", 3),
        ("The governor was killed together with his driver.", 2),
        ("The governor was killed together with his car.", 1),
    ],
)
def test_people_killed_with_the_subject_of_a_passive_are_dead_too(text: str, dead: int) -> None:
    assert count_fatalities(text) == dead


def test_killing_of_groups_summed_and_range_lower_bound() -> None:
    assert count_fatalities("The clash led to the killing of 3 militants and 1-2 policemen.") == 4


def test_list_of_groups_is_summed() -> None:
    text = "Two local policemen, three militia members, and one soldier were killed, and 8 were wounded."
    assert count_fatalities(text) == 6


def test_unnumbered_singular_people_count_one() -> None:
    assert count_fatalities("The district chief and his bodyguard were killed.") == 2
    assert count_fatalities("Unknown gunmen killed the head of the local council.") == 1


def test_one_killed_after_wounded_is_one() -> None:
    assert count_fatalities("3 soldiers were wounded. 1 was killed.") == 1


def test_death_toll_takes_the_latest_toll_not_a_sum() -> None:
    assert count_fatalities("The death toll rose to 20 on Tuesday.") == 20
    assert count_fatalities("The attack killed 5 people. The death toll later rose to 20.") == 20


def test_a_toll_told_with_its_event_rises_to_the_figure_however_long_the_event() -> None:
    # the event told between "toll from" and "rose to" may run past the figure window
    text = "The death toll from a militia raid on a cattle camp near Lodwar on Saturday rose to 19 on Monday."
    assert count_fatalities(text) == 19
    text = "The death toll from Saturday's raid on the market in Lodwar has risen to 19."
    assert count_fatalities(text) == 19


def test_cumulative_toll_is_not_the_event() -> None:
    text = "The bomb killed at least 34 people, bringing the death toll from this week's violence to 60."
    assert count_fatalities(text) == 34


# --- qualified numbers ----------------------------------------------------------------------------


def test_at_least_is_the_number() -> None:
    assert count_fatalities("An airstrike killed at least 10 fighters.") == 10


def test_more_than_is_the_number() -> None:
    assert count_fatalities("More than 20 people were killed.") == 20


def test_up_to_is_the_number_when_nothing_lower_is_given() -> None:
    assert count_fatalities("Up to 15 people were killed.") == 15
    assert count_fatalities("As many as 15 villagers died.") == 15


def test_up_to_gives_way_to_a_lower_report() -> None:
    text = "Officials said up to 15 people were killed. Police said 9 people were killed."
    assert count_fatalities(text) == 9


def test_nearly_around_about_are_the_number() -> None:
    for modifier in ("Nearly", "Around", "About"):
        assert count_fatalities(f"{modifier} 30 people were killed.") == 30


def test_ranges_take_the_lower_bound() -> None:
    assert count_fatalities("10-15 militants were killed.") == 10
    assert count_fatalities("10 to 15 militants were killed.") == 10
    assert count_fatalities("Between 7 and 9 people were killed.") == 7
    assert count_fatalities("Seven or eight people were killed.") == 7


def test_fewer_than_is_one_less() -> None:
    assert count_fatalities("Fewer than 10 people were killed.") == 9


def test_conflicting_reports_take_lowest() -> None:
    assert count_fatalities("Police said 4 people were killed, while residents said 7 died.") == 4
    assert count_fatalities("Police said 4 people were killed. Residents said 7 people were killed.") == 4


def test_conflicting_reports_by_synonyms_take_lowest() -> None:
    text = "The army said 14 militants were killed. The militants said 2 of their fighters died."
    assert count_fatalities(text) == 2


def test_attributed_toll_is_an_alternative_not_an_update() -> None:
    text = "Officials said 17 people were killed and 40 wounded; local media put the toll at 21."
    assert count_fatalities(text) == 17


# --- words and digits -----------------------------------------------------------------------------


def test_number_words() -> None:
    assert count_fatalities("Twenty-one soldiers were killed.") == 21
    assert count_fatalities("One hundred and twenty people were killed.") == 120
    assert count_fatalities("1,200 people have been killed.") == 1200


def test_a_dozen_is_twelve() -> None:
    assert count_fatalities("A dozen people were killed.") == 12


def test_dozens_is_twelve() -> None:
    assert count_fatalities("Dozens of people were killed.") == 12
    assert count_fatalities("Two dozen people were killed.") == 24


def test_several_and_a_few_are_three() -> None:
    assert count_fatalities("Several people were killed.") == 3
    assert count_fatalities("A few people were killed.") == 3


def test_scores_is_twenty_and_hundreds_is_a_hundred() -> None:
    assert count_fatalities("Scores of people were killed.") == 20
    assert count_fatalities("Hundreds of people were killed.") == 100


def test_vague_amounts_without_a_number_are_none() -> None:
    for quantifier in ("A number of", "Many", "Some"):
        assert count_fatalities(f"{quantifier} people were killed.") is None


def test_a_policeman_is_one() -> None:
    assert count_fatalities("A policeman was killed.") == 1


def test_two_of_them_both_and_all_seven() -> None:
    assert count_fatalities("Two of them were killed.") == 2
    assert count_fatalities("Both were killed.") == 2
    assert count_fatalities("Gunmen opened fire on a bus, killing all 7 passengers.") == 7


# --- not deaths -----------------------------------------------------------------------------------


def test_wounded_are_not_fatalities() -> None:
    assert count_fatalities("Ten people were wounded.") is None
    assert count_fatalities("The blast killed 3 people and wounded 20 others.") == 3
    assert count_fatalities("Two soldiers died and four were injured in the ambush.") == 2


def test_casualties_alone_are_not_counted() -> None:
    assert count_fatalities("The attack caused 10 casualties.") is None
    assert count_fatalities("The attack caused 4 fatal casualties.") == 4


def test_killed_or_wounded_is_not_a_death_count() -> None:
    assert count_fatalities("The blast killed or wounded 10 people.") is None
    assert count_fatalities("Seven militants were killed and wounded in the raid.") is None


def test_explicit_no_casualties_is_zero() -> None:
    assert count_fatalities("There were no casualties.") == 0
    assert count_fatalities("No one was killed in the attack.") == 0
    assert count_fatalities("Nobody died.") == 0


def test_repelled_without_suffering_casualties_is_zero() -> None:
    assert count_fatalities("Police beat back the attack without suffering any casualties.") == 0
    assert count_fatalities("The post held out without sustaining casualties.") == 0


def test_no_reports_of_casualties_is_unknown_not_zero() -> None:
    assert count_fatalities("There were no immediate reports of casualties.") is None


def test_zero_does_not_cancel_a_stated_death() -> None:
    assert count_fatalities("No civilians were hurt, but 2 soldiers were killed.") == 2


def test_other_cardinals_are_not_deaths() -> None:
    assert count_fatalities("He was killed in 2020.") == 1
    assert count_fatalities("The 3 policemen who were injured were taken to hospital.") is None
    assert count_fatalities("Militants planted 2 bombs that killed a soldier.") == 1
    assert count_fatalities("A 25-year-old man was killed.") == 1
    assert count_fatalities("Section 144 was imposed after 2 people were killed.") == 2
    assert count_fatalities("On 5 May 2021, 3 people were killed.") == 3
    assert count_fatalities("The 12-hour clash killed 3 insurgents.") == 3


def test_hypothetical_and_negated_killing_is_not_a_death() -> None:
    assert count_fatalities("The militants tried to kill the governor.") is None
    assert count_fatalities("Three soldiers were not killed.") is None


# --- attackers ------------------------------------------------------------------------------------


def test_the_bomber_was_killed_is_one() -> None:
    assert count_fatalities("The bomber was killed.") == 1


def test_attacker_blew_himself_up_is_one() -> None:
    assert count_fatalities("The attacker blew himself up.") == 1
    assert count_fatalities("The attacker blew himself up, killing 3 people.") == 4


def test_suicide_bomber_counts_only_when_the_text_says_he_died() -> None:
    assert count_fatalities("A suicide bomber killed 6 worshippers at a mosque.") == 6
    assert count_fatalities("Two suicide bombers blew themselves up at a market, killing 20.") == 22


def test_suicide_bomber_already_counted_is_not_added() -> None:
    assert count_fatalities("A suicide bomber killed 6 people, including himself.") == 6


def test_foiled_suicide_bomber_adds_nothing() -> None:
    assert count_fatalities("Police arrested a would-be suicide bomber.") is None


# --- summing across the sentences of one event ----------------------------------------------------


def test_also_killed_adds_to_an_earlier_group() -> None:
    text = "2 soldiers were killed. Local authorities reported that 4 militants were also killed."
    assert count_fatalities(text) == 6


def test_another_and_other_add() -> None:
    assert count_fatalities("2 soldiers were killed and 3 were wounded. Another 3 died in hospital.") == 5
    assert count_fatalities("2 policemen were killed. 2 other policemen were killed later.") == 4


def test_different_groups_in_separate_sentences_are_summed() -> None:
    assert count_fatalities("1 soldier was killed and 1 was wounded. 1 civilian was killed.") == 2


def test_repeated_figure_is_not_double_counted() -> None:
    assert count_fatalities("Five people were killed. Police said five people were killed.") == 5
    text = "5 people were killed in the blast. The five victims died at the scene."
    assert count_fatalities(text) == 5


def test_breakdowns_are_not_double_counted() -> None:
    assert count_fatalities("Eight people, including two children, were killed.") == 8
    assert count_fatalities("Fighting killed 11 people, 4 of them children.") == 11
    assert count_fatalities("Five civilians (two men, two women and a child) were killed.") == 5


def test_including_another_kind_of_people_is_added() -> None:
    text = "At least 21 militants including 2 commanders and 4 soldiers were killed."
    assert count_fatalities(text) == 25


def test_pronoun_counts_only_when_nothing_else_does() -> None:
    assert count_fatalities("They killed him.") == 1
    assert count_fatalities("A policeman was killed. He was shot in the head and killed.") == 1


def test_elliptical_second_object_is_added() -> None:
    assert count_fatalities("The Taliban killed 2 soldiers on Monday and 3 more on Tuesday.") == 5


def test_partitive_of_another_group_is_not_a_repeat() -> None:
    text = "Militants stormed a school, killing 6 teachers. Police later killed 2 of the attackers."
    assert count_fatalities(text) == 8


def test_ordinal_adds_one_more() -> None:
    assert count_fatalities("Police fired on protesters, killing two. A third protester died later.") == 3


def test_fuller_restatement_from_a_source_extends_the_count() -> None:
    assert count_fatalities("2 soldiers were killed. The army said 5 militants and 2 soldiers died.") == 7


def test_subject_before_a_relative_clause() -> None:
    assert count_fatalities("The gunman, who killed 3 people, was later shot dead by police.") == 4


def test_people_with_a_participle_modifier() -> None:
    assert count_fatalities("Two policemen guarding a vaccination team were shot dead.") == 2
    assert count_fatalities("A man accused of blasphemy was lynched by a mob.") == 1
    assert count_fatalities("Three alleged robbers were killed in an exchange of fire.") == 3


def test_headline_present_tense() -> None:
    assert count_fatalities("Gunmen kill 5 in Kabul") == 5
    assert count_fatalities("3 killed, 12 injured in Quetta blast") == 3


# --- the prefilter: every death cue of the data file gets past it ---------------------------------


def test_burned_alive() -> None:
    assert count_fatalities("Five villagers were burned alive in the attack.") == 5
    assert count_fatalities("Militants burnt alive 3 people.") == 3
    assert count_fatalities("Four men were buried alive.") == 4


def test_guns_down_and_embraced_shahadat() -> None:
    assert count_fatalities("A gunman guns down two policemen in Peshawar.") == 2
    assert count_fatalities("Two fighters embraced shahadat in the clash.") == 2


_DEATH_LISTS = (
    "death_participles",
    "death_active_present",
    "death_intransitive",
    "death_nouns",
    "death_active_phrases",
    "to_death_phrases",
    "toll_nouns",
)


def _death_phrases() -> list[str]:
    """Every death cue of the data file as the parser matches it ("killing" of "death_nouns_of" + "of")."""
    data = json.loads(cues.CUES_PATH.read_text("utf-8"))
    return [p for key in _DEATH_LISTS for p in data[key]] + [f"{w} of" for w in data["death_nouns_of"]]


@pytest.mark.parametrize("phrase", _death_phrases())
def test_every_death_phrase_passes_the_prefilter(phrase: str) -> None:
    quoted = "\u201d \u201c".join(phrase.split())  # quotes between words are dropped by the tokeniser
    for text in (
        phrase,
        f"They said {phrase.upper()} here.",
        f"Reports: \u201c{quoted}\u201d.",
        f"5{phrase}",
    ):
        assert cues.CUE_RE.search(text), text


@pytest.mark.parametrize("phrase", _death_phrases())
def test_prefilter_never_hides_a_figure(phrase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventcoder.coding.fatalities import figures

    texts = [
        f"Four soldiers were {phrase} three men.",
        f"Gunmen {phrase} 7 villagers.",
        f"The {phrase} 12 people shocked the town.",
        f"The {phrase} a man shocked the town.",  # one person's remains: "the body of a man"
        f"12 {phrase} in the blast.",
        f"Police said the {phrase} rose to 9.",
        f"A mob beat 2 men {phrase}.",
    ]
    monkeypatch.setattr(figures, "CUE_RE", re.compile(""))  # no prefilter: what the parser finds
    stating = [t for t in texts if figures._all_figures(t)]
    assert stating
    assert all(cues.CUE_RE.search(mask(t)) for t in stating)


# --- figures --------------------------------------------------------------------------------------


def test_killed_figures_give_offsets_groups_and_also() -> None:
    text = "4 militia members were killed. Officials said 2 Taliban militants were also killed."
    figs = killed_figures(text)
    assert [(f.count, f.group, f.also) for f in figs] == [
        (4, "militia members", False),
        (2, "Taliban militants", True),
    ]
    assert [text[f.start : f.end] for f in figs] == ["4 militia members", "2 Taliban militants"]


def test_killed_figures_of_text_without_dead_is_empty() -> None:
    assert killed_figures("The rally passed peacefully.") == []
    assert count_fatalities("The rally passed peacefully.") is None
    assert count_fatalities("") is None


# --- the package and its data ---------------------------------------------------------------------


def test_package_exports_the_api_and_figures_keeps_it() -> None:
    from eventcoder.coding.fatalities import figures

    assert fatalities.count_fatalities is figures.count_fatalities
    assert fatalities.killed_figures is figures.killed_figures
    assert fatalities.KilledFigure is figures.KilledFigure


def test_every_key_of_the_data_file_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    read: set[str] = set()

    class Recording(dict):
        def __getitem__(self, key: str) -> object:
            read.add(key)
            return super().__getitem__(key)

    loads = json.loads
    monkeypatch.setattr(json, "loads", lambda text: Recording(loads(text)))
    spec = importlib.util.spec_from_file_location("fatality_cues_probe", cues.__file__)
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    keys = {k for k in loads(cues.CUES_PATH.read_text("utf-8")) if not k.startswith("_")}  # "_": comments
    assert keys - read == set()


# --- a note's own summary of its dead -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two gunmen on a motorbike shot a shopkeeper. The victim died. 1 fatality.", 1),
        ("Bandits raided a market town. At least 6 fatalities.", 6),
        ("The motive is unknown.3 fatalities and 2 injured.", 3),
        ("Rebels overran two outposts. Unknown fatalities coded as 10.", 10),
        ("Fighting went on. Unclear fatalities coded as 10 and spread across two locations.", 5),
        ("Reports on fatalities range from 4 to 9.", 4),
        ("Several fatalities coded at 3, in addition to 2 known fatalities.", 5),
        ("Twelve fatalities split up between 3 events.", 4),
        ("A sniper shot one soldier [1 fatality split among 12 events].", 0),
    ],
)
def test_a_notes_summary_sentence_states_its_dead(text: str, expected: int) -> None:
    from eventcoder.coding.fatalities.summary import note_summary

    assert note_summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman confirmed 3 rebel fatalities but claimed far more on the other side.",
        "No fatalities were reported.",
        "Gunmen killed two farmers near the river.",
    ],
)
def test_no_summary_sentence_gives_none(text: str) -> None:
    from eventcoder.coding.fatalities.summary import note_summary

    assert note_summary(text) is None


def test_the_speaker_after_a_list_of_dead_is_not_one_of_them() -> None:
    assert count_fatalities("Missiles hit Kharkiv, killing three people, the governor said.") == 3
    assert count_fatalities("Gunmen killed a policeman, the district chief said.") == 1
    assert count_fatalities("The attack killed two soldiers, a policeman and a child, officials said.") == 4
    # a speaker with a number of their own is a speaker too
    text = "A drone hit a car, killing a Zarvo Front commander and two of his guards, two officials said."
    assert count_fatalities(text) == 3


def test_one_body_is_one_dead_but_a_body_of_people_is_none() -> None:
    assert count_fatalities("The body of a man was found by a road with his hands tied.") == 1
    assert count_fatalities("The bodies of two men were found near the bridge.") == 2
    assert count_fatalities("A government body of five people was formed to look into the killing.") is None


def test_the_dead_of_a_relative_clause_on_another_stretch_of_time_are_not_the_events(code_text):
    text = (
        "Bomb kills ranger in Kenya\n\nOne ranger died and six others were wounded when a bomb exploded in"
        " Garissa on Monday, following a weekend in which a spate of attacks killed six people."
    )
    (m,) = [m for m in code_text(text) if m.sub_event_type == "explosion"]
    assert m.fatalities == 1


def test_a_total_of_every_side_after_one_side_s_dead_is_the_event_s_dead() -> None:
    text = (
        "Gunmen shot dead a police officer in Garissa early on Sunday. Police said that by the evening the"
        " shootout had left four people dead, the officer and three attackers."
    )
    assert count_fatalities(text) == 4
    # two accounts of all the dead still take the lower one
    assert count_fatalities("Gunmen killed five people in Garissa. Police said three people had died.") == 3


def test_dead_already_counted_told_again_change_no_total() -> None:
    text = (
        "Gunmen shot dead a police officer in Garissa on Sunday. Police said the shootout had left four"
        " people dead. Officials said the gunmen fled into the forest after the killing of the officer."
    )
    assert count_fatalities(text) == 4


def test_one_side_s_dead_after_a_total_of_people_is_part_of_it() -> None:
    text = (
        "A police convoy came under attack in Garissa, and the gun battle that followed left 10 people dead."
        " According to an official statement, the shootout cost the lives of five officers."
    )
    assert count_fatalities(text) == 10


def test_them_killed_are_the_counted_people_named_before_them() -> None:
    assert count_fatalities("Gunmen seized two soldiers in Garissa on Monday and killed them.") == 2
    assert count_fatalities("Militants abducted five aid workers near Lamu and later killed them.") == 5
    assert count_fatalities("The gunmen killed them all.") is None


def test_people_a_participle_acts_on_are_not_the_dead_of_the_cue_after_them() -> None:
    text = "Gangs stormed a prison in Garissa, freeing about 4,000 inmates, and 12 people were killed."
    assert count_fatalities(text) == 12
    assert count_fatalities("Gunmen holding 12 hostages were killed by police in Lamu.") is None
    assert count_fatalities("Three soldiers and two civilians were killed in Lamu.") == 5
    assert count_fatalities("Gunmen attacked a post in Lamu, leaving 1 soldier killed.") == 1
    assert count_fatalities("A medic gave a higher toll, saying at least 10 had been killed.") == 10
