"""batch/memo.py and batch/claims.py: an answer is found again only under what decides it, never mixed up."""

from __future__ import annotations

import random

import pytest

import support
from replykit.batch.memo import Memo


@pytest.fixture(scope="module")
def memo_rules() -> object:
    return support.own_rules()


def test_a_ring_smaller_than_the_answers_gives_back_each_one_or_nothing(memo_rules: object) -> None:
    rng = random.Random(3)
    memo = Memo(memo_rules, budget=4_000)  # type: ignore[arg-type]
    written = {}
    for number in range(3_000):
        answer = {"n": number, "pad": "x" * rng.randint(0, 400)}
        key = memo.key(f"comment {number}", "", "", {})
        assert key is not None
        memo.put(key, answer)
        written[key] = answer
        probe = rng.choice(list(written))
        found = memo.get(probe)
        assert found is None or found == written[probe]
    recent = list(written)[-3:]
    assert all(memo.get(key) == written[key] for key in recent)  # the newest are kept


def key_of(memo: Memo, text: str = "Where is my order?", **fields: object) -> bytes | None:
    return memo.key(text, "", "", dict(fields))


def test_a_field_the_rules_never_read_is_not_part_of_the_key(memo_rules: object) -> None:
    memo = Memo(memo_rules)  # type: ignore[arg-type]
    assert key_of(memo, likes=3, id="a") == key_of(memo, likes=900, id="b")


def test_a_share_count_counts_only_when_it_makes_the_post_viral(memo_rules: object) -> None:
    memo = Memo(memo_rules)  # type: ignore[arg-type]
    assert key_of(memo, shares=3) == key_of(memo, shares=12)  # `viral` fires from 500 shares
    assert key_of(memo, shares=3) != key_of(memo, shares=500)
    assert key_of(memo, shares=500) != key_of(memo, shares=501)  # shown as evidence: shares=500


def test_the_rating_of_a_comment_without_words_is_part_of_the_key(memo_rules: object) -> None:
    memo = Memo(memo_rules)  # type: ignore[arg-type]
    assert key_of(memo, "", stars=1) != key_of(memo, "", stars=5)
    assert key_of(memo, "", stars=1) != key_of(memo, "", stars=1.0)  # not the same value to every rule
    assert key_of(memo, "Great", stars=4) != key_of(memo, "Great", stars=2)  # rating_low, rating_high


def test_the_author_and_the_platform_are_part_of_the_key(memo_rules: object) -> None:
    memo = Memo(memo_rules)  # type: ignore[arg-type]
    keys = {memo.key("Where is my order?", author, platform, {}) for author in ("", "Julie") for platform in ("", "x")}
    assert len(keys) == 4


def test_claims_answer_as_a_dict_would() -> None:
    from replykit.batch.claims import Claims

    rng = random.Random(9)
    claims, expected = Claims(capacity=4), {}
    for _ in range(20_000):
        key, value = rng.randrange(2**32), rng.randrange(2**32)
        if rng.random() < 0.3 and expected:
            key = rng.choice(list(expected))
        assert claims.setdefault(key, value) == expected.setdefault(key, value)
    assert len(claims) == len(expected)


def test_a_run_where_comments_do_not_come_back_stops_keeping_answers(memo_rules: object) -> None:
    from replykit.batch import memo as memo_module

    memo = Memo(memo_rules)  # type: ignore[arg-type]
    for number in range(memo_module.TRIAL):
        key = memo.key(f"comment {number}", "", "", {})
        assert key is not None and memo.get(key) is None
        memo.put(key, {"n": number})
    assert not memo.active and memo.key("comment 1", "", "", {}) is None


def test_a_run_where_comments_come_back_keeps_them(memo_rules: object) -> None:
    from replykit.batch import memo as memo_module

    memo = Memo(memo_rules)  # type: ignore[arg-type]
    for number in range(memo_module.TRIAL + 10):
        key = memo.key(f"comment {number % 40}", "", "", {})
        assert key is not None
        if memo.get(key) is None:
            memo.put(key, {"n": number % 40, "pad": "answer " * 50})
    key = memo.key("comment 7", "", "", {})
    assert memo.active and key is not None and memo.get(key) == {"n": 7, "pad": "answer " * 50}
