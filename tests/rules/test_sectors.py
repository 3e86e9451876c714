"""Trade vocabularies: one included lexicon per trade, joined in `service_terms`; `init --sector`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import support
from replykit.rules.find import defaults_dir
from replykit.rules.load import load_rules
from replykit.rules.scaffold import SECTORS
from replykit.triage.walk import triage


def test_every_trade_ships_as_an_included_lexicon() -> None:
    rules = load_rules(defaults_dir() / "rules.yaml", use_cache=False)
    for sector in SECTORS:
        assert (defaults_dir() / "lexicons" / f"{sector}.yaml").is_file()
        assert f"{sector}_terms" in rules.signals
    union = rules.signals["service_terms"]
    assert union.kind == "any_of"


TRADE_COMPLAINTS = [
    ("Ce burger était immangeable, pain mou et steak trop cuit", "burger"),
    ("Coloration horrible, frange complètement ratée", "Coloration"),
    ("The treadmill is a disgrace, filthy and useless", "treadmill"),
    ("The boiler install was shoddy and the radiator is useless", "boiler"),
    ("The towels were filthy and the bed disgusting", "towels"),
]


@pytest.mark.parametrize(("text", "word"), TRADE_COMPLAINTS)
def test_a_trade_word_makes_a_rude_comment_a_complaint(text: str, word: str) -> None:
    result = triage(support.default_rules(), text)
    assert result.outcome.category == "complaint"
    step = next(step for step in result.path if step.node == "is_complaint")
    assert word in step.matched["service_terms"]


def test_init_with_sectors_keeps_only_their_lexicons(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "fournil"
    result = cli("init", str(target), "--sector", "bakery, hotel", "--brand", "Le Fournil")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "lexicons/ (food, hotel)" in result.stdout
    assert sorted(p.name for p in (target / "lexicons").iterdir()) == ["food.yaml", "hotel.yaml"]
    document = yaml.safe_load((target / "rules.yaml").read_text("utf-8"))
    assert document["include"] == [
        "lexicons/food.yaml",
        "lexicons/hotel.yaml",
        "listening/aspects.yaml",
        "listening/cues.yaml",
    ]
    assert document["signals"]["service_terms"]["signals"] == ["business_terms", "food_terms", "hotel_terms"]
    rules = load_rules(target / "rules.yaml", use_cache=False)
    assert "beauty_terms" not in rules.signals
    proc = support.run("reply", "--text", "Le gâteau est arrivé en retard", "--format", "json", cwd=target)
    assert proc.returncode == 0, proc.stderr
    assert '"category": "complaint"' in proc.stdout
    # the salon's words were left out: a rude word about a colour no longer names a service
    salon = triage(rules, TRADE_COMPLAINTS[1][0])
    assert salon.outcome.category != "complaint"


def test_init_writes_every_trade_by_default(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "all"
    assert cli("init", str(target)).exit_code == 0
    assert sorted(p.stem for p in (target / "lexicons").iterdir()) == sorted(SECTORS)
    assert (target / "rules.yaml").read_text("utf-8") == (defaults_dir() / "rules.yaml").read_text("utf-8")


def test_an_unknown_sector_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    proc = support.run("init", str(tmp_path / "x"), "--sector", "food,astrology")
    assert proc.returncode == 2
    assert "--sector: unknown sector 'astrology'" in support.assert_clean_error(proc.stderr)
    assert not (tmp_path / "x").exists()
