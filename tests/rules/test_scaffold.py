"""``replykit init``: a user copy of rules.yaml and templates/, then found automatically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import support
from replykit.rules.find import default_rules_path, defaults_dir
from replykit.rules.load import load_rules

PROFILE = {"brand": "Atelier Lune", "signature": "Julie, Atelier Lune", "phone": "01 23 45 67 89",
           "email": "hello@lune.example"}  # fmt: skip
COMPLAINT = "Commande jamais reçue, toujours pas remboursé, c'est honteux"


def init_args(directory: Path, **profile: str) -> list[str]:
    args = ["init", str(directory)]
    for key, value in profile.items():
        args += [f"--{key}", value]
    return args


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(directory.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.fixture
def project(cli: Any, tmp_path: Path) -> Path:
    directory = tmp_path / "shop"
    result = cli(*init_args(directory, **PROFILE))
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    assert "rules.yaml" in result.stdout
    return directory


def test_init_writes_valid_rules_with_the_profile(project: Path) -> None:
    rules = load_rules(project / "rules.yaml")
    for key, value in PROFILE.items():
        assert rules.profile[key] == value, key
    default = load_rules(default_rules_path())
    assert [n.id for n in rules.tree] == [n.id for n in default.tree]
    assert set(rules.outcomes) == set(default.outcomes)


def test_init_keeps_every_comment_of_the_default_rules(project: Path) -> None:
    written = (project / "rules.yaml").read_text("utf-8")
    comments = [line.strip() for line in default_rules_path().read_text("utf-8").splitlines()
                if line.strip().startswith("#")]  # fmt: skip
    assert comments, "the default rules.yaml is documented with comments"
    missing = [c for c in comments if c not in written]
    assert not missing, missing[:5]


def test_init_copies_every_template(project: Path) -> None:
    source = defaults_dir() / "templates"
    templates = sorted(p.relative_to(source) for p in source.rglob("*.j2"))
    assert templates
    for relative in templates:
        assert (project / "templates" / relative).read_bytes() == (source / relative).read_bytes(), relative


def test_second_init_without_force_fails_and_changes_nothing(cli: Any, project: Path) -> None:
    (project / "templates" / "en" / "complaint.public.j2").write_text("my own words", "utf-8")
    before = snapshot(project)
    result = cli(*init_args(project, brand="Other Brand"))
    assert result.exit_code == 2 and result.stdout == ""
    message = support.assert_clean_error(result.stderr)
    assert "--force" in message and "rules.yaml" in message
    assert snapshot(project) == before


def test_init_with_force_overwrites(cli: Any, project: Path) -> None:
    (project / "templates" / "en" / "complaint.public.j2").write_text("my own words", "utf-8")
    result = cli(*init_args(project, brand="Lune & Soleil"), "--force")
    assert (result.exit_code, result.stderr) == (0, "")
    assert load_rules(project / "rules.yaml").profile["brand"] == "Lune & Soleil"
    assert (project / "templates" / "en" / "complaint.public.j2").read_text("utf-8") != "my own words"


def test_init_without_options_keeps_the_default_profile(cli: Any, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "plain"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert load_rules(tmp_path / "plain" / "rules.yaml").profile == load_rules(default_rules_path()).profile


def test_init_in_the_current_folder_by_default(cli: Any, _isolated_cwd: Path) -> None:
    result = cli("init", "--brand", "Here")
    assert (result.exit_code, result.stderr) == (0, "")
    assert load_rules(_isolated_cwd / "rules.yaml").profile["brand"] == "Here"


@pytest.mark.parametrize("brand", ['Chez "Lulu": crêpes & cidre', "O'Brien # 1", "yes", "- dash", "{curly}"])
def test_profile_values_with_yaml_special_characters(cli: Any, tmp_path: Path, brand: str) -> None:
    result = cli(*init_args(tmp_path / "p", brand=brand))
    assert (result.exit_code, result.stderr) == (0, "")
    assert load_rules(tmp_path / "p" / "rules.yaml").profile["brand"] == brand


def test_init_onto_a_file_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = cli("init", str(tmp_path / "afile"))
    assert result.exit_code == 2
    support.assert_clean_error(result.stderr)


def test_reply_in_the_project_uses_its_rules_and_templates(project: Path) -> None:
    proc = support.run("reply", "--text", COMPLAINT, "--format", "json", cwd=project)
    assert (proc.returncode, proc.stderr) == (0, "")
    reply = json.loads(proc.stdout)["public_reply"]
    assert "Atelier Lune" in reply
    assert PROFILE["phone"] in reply or PROFILE["email"] in reply
    # The templates beside ./rules.yaml are the ones used.
    (project / "templates" / "fr" / "complaint.public.j2").write_text("MARK {{ profile.brand }}", "utf-8")
    proc = support.run("reply", "--text", COMPLAINT, "--format", "json", cwd=project)
    assert json.loads(proc.stdout)["public_reply"] == "MARK Atelier Lune"


def test_replykit_rules_env_is_honoured(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"REPLYKIT_RULES": str(project / "rules.yaml")}
    proc = support.run("reply", "--text", COMPLAINT, "--format", "json", cwd=elsewhere, env=env)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert "Atelier Lune" in json.loads(proc.stdout)["public_reply"]


def test_rules_lookup_order(cli: Any, project: Path, minimal_rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --rules beats $REPLYKIT_RULES, which beats ./rules.yaml, which beats the defaults.
    monkeypatch.chdir(project)
    assert Path(load_rules().source).resolve() == (project / "rules.yaml").resolve()
    monkeypatch.setenv("REPLYKIT_RULES", str(minimal_rules))
    assert Path(load_rules().source).resolve() == minimal_rules.resolve()
    assert Path(load_rules(default_rules_path()).source) == default_rules_path()
    data = json.loads(cli("reply", "--text", "refund", "--format", "json").stdout)
    assert data["outcome"] in load_rules(minimal_rules).outcomes and "Mini" in data["public_reply"]


def test_missing_rules_env_file_is_a_usage_error(tmp_path: Path) -> None:
    proc = support.run("reply", "--text", "x", cwd=tmp_path, env={"REPLYKIT_RULES": str(tmp_path / "gone.yaml")})
    assert proc.returncode == 2
    assert "gone.yaml" in support.assert_clean_error(proc.stderr)
