"""Reading one extracted article's rows in the rule tests: its quote by first words, the text of
its speaker mention."""

from landstrikes.extract import extract_article


def rows_of(text: str) -> dict:
    return extract_article("t", text)


def quote_starting(rows: dict, start_words: str) -> dict:
    return next(q for q in rows["quotes"] if q["text"].startswith(start_words))


def speaker_text(rows: dict, quote: dict) -> str | None:
    mentions = {m["mention_id"]: m["text"] for m in rows["mentions"]}
    return mentions.get(quote["speaker_mention_id"])
