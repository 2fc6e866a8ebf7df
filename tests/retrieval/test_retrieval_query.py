"""Bad input never reaches a model: each case is a QueryError with a reason and a bilingual message."""

from __future__ import annotations

import pytest

from retrieval.errors import QueryError
from retrieval.query import MAX_CHARS, check_query, detect_lang

BAD = [
    ("", None, "empty"),
    ("   \n\t ", None, "empty"),
    (None, None, "empty"),
    ("贵" * 10_000, None, "too_long"),
    ("😀😂👍🙏", None, "no_text"),
    ("12345 !!! ???", None, "no_text"),
    ("予算が凍結されています", None, "unsupported_language"),
    ("예산이 동결되었습니다", None, "unsupported_language"),
    ("бюджет заморожен до весны", None, "unsupported_language"),
    ("الميزانية مجمدة", None, "unsupported_language"),
    ("你们太贵了", "fr", "unsupported_lang_option"),
]


@pytest.mark.parametrize("text,lang,reason", BAD, ids=[b[2] + str(i) for i, b in enumerate(BAD)])
def test_bad_queries(text: str | None, lang: str | None, reason: str) -> None:
    with pytest.raises(QueryError) as info:
        check_query(text, lang=lang)
    assert info.value.details["reason"] == reason
    assert info.value.user_message_zh and info.value.user_message_en


@pytest.mark.parametrize(
    "text,lang",
    [("你们比XX贵了15%", "zh"), ("The budget is frozen until Q2", "en"), ("我们用的是Salesforce的CRM", "zh"),
     ("OK 行吧，先发个资料", "zh"), ("Send me the PPT 吧", "en")],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_lang(text) == lang
    assert check_query(text).lang == lang


def test_lang_option_overrides_and_text_is_normalised() -> None:
    checked = check_query("  你们　太贵了 ！ ", lang="en")
    assert checked.lang == "en" and checked.detected_lang == "zh"
    assert checked.text == "你们 太贵了 !"
    assert len(check_query("贵" * MAX_CHARS).text) == MAX_CHARS
