"""The rules added for out-of-sample news (issue 17), each on sentences written for this test
(never dev text): standalone quoted sentences, speakers across sentences and paragraphs, role and
body nominals, appositives, titles without full stops, given names and name head words."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")



from extract_lookups import quote_starting as _quote, rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def _types(rows: dict) -> dict[str, str]:
    types = {e["entity_id"]: e["type"] for e in rows["entity_rows"]}
    return {m["text"]: types[m["entity_id"]] for m in rows["mentions"] if m["kind"] == "NAME"}


def test_quoted_sentence_after_a_reporting_sentence_is_direct_with_that_speaker():
    rows = _rows('Bookings rose in the spring, Hartwell Homes said. "Visitor numbers have been good and we expect more."\n')
    quote = _quote(rows, "Visitor numbers")
    assert quote["kind"] == "direct"
    assert _speaker_text(rows, quote) == "Hartwell Homes"


def test_title_case_words_in_marks_after_a_sentence_stay_a_scare_quote():
    rows = _rows('He spoke at length. "The Lord Of The Northern Rings Returns." It opened on Friday.\n')
    assert _quote(rows, "The Lord")["kind"] == "scare"


def test_colon_ending_the_previous_paragraph_introduces_the_quotation():
    rows = _rows("Ines Okafor, who runs the shelter, said:\n\n\"We will open the doors to everyone this winter.\"\n")
    quote = _quote(rows, "We will open")
    assert (quote["kind"], quote["cue_text"]) == ("direct", ":")
    assert _speaker_text(rows, quote) == "Ines Okafor"


def test_next_quoted_sentence_keeps_the_speaker_of_the_one_before():
    rows = _rows('"We are ready," Carla Mendes said. "The team has trained for months." "Nothing is left to chance."\n')
    first, last = _quote(rows, "We are ready"), _quote(rows, "Nothing is left")
    assert last["kind"] == "direct"
    assert last["speaker_id"] == first["speaker_id"] == "carla-mendes"


def test_the_minister_refers_to_the_titled_person_named_before():
    rows = _rows('Justice Minister Petra Lund visited the prison. The minister said: "Closer cooperation pays off for everyone."\n')
    quote = _quote(rows, "Closer cooperation")
    assert _speaker_text(rows, quote) == "The minister"
    assert quote["speaker_id"] == "petra-lund"


def test_the_committee_refers_to_the_committee_named_before():
    rows = _rows('The Harbour Safety Committee met on Monday. "Ferries must slow down near the pier," the committee said.\n')
    quote = _quote(rows, "Ferries must")
    assert _speaker_text(rows, quote) == "the committee"
    assert quote["speaker_id"] == "harbour-safety-committee"


def test_the_subject_before_an_appositive_is_the_speaker_not_the_name_inside_it():
    rows = _rows('Later, Dana Whitfield, chief executive of Borland Valley Trust, had said: "We regret this step."\n')
    assert _quote(rows, "We regret")["speaker_id"] == "dana-whitfield"


def test_the_hearer_of_told_is_never_the_speaker():
    rows = _rows('"Three planes are missing," one official told Reuters.\n')
    assert _quote(rows, "Three planes")["speaker_id"] is None


def test_quote_only_cue_verbs_introduce_quotes():
    rows = _rows('"Did you sign the papers?" Mr Kowalski pressed.\n')
    quote = _quote(rows, "Did you")
    assert (quote["cue_lemma"], quote["speaker_id"]) == ("press", "kowalski")


def test_a_body_before_a_title_is_an_organisation_and_the_name_after_it_a_person():
    types = _types(_rows("Yesterday Labour MP Roger Penhallow spoke to the press about the budget.\n"))
    assert types == {"Labour": "ORG", "Roger Penhallow": "PERSON"}


def test_british_titles_without_a_full_stop_are_not_part_of_the_name():
    types = _types(_rows("On Monday the officer Sgt Gillian Marsh and later Prof Etan Varga arrived.\n"))
    assert types == {"Gillian Marsh": "PERSON", "Etan Varga": "PERSON"}


def test_a_qualified_title_is_dropped_from_the_name():
    types = _types(_rows("The talks were led by Foreign Secretary Alan Brightwater in the morning.\n"))
    assert types == {"Alan Brightwater": "PERSON"}


def test_place_and_organisation_head_words_type_multiword_names():
    types = _types(_rows("The march went from Tannery Street to the offices of Avon Quarry Systems in the rain.\n"))
    assert types == {"Tannery Street": "LOC", "Avon Quarry Systems": "ORG"}


def test_a_census_given_name_alone_is_a_person():
    types = _types(_rows("The coach said that later Margaret would drive the bus.\n"))
    assert types.get("Margaret") == "PERSON"


def test_a_long_titled_subject_after_a_comma_quote_is_the_speaker():
    rows = _rows('"I cannot confirm that report," Norland\'s Defence Minister Ivo Brannock had reportedly said.\n')
    assert _quote(rows, "I cannot")["speaker_id"] == "ivo-brannock"


def test_a_long_subject_is_no_cue_subject_after_a_quote_not_ended_by_a_comma():
    rows = _rows('Troops need approval under the "Ley de Seguridad Nacional" and the Regional Court of Appeal (RCA) has ruled on it.\n')
    assert _quote(rows, "Ley de")["kind"] == "scare"


def test_a_verb_in_a_sentence_that_goes_on_after_a_full_stop_quote_is_no_cue():
    rows = _rows('Tessa Marlow said: "The plan is reckless." But a spokeswoman insisted Owen Tarrant had acted in good faith.\n')
    assert _quote(rows, "The plan")["speaker_id"] == "tessa-marlow"


def test_a_short_reporting_clause_after_a_full_stop_quote_is_the_cue():
    rows = _rows('"The plan is reckless." Tessa Marlow said.\n')
    quote = _quote(rows, "The plan")
    assert (quote["cue_lemma"], quote["speaker_id"]) == ("say", "tessa-marlow")


def test_went_on_is_a_cue_and_on_alone_is_not():
    rows = _rows('Vera Lindqvist went on: "We will not stop here at all." Troops focus on "border control" now.\n')
    assert _quote(rows, "We will not")["cue_lemma"] == "go on"
    assert _quote(rows, "border control")["kind"] == "scare"


def test_the_tory_leader_is_a_role_nominal_with_a_modifier():
    rows = _rows('Michael Brannigan spoke first. The Tory leader added: "We will cut the tax this year."\n')
    quote = _quote(rows, "We will cut")
    assert _speaker_text(rows, quote) == "The Tory leader"


def test_a_quoted_sentence_with_no_cue_is_the_implicit_words_of_the_person_named_just_before():
    rows = _rows('Ryan Castellano headed for the door with his family.\n\n"They brought out some cake for everyone."\n')
    quote = _quote(rows, "They brought")
    assert (quote["kind"], quote["speaker_status"], quote["speaker_id"]) == ("direct", "implicit", "ryan-castellano")


def test_irregular_nationality_words_are_norp():
    types = _types(_rows("The deal pleased both the French and the Welsh negotiators, and later the Kurdish ones.\n"))
    assert types == {"French": "NORP", "Welsh": "NORP", "Kurdish": "NORP"}


def test_a_town_after_a_locative_preposition_is_a_place_and_an_unknown_word_an_organisation():
    types = _types(_rows("Shoppers in Carlisle were worried, while staff at Zorbitex were not.\n"))
    assert types == {"Carlisle": "GPE", "Zorbitex": "ORG"}


def test_ist_and_ite_words_are_groups():
    types = _types(_rows("The rally drew several Maoist speakers and two Blairite ministers.\n"))
    assert types == {"Maoist": "NORP", "Blairite": "NORP"}


def test_of_after_a_person_name_ends_the_name_but_continues_a_body():
    types = _types(_rows("Analysts such as Gary Thornbury of Pelham Capital praised the Bank of England on Monday.\n"))
    assert types == {"Gary Thornbury": "PERSON", "Pelham Capital": "ORG", "Bank of England": "ORG"}


def test_an_all_caps_dateline_is_a_place_and_an_initialism_at_a_sentence_start_a_name():
    types = _types(_rows("LONDON (Reuters) - Talks went on. NATO members met in the evening.\n"))
    assert types.get("LONDON") == "GPE"
    assert types.get("NATO") == "ORG"


def test_new_starts_a_place_name():
    types = _types(_rows("Stocks fell in New York on Monday.\n"))
    assert types == {"New York": "GPE"}


def _indirect(rows: dict) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker_id"]) for q in rows["quotes"] if q["kind"] == "indirect"]


def test_content_before_a_short_reporting_clause_is_indirect_speech():
    rows = _rows("Anglers could face prosecution under the new rules, the Harbour Safety Committee has warned.\n")
    assert _indirect(rows) == [("Anglers could face prosecution under the new rules", "harbour-safety-committee")]


def test_content_before_said_and_its_subject_is_indirect_speech():
    rows = _rows("The builder is continuing work on the second dam, said the Northern Daily.\n")
    assert _indirect(rows) == [("The builder is continuing work on the second dam", "northern-daily")]


def test_a_reporting_verb_heading_a_relative_clause_is_no_preposed_report():
    rows = _rows("The raid came last week, a move Brenford says targets smuggling rings.\n")
    assert _indirect(rows) == []


def test_said_reaches_a_clause_whose_verb_comes_late_and_contracted_subjects_count():
    rows = _rows("Mr Pellow said the plan to merge the two regional boards into one would fail. Ana Ruiz said he's a fair man.\n")
    spans = [text for text, _ in _indirect(rows)]
    assert spans == ["the plan to merge the two regional boards into one would fail", "he's a fair man"]


def test_a_possessive_is_no_finite_verb():
    rows = _rows("The premier signalled a major change in Lisbon's approach to crime.\n")
    assert _indirect(rows) == []


def test_a_month_abbreviation_does_not_end_the_sentence():
    rows = _rows("The firm announced on Feb. 11 that it was leaving the market for good.\n")
    assert [text for text, _ in _indirect(rows)] == ["it was leaving the market for good"]


def test_an_initialism_in_brackets_after_its_full_name_is_that_entity():
    rows = _rows("The Regional Court of Appeal (RCA) has ruled that the strikes were unlawful.\n")
    ids = {m["text"]: m["entity_id"] for m in rows["mentions"]}
    assert ids["RCA"] == ids["Regional Court of Appeal"] == "regional-court-of-appeal"


def test_a_colon_after_no_reporting_verb_introduces_the_sentence_subject():
    rows = _rows('His lawyer, Lena Marsh, went on Channel Nine to talk about the recording: "That silence worried me a great deal."\n')
    assert _quote(rows, "That silence")["speaker_id"] == "lena-marsh"
