"""Speaker and quote rules of issue 17's speaker round, each on sentences written for this test
(invented names, never dev text): split quotations, nested quotations with their own cue,
clause subjects, lone surnames, pronouns across paragraphs."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")



from extract_lookups import quote_starting as _quote, rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def test_a_reporting_sentence_between_two_quotations_ends_the_split_quotation():
    rows = _rows('Prices rose "faster than wages", he said. Trade minister Ruth Okonkwo said the plan would work. '
                 '"We expect the first results in the spring, and more in the summer."\n')
    quote = _quote(rows, "We expect")
    assert quote["kind"] == "direct"
    assert _speaker_text(rows, quote) == "Ruth Okonkwo"


def test_a_split_quotation_keeps_its_speaker_after_a_short_reporting_clause():
    rows = _rows('"We will win," Ruth Okonkwo said on Monday. "Very soon."\n')
    quote = _quote(rows, "Very soon")
    assert (quote["kind"], quote["speaker_id"]) == ("direct", "ruth-okonkwo")


def test_nested_quotation_takes_the_subject_of_its_cue_inside_the_outer_one():
    rows = _rows('"Mara Linde says, \'Defeat teaches you more than any victory.\' I agree," Tomas Berg said.\n')
    quote = _quote(rows, "Defeat teaches")
    assert (quote["kind"], quote["cue_text"]) == ("direct", "says")
    assert _speaker_text(rows, quote) == "Mara Linde"


def test_nested_quotation_after_i_asked_is_the_outer_speaker_with_the_pronoun_as_mention():
    rows = _rows('"It was hard," Dana Ruiz said. "I asked him three times, \'Would you like us to help?\' He said no."\n')
    quote = _quote(rows, "Would you like")
    assert (quote["speaker_status"], quote["speaker_id"], quote["cue_text"]) == ("attributed", "dana-ruiz", "asked")
    assert _speaker_text(rows, quote) == "I"


def test_nested_quotation_with_its_cue_after_it_inside_the_outer_one():
    rows = _rows('"We had a long night," Dana Ruiz said. "\'Go home and rest,\' Mara Linde told us, and we did."\n')
    quote = _quote(rows, "Go home")
    assert (quote["kind"], quote["cue_text"]) == ("direct", "told")
    assert _speaker_text(rows, quote) == "Mara Linde"


def test_first_person_cue_outside_any_quotation_stays_unattributed():
    rows = _rows('Okoro Bello said the work was late. We asked the council, "Will the bridge open this year?"\n')
    assert _quote(rows, "Will the bridge")["speaker_status"] == "unattributed"


def test_participle_cue_before_a_quotation_takes_the_subject_of_the_sentence():
    rows = _rows('Ana Reyes criticised the plan drawn up by Tom Hale, saying: "It will not work at all."\n')
    assert _speaker_text(rows, _quote(rows, "It will not")) == "Ana Reyes"


def test_participle_cue_after_an_adverb_and_a_comma_is_still_a_participle():
    rows = _rows('Ana Reyes had questioned the engine with which Tom Hale races, too, saying that it "had never been tested".\n')
    assert _speaker_text(rows, _quote(rows, "had never")) == "Ana Reyes"


def _texts_of(rows: dict, kind: str) -> list[str]:
    return [q["text"] for q in rows["quotes"] if q["kind"] == kind]


def test_speaker_after_a_quotation_and_its_cue_is_no_reported_clause():
    rows = _rows('"Jobs rose fast this autumn," said economist Ken Ortiz of Ridley Brothers & Sons.\n')
    assert _texts_of(rows, "indirect") == []
    assert _speaker_text(rows, _quote(rows, "Jobs rose")) == "Ken Ortiz"


def test_quotation_speaker_with_an_appositive_before_told_is_no_preposed_report():
    rows = _rows('"Profits fell in 2003 and 2004," Axel Brandt, head of sales at Norcom, told the Courier.\n')
    assert _texts_of(rows, "indirect") == []


def test_subject_with_a_relative_clause_before_said_is_no_preposed_report():
    rows = _rows('Lawyer Ines Marr, who represents Tom Hale and Ana Reyes, said the council should have acted sooner.\n')
    assert _texts_of(rows, "indirect") == ["the council should have acted sooner"]


def test_quotation_followed_by_according_to_is_direct_speech_of_that_source():
    rows = _rows('Tom Hale studied the data. "The results are clear," according to Lena Voss.\n')
    quote = _quote(rows, "The results")
    assert (quote["kind"], quote["cue_text"], _speaker_text(rows, quote)) == ("direct", "according to", "Lena Voss")


def test_according_to_before_quoted_words_attributes_them():
    rows = _rows('According to Lena Voss of Brenton University, "the results are clear".\n')
    quote = _quote(rows, "the results")
    assert (quote["kind"], quote["cue_lemma"], _speaker_text(rows, quote)) == ("partial", "according to", "Lena Voss")


def test_quotation_opening_a_bracket_is_direct_speech():
    rows = _rows('Tom Hale spoke for an hour ("We will build it," he says at one point) and then left.\n')
    quote = _quote(rows, "We will build")
    assert (quote["kind"], quote["speaker_id"]) == ("direct", "tom-hale")


def test_kind_of_body_refers_to_the_organisation_named_before():
    rows = _rows('Shares in Norcom rose on Monday. "Sales were strong in the autumn," the retailer said.\n')
    quote = _quote(rows, "Sales were")
    assert (quote["speaker_id"], _speaker_text(rows, quote)) == ("norcom", "the retailer")


def test_described_body_never_named_is_the_speaker_and_its_short_form_refers_back():
    rows = _rows('The environment select committee made 20 recommendations on Monday. '
                 '"We accept the plan and we support it," the committee said.\n')
    quote = _quote(rows, "We accept")
    assert (quote["speaker_id"], _speaker_text(rows, quote)) == ("environment-select-committee", "the committee")


def test_a_bare_or_vague_body_noun_with_nothing_named_before_is_nobody():
    rows = _rows('"We will act soon," the new government said. "Prices will fall," the company said. "We will rule in May," the court said.\n')
    assert [q["speaker_id"] for q in rows["quotes"] if q["kind"] == "direct"] == [None, None, None]


def test_a_clause_after_said_is_not_the_subject_of_a_preposed_report():
    rows = _rows('Tom Hale, whose daughter was hurt in the crash, said he wanted answers.\n'
                 'The team will win the league again next year, said Leeds United.\n')
    assert _texts_of(rows, "indirect") == ["The team will win the league again next year"]


def test_relative_clause_between_speaker_and_verb_after_a_quotation_keeps_the_cue():
    rows = _rows('Tom Berry took over at Leeds in May.\n"We have done nothing wrong," Berry, who joined the club in 2001, said.\n')
    quote = _quote(rows, "We have done")
    assert (quote["cue_text"], _speaker_text(rows, quote)) == ("said", "Berry")


def test_a_place_after_a_locative_preposition_is_not_the_speaker():
    rows = _rows('Shoppers in Nottingham said: "The shop has been shut for a week."\n'
                 'The company, which is based in Leeds, said in a statement: "We regret the delay."\n'
                 'Police in Nottingham said: "A man has been arrested."\n')
    assert [q["speaker_id"] for q in rows["quotes"] if q["kind"] == "direct"] == [None, None, "nottingham"]


def test_person_in_apposition_after_a_role_of_an_organisation_is_the_speaker():
    rows = _rows('"It is over," said the coach of Leeds United, Tom Berry.\n')
    assert _speaker_text(rows, _quote(rows, "It is over")) == "Tom Berry"


def test_group_qualified_by_a_nationality_speaks_for_it_with_the_phrase_as_mention():
    rows = _rows('Fighting went on. "This is false," Basque sources told the Courier.\n')
    quote = _quote(rows, "This is false")
    assert (quote["speaker_status"], _speaker_text(rows, quote)) == ("attributed", "Basque sources")


def test_nationality_group_speaks_for_the_country_named_in_the_article_it_is_formed_from():
    rows = _rows('Australia and Austria met in Vienna. Austrian diplomats said that the talks were over.\n'
                 'Peru closed the border. Peruvian officials said that the road would reopen in May.\n')
    assert [q["speaker_id"] for q in rows["quotes"] if q["kind"] == "indirect"] == ["austria", "peru"]


def test_group_with_no_name_right_before_it_stays_an_unnamed_source():
    rows = _rows('Ridley Bank lost the case, and officials said that the road would reopen in May.\n')
    assert [(q["speaker_status"], q["speaker_id"]) for q in rows["quotes"]] == [("unnamed_source", None)]


def test_unnamed_source_after_the_verb_of_a_quotation_is_an_unnamed_source():
    rows = _rows('Ben Kato woke up in pain. "They drugged his beer," said a police source.\n')
    assert _quote(rows, "They drugged")["speaker_status"] == "unnamed_source"


def test_a_body_after_a_preposition_is_not_the_subject_of_a_participle_cue():
    rows = _rows('Norcom Holdings cut jobs. In a letter to Ridley Bank on Monday, Norcom Holdings defended the cuts, adding that "the cuts are deep".\n')
    assert _quote(rows, "the cuts")["speaker_id"] == "norcom-holdings"


def test_a_pronoun_right_after_the_verb_comes_before_a_later_name():
    rows = _rows('Jack Ode paid the money back. He apologised for "an honest slip" and says he plans to contact the Home Office.\n')
    assert _speaker_text(rows, _quote(rows, "an honest")) == "he"


def test_residents_of_a_place_do_not_speak_for_it():
    rows = _rows('Ana Reyes spoke to Leeds residents, who said that the road had been shut for a week.\n')
    assert [q["speaker_id"] for q in rows["quotes"] if q["kind"] == "indirect"] == [None]
