"""Messages a new user met that said what was wrong but not what was expected (newuser47).

README, "Your own edited copy": a user re-annotated a quote's speaker in a copy of 2.32.0 and
read `speaker_status 'attributed' does not allow speaker_ids ['donald-trump']`: an attributed
quote does allow speaker_ids, exactly one, its speaker_id (Q9), and the message did not say so.
A user who pinned 2.32.0 by pip (no checkout, so no release beside the code) and called
`landstrikes.load("quotes", version="2.32.0")` read `no release 2.32.0 under ... (releases
there: none)` with no word of `root=`, which README gives as the way. DATASHEET's generated
claims line read `1 cross-article contradiction pairs`.
"""

from __future__ import annotations

import pytest
from conftest import load, save

from landstrikes.errors import ReleaseNotFound
from landstrikes.schema import validate


def speaker_ids_messages(folder) -> dict[str, str]:
    return {f.row_id: f.message for f in validate(folder).findings if f.check == "speaker-ids-inconsistent"}


def test_an_attributed_quote_whose_speaker_ids_name_another_says_the_one_expected(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[(quotes["speaker_status"] == "attributed") & (quotes["speaker_id"] == "donald-trump")][0]
    quotes.at[row, "speaker_ids"] = ["claudia-sheinbaum"]
    save(dataset_copy, "quotes", quotes)
    message = speaker_ids_messages(dataset_copy)[quotes.at[row, "quote_id"]]
    assert "['claudia-sheinbaum']" in message, message
    assert "must be ['donald-trump'] (its speaker_id" in message, message
    assert "(Q9)" in message, message


def test_a_multiple_quote_with_one_speaker_id_says_two_or_more_different_ids_are_expected(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"] == "multiple"][0]
    quotes.at[row, "speaker_ids"] = ["mexico"]
    save(dataset_copy, "quotes", quotes)
    message = speaker_ids_messages(dataset_copy)[quotes.at[row, "quote_id"]]
    assert "must list two or more different speakers" in message, message


def test_a_speakerless_quote_with_speaker_ids_says_they_must_be_empty(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[quotes["speaker_status"].isin(["unattributed", "term", "unnamed_source"])][0]
    status = quotes.at[row, "speaker_status"]
    quotes.at[row, "speaker_ids"] = ["donald-trump"]
    save(dataset_copy, "quotes", quotes)
    message = speaker_ids_messages(dataset_copy)[quotes.at[row, "quote_id"]]
    assert f"speaker_status {status!r}" in message and "must be empty" in message, message


def test_load_with_no_release_anywhere_it_looked_names_root_and_version(tmp_path, monkeypatch):
    """An installed (not editable) package: no ./dataset/releases, no checkout beside the code."""
    from landstrikes.releases import loading

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loading, "SOURCE_CHECKOUT", tmp_path / "site-packages")
    for version in ("2.32.0", None):
        with pytest.raises(ReleaseNotFound) as caught:
            loading.resolve_release(version)
        message = str(caught.value)
        assert "root=" in message and "version=" in message, message


def test_the_datasheet_claims_line_counts_one_pair_in_the_singular():
    from landstrikes.documents.datasheet import claims_block

    def line(pairs: int) -> str:
        claims = {"clusters": 236, "cross_article_clusters": 41, "contradictions": [["a", "b"]] * pairs}
        return claims_block({"claims": claims, "tables": {"claims": {"rows": 398}}})

    assert "; 1 cross-article contradiction pair (" in line(1), line(1)
    assert "; 2 cross-article contradiction pairs (" in line(2), line(2)
    assert "; 0 cross-article contradiction pairs (" in line(0), line(0)


def test_a_speaker_mention_of_another_entity_says_whose_mention_it_is(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[(quotes["speaker_status"] == "attributed") & (quotes["speaker_id"] == "donald-trump")][0]
    quotes.at[row, "speaker_id"] = "claudia-sheinbaum"
    quotes.at[row, "speaker_ids"] = ["claudia-sheinbaum"]
    save(dataset_copy, "quotes", quotes)
    found = [f for f in validate(dataset_copy).findings if f.check == "speaker-mention-mismatch"]
    assert [f.row_id for f in found] == [quotes.at[row, "quote_id"]], found
    mention = quotes.at[row, "speaker_mention_id"]
    assert f"{mention} is a mention of 'donald-trump', the speaker_id is 'claudia-sheinbaum'" in found[0].message, found[0].message


def test_an_attributed_quote_without_speaker_id_reads_null_not_nan(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[(quotes["speaker_status"] == "attributed") & (quotes["speaker_id"] == "donald-trump")][0]
    quotes.at[row, "speaker_id"] = None
    save(dataset_copy, "quotes", quotes)
    messages = [f.message for f in validate(dataset_copy).findings if f.row_id == quotes.at[row, "quote_id"]]
    assert any("is a mention of 'donald-trump', the speaker_id is null:" in m for m in messages), messages
    assert any("must be [speaker_id], and speaker_id is null (Q9)" in m for m in messages), messages
    assert not any("nan" in m.split(":")[-1] for m in messages), messages


def test_a_misspelt_speaker_id_is_never_copied_into_the_list_the_line_asks_for(dataset_copy):
    """newuser59: speaker_id 'donald-trmp' (a typo) beside speaker_ids ['donald-trump'] made the line say
    speaker_ids must be ['donald-trmp']: the typo spread. It now says the speaker_id is no entity."""
    quotes = load(dataset_copy, "quotes")
    row = quotes.index[(quotes["speaker_status"] == "attributed") & (quotes["speaker_id"] == "donald-trump")][0]
    quotes.at[row, "speaker_id"] = "donald-trmp"
    save(dataset_copy, "quotes", quotes)
    message = speaker_ids_messages(dataset_copy)[quotes.at[row, "quote_id"]]
    assert "['donald-trmp']" not in message
    assert "speaker_id 'donald-trmp' is no entity" in message
