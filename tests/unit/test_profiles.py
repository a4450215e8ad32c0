"""Routine profiles: each municipality's rules, user profiles, broken files, the command."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from moteleder.profiles import (
    DEFAULT_PROFILE_ID,
    Profile,
    ProfileError,
    get_profile,
    load_profiles,
    rules,
    user_profile_dir,
)
from moteleder.steps import DEFAULT_STEPS, STEP_KEYS

MEETING = date(2026, 11, 24)
BUILTINS = ["standard", "melgy", "ilag", "odda", "lund", "farsund"]


@pytest.fixture(autouse=True)
def no_user_profiles(tmp_path_factory, monkeypatch):
    """Never read the real user's config folder: point it at an empty folder."""
    monkeypatch.setenv("MOTELEDER_PROFILER", str(tmp_path_factory.mktemp("ingen-profiler")))


@pytest.fixture(scope="module")
def builtin():
    result = load_profiles(Path("/nonexistent/moteleder-profiler"))
    assert result.errors == []
    return result.profiles


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# The built-in profiles


def test_six_builtin_profiles_load_in_order_with_all_eight_steps(builtin):
    assert list(builtin) == BUILTINS
    for profile in builtin.values():
        assert isinstance(profile, Profile)
        assert tuple(s.key for s in profile.steps) == STEP_KEYS
        assert all(s.title and s.prompt and s.minutes > 0 for s in profile.steps)
        assert Path(profile.source).is_file()
    assert DEFAULT_PROFILE_ID == "standard"
    assert builtin["melgy"].name == "Melgy kommune"


def test_melgy_minute_within_two_weeks_in_sikker_sak_or_websak_with_barnekoordinator(builtin):
    melgy = builtin["melgy"]
    assert melgy.minute_deadline_days == 14
    assert melgy.min_meetings_per_year == 2
    assert rules.minute_deadline(melgy, MEETING) == date(2026, 12, 8)

    plain = rules.closing_lines(melgy, MEETING, barnekoordinator=False, has_ip=False)
    assert any("8. desember 2026" in line for line in plain)
    assert "Referatet arkiveres i Sikker sak." in plain
    assert not any("Websak+" in line for line in plain)

    with_bk = rules.closing_lines(melgy, MEETING, barnekoordinator=True, has_ip=False)
    archive_lines = [line for line in with_bk if "arkiveres" in line]
    assert len(archive_lines) == 1
    assert "Websak+" in archive_lines[0] and "barnekoordinator" in archive_lines[0]

    assert rules.meetings_due_warning(melgy, 1) is not None
    assert "to ganger" in rules.meetings_due_warning(melgy, 1)
    assert rules.meetings_due_warning(melgy, 2) is None


def test_ilag_two_weeks_two_meetings_visma_and_stafettlogg_with_consent(builtin):
    ilag = builtin["ilag"]
    assert ilag.minute_deadline_days == 14
    assert ilag.min_meetings_per_year == 2
    assert ilag.evaluation_interval_months == 12
    lines = rules.closing_lines(ilag, MEETING, barnekoordinator=False, has_ip=False)
    assert "Referatet arkiveres i Visma Samspill." in lines
    stafett = [line for line in lines if "Stafettlogg" in line]
    assert stafett and "samtykke" in stafett[0]
    assert rules.meetings_due_warning(ilag, 0) == (
        "Gruppen har ikke hatt noe møte de siste tolv månedene. "
        "Etter rutinen skal den møtes minst to ganger i året."
    )


def test_odda_warns_at_a_fifth_member_and_makes_the_person_a_member_from_seven(builtin):
    odda = builtin["odda"]
    assert odda.max_members_besides_family == 4
    assert odda.person_member_from_age == 7

    fine = rules.membership_warnings(
        odda, members_besides_family=4, person_age=8, person_is_member=True
    )
    assert fine == []
    too_many = rules.membership_warnings(
        odda, members_besides_family=5, person_age=8, person_is_member=True
    )
    assert len(too_many) == 1 and "fem medlemmer" in too_many[0] and "fire" in too_many[0]

    seven = rules.membership_warnings(
        odda, members_besides_family=3, person_age=7, person_is_member=False
    )
    assert len(seven) == 1 and "fast medlem" in seven[0]
    six = rules.membership_warnings(
        odda, members_besides_family=3, person_age=6, person_is_member=False
    )
    assert six == []
    unknown_age = rules.membership_warnings(
        odda, members_besides_family=3, person_age=None, person_is_member=False
    )
    assert unknown_age == []


def test_odda_suggests_a_copy_to_the_gp_and_first_meeting_chooses_coordinator(builtin):
    odda = builtin["odda"]
    lines = rules.closing_lines(odda, MEETING, barnekoordinator=False, has_ip=False)
    assert "Vurder om fastlegen også skal ha kopi av referatet." in lines
    assert any("koordinator" in item for item in rules.first_meeting_items(odda))
    for other in ("melgy", "ilag", "lund", "farsund"):
        other_lines = rules.closing_lines(
            builtin[other], MEETING, barnekoordinator=False, has_ip=False
        )
        assert not any("fastlegen" in line for line in other_lines)


def test_lund_invitation_at_least_14_days_before(builtin):
    lund = builtin["lund"]
    assert lund.invitation_lead_days == 14
    assert rules.invitation_warning(lund, MEETING, date(2026, 11, 10)) is None  # exactly 14 days
    late = rules.invitation_warning(lund, MEETING, date(2026, 11, 11))  # 13 days
    assert late is not None
    assert "13 dager" in late and "14 dager" in late and "10. november 2026" in late
    assert "ikke sendt" in rules.invitation_warning(lund, MEETING, None)
    # Routines without a lead time never warn.
    assert rules.invitation_warning(builtin["melgy"], MEETING, MEETING) is None


def test_lund_first_meeting_opens_with_meeting_rules_and_introductions(builtin):
    items = rules.first_meeting_items(builtin["lund"])
    assert "tidsramme" in items[0]
    assert "holde seg til saken" in items[0]
    assert "rett til å avbryte" in items[0]
    assert any("nye medlemmer" in item for item in items)


def test_lund_minute_not_needed_when_the_ip_is_updated(builtin):
    lund = builtin["lund"]
    assert lund.minute_optional_with_ip is True
    with_ip = rules.closing_lines(lund, MEETING, barnekoordinator=False, has_ip=True)
    assert any("referat er ikke nødvendig" in line for line in with_ip)
    assert not any("sender referatet" in line for line in with_ip)
    without_ip = rules.closing_lines(lund, MEETING, barnekoordinator=False, has_ip=False)
    assert not any("ikke nødvendig" in line for line in without_ip)
    assert "Referenten sender referatet til hele ansvarsgruppen." in without_ip
    # Only Lund drops the minute for an updated plan.
    melgy_ip = rules.closing_lines(builtin["melgy"], MEETING, barnekoordinator=False, has_ip=True)
    assert not any("ikke nødvendig" in line for line in melgy_ip)


def test_farsund_needs_guardians_or_a_recorded_agreement(builtin):
    farsund = builtin["farsund"]
    assert farsund.guardians_required is True
    assert farsund.guardians_absence_by_agreement is True
    absent = rules.attendance_warnings(
        farsund,
        guardians_present=False,
        agreed_without_guardians=False,
        person_age=12,
        person_present=True,
    )
    assert len(absent) == 1 and "Foresatte er ikke til stede" in absent[0] and "avtal" in absent[0]
    agreed = rules.attendance_warnings(
        farsund,
        guardians_present=False,
        agreed_without_guardians=True,
        person_age=12,
        person_present=True,
    )
    assert agreed == []
    present = rules.attendance_warnings(
        farsund,
        guardians_present=True,
        agreed_without_guardians=False,
        person_age=12,
        person_present=True,
    )
    assert present == []
    adult = rules.attendance_warnings(
        farsund,
        guardians_present=False,
        agreed_without_guardians=False,
        person_age=30,
        person_present=True,
    )
    assert adult == []
    # Melgy does not require the guardians' presence.
    melgy = rules.attendance_warnings(
        builtin["melgy"],
        guardians_present=False,
        agreed_without_guardians=False,
        person_age=12,
        person_present=True,
    )
    assert melgy == []


def test_farsund_pre_meeting_written_consent_and_short_minute(builtin):
    farsund = builtin["farsund"]
    assert farsund.pre_meeting_required is True
    items = rules.first_meeting_items(farsund)
    assert "Formøte" in items[0] and "koordinator" in items[0]
    assert farsund.consent_required is True and farsund.consent_written is True
    assert "verge" in farsund.consent_given_by
    lines = rules.closing_lines(farsund, MEETING, barnekoordinator=False, has_ip=False)
    assert any("kortfattet" in line and "ansvar" in line for line in lines)


def test_rules_a_routine_does_not_set_are_none(builtin):
    odda, lund, farsund, melgy = (
        builtin["odda"],
        builtin["lund"],
        builtin["farsund"],
        builtin["melgy"],
    )
    assert odda.minute_deadline_days is None and lund.minute_deadline_days is None
    assert farsund.minute_deadline_days is None
    assert odda.min_meetings_per_year is None  # «ofte … halvårlige møter» is no minimum
    assert lund.min_meetings_per_year is None and farsund.min_meetings_per_year is None
    assert melgy.invitation_lead_days is None
    assert lund.max_members_besides_family is None and farsund.max_members_besides_family is None
    assert odda.archive is None and farsund.archive is None
    assert odda.consent_required is None and lund.consent_required is None
    assert melgy.evaluation_interval_months is None  # «jevnlig», no interval
    assert odda.evaluation_interval_months is None
    assert melgy.first_meeting == () and melgy.suggest_copy_to_gp is None
    # With no rule, nothing is checked and nothing is invented.
    assert rules.minute_deadline(odda, MEETING) is None
    assert rules.meetings_due_warning(odda, 0) is None
    assert rules.evaluation_due(odda, None, date(2020, 1, 1), MEETING) is None
    assert rules.closing_lines(farsund, MEETING, barnekoordinator=True, has_ip=True)[0].startswith(
        "Send ut"
    )


def test_yearly_evaluation_counts_from_the_last_one_or_the_start(builtin):
    ilag = builtin["ilag"]
    started = date(2025, 3, 1)
    assert rules.evaluation_due(ilag, None, started, date(2026, 2, 28)) is None
    assert rules.evaluation_due(ilag, None, started, date(2026, 3, 1)) == date(2026, 3, 1)
    assert rules.evaluation_due(ilag, date(2026, 1, 15), started, date(2026, 3, 1)) is None
    assert rules.next_evaluation(ilag, date(2024, 2, 29), started) == date(2025, 2, 28)


def test_standard_profile_is_a_complete_fallback(builtin):
    standard = builtin["standard"]
    assert standard.minute_deadline_days == 14
    assert standard.steps == DEFAULT_STEPS
    assert get_profile("finnes-ikke", builtin) is standard
    assert get_profile("odda", builtin) is builtin["odda"]
    assert get_profile(None, {}).id == "standard"
    assert rules.steps_for(builtin["lund"])[2].title == "Hva er nytt"


def test_to_dict_has_every_rule_key_and_steps_as_dicts(builtin):
    data = builtin["melgy"].to_dict()
    for key in (
        "id", "name", "minute_deadline_days", "min_meetings_per_year", "invitation_lead_days",
        "max_members_besides_family", "person_member_from_age", "guardians_required",
        "consent_required", "evaluation_interval_months", "archive", "minute_optional_with_ip",
        "suggest_copy_to_gp", "first_meeting", "steps", "source", "archive_barnekoordinator",
    ):  # fmt: skip
        assert key in data, key
    assert data["archive_barnekoordinator"] == "Websak+"
    assert data["steps"][0] == {
        "key": "opening",
        "title": builtin["melgy"].steps[0].title,
        "prompt": builtin["melgy"].steps[0].prompt,
        "minutes": builtin["melgy"].steps[0].minutes,
    }
    json.dumps(data)


# ---------------------------------------------------------------------------
# The user's own profiles


def test_user_profile_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MOTELEDER_PROFILER", str(tmp_path / "mine"))
    assert user_profile_dir() == tmp_path / "mine"
    monkeypatch.delenv("MOTELEDER_PROFILER")
    assert user_profile_dir().name == "profiler"
    assert "moteleder" in str(user_profile_dir())


def test_a_user_profile_is_loaded_after_the_builtins(tmp_path):
    write(
        tmp_path,
        "vik.toml",
        'id = "vik"\nname = "Vik kommune"\nminute_deadline_days = 7\narchive = "Elements"\n'
        '[steps.aob]\ntitle = "Andre saker"\nminutes = 4\n',
    )
    result = load_profiles(tmp_path)
    assert result.errors == []
    assert list(result.profiles) == [*BUILTINS, "vik"]
    vik = result.profiles["vik"]
    assert vik.name == "Vik kommune" and vik.source == str(tmp_path / "vik.toml")
    assert rules.minute_deadline(vik, MEETING) == date(2026, 12, 1)
    assert "Referatet arkiveres i Elements." in rules.closing_lines(
        vik, MEETING, barnekoordinator=False, has_ip=False
    )
    aob = vik.step("aob")
    assert (aob.title, aob.minutes, aob.prompt) == ("Andre saker", 4, DEFAULT_STEPS[5].prompt)
    assert vik.min_meetings_per_year is None  # no base: nothing inherited


def test_the_environment_variable_points_load_profiles_at_a_folder(tmp_path, monkeypatch):
    write(tmp_path, "vik.toml", 'id = "vik"\nname = "Vik kommune"\n')
    monkeypatch.setenv("MOTELEDER_PROFILER", str(tmp_path))
    assert "vik" in load_profiles().profiles
    assert get_profile("vik").name == "Vik kommune"


def test_a_user_profile_inherits_from_its_base_and_overrides_some_keys(tmp_path):
    write(
        tmp_path,
        "vik.toml",
        'id = "vik"\nname = "Vik kommune"\nbase = "melgy"\narchive = "Elements"\n'
        "[steps.measures]\nminutes = 20\n",
    )
    write(
        tmp_path,
        "vik2.toml",
        'id = "vik-barn"\nname = "Vik, barn"\nbase = "vik"\nminute_deadline_days = 10\n',
    )
    result = load_profiles(tmp_path)
    assert result.errors == []
    melgy, vik, vik_barn = (
        result.profiles["melgy"],
        result.profiles["vik"],
        result.profiles["vik-barn"],
    )
    assert vik.base == "melgy"
    assert vik.archive == "Elements"
    assert vik.minute_deadline_days == 14 and vik.archive_barnekoordinator == "Websak+"
    measures = vik.step("measures")
    assert measures.minutes == 20 and measures.title == melgy.step("measures").title
    assert vik_barn.minute_deadline_days == 10 and vik_barn.archive == "Elements"
    assert vik_barn.step("measures").minutes == 20
    assert melgy.archive == "Sikker sak"  # the base itself is untouched


def test_a_user_profile_with_a_builtin_id_replaces_it_in_place(tmp_path):
    write(
        tmp_path,
        "lund.toml",
        'id = "lund"\nname = "Lund kommune (2027)"\nbase = "lund"\ninvitation_lead_days = 10\n',
    )
    result = load_profiles(tmp_path)
    assert result.errors == []
    assert list(result.profiles) == BUILTINS
    lund = result.profiles["lund"]
    assert lund.name == "Lund kommune (2027)" and lund.invitation_lead_days == 10
    assert lund.minute_optional_with_ip is True  # inherited from the built-in Lund


def test_a_step_can_be_left_out(tmp_path):
    write(tmp_path, "kort.toml", 'id = "kort"\nname = "Kort møte"\n[steps.aob]\nomit = true\n')
    result = load_profiles(tmp_path)
    assert result.errors == []
    assert [s.key for s in result.profiles["kort"].steps] == [k for k in STEP_KEYS if k != "aob"]


# ---------------------------------------------------------------------------
# Broken profiles: reported with file, key and problem; the others still load


BROKEN = {
    "toml.toml": ('id = "x"\nname = \n', None, "ikke gyldig TOML (feil på linje 2"),
    "type.toml": (
        'id = "type"\nname = "T"\nminute_deadline_days = "to uker"\n',
        "minute_deadline_days",
        "må være et helt tall (fant «to uker»)",
    ),
    "negativ.toml": (
        'id = "negativ"\nname = "N"\ninvitation_lead_days = -3\n',
        "invitation_lead_days",
        "kan ikke være negativt (fant «-3»)",
    ),
    "bool.toml": (
        'id = "bool"\nname = "B"\nsuggest_copy_to_gp = "ja"\n',
        "suggest_copy_to_gp",
        "må være true eller false (fant «ja»)",
    ),
    "uten-id.toml": ('name = "Uten id"\n', "id", "mangler"),
    "steg.toml": (
        'id = "steg"\nname = "S"\n[steps.intro]\ntitle = "Intro"\n',
        "steps.intro",
        "er ikke et kjent steg",
    ),
    "stegminutter.toml": (
        'id = "stegminutter"\nname = "S"\n[steps.opening]\nminutes = 0\n',
        "steps.opening.minutes",
        "må være minst 1",
    ),
    "skrivefeil.toml": (
        'id = "skrivefeil"\nname = "S"\nminute_deadline_day = 14\n',
        "minute_deadline_day",
        "Mente du «minute_deadline_days»?",
    ),
    "base.toml": ('id = "base"\nname = "B"\nbase = "finnes-ikke"\n', "base", "finnes-ikke"),
    "liste.toml": (
        'id = "liste"\nname = "L"\nfirst_meeting = "Presentasjon"\n',
        "first_meeting",
        "må være en liste",
    ),
}


def test_broken_profiles_are_reported_and_the_others_still_load(tmp_path):
    for name, (text, _, _) in BROKEN.items():
        write(tmp_path, name, text)
    write(tmp_path, "god.toml", 'id = "god"\nname = "God kommune"\n')
    result = load_profiles(tmp_path)

    assert list(result.profiles) == [*BUILTINS, "god"]
    by_file = {Path(e.file).name: e for e in result.errors}
    assert set(by_file) == set(BROKEN)
    for name, (_, key, problem) in BROKEN.items():
        error = by_file[name]
        assert isinstance(error, ProfileError)
        assert error.key == key, name
        assert problem in error.message, (name, error.message)
        assert error.message.startswith(f"Profilen «{name}»"), error.message
        assert error.message.endswith((".", "?")) and not error.message.endswith("?.")


def test_error_message_reads_as_a_norwegian_sentence(tmp_path):
    write(tmp_path, "min.toml", 'id = "min"\nname = "Min"\nminute_deadline_days = "to uker"\n')
    [error] = load_profiles(tmp_path).errors
    assert (
        error.message
        == "Profilen «min.toml»: «minute_deadline_days» må være et helt tall (fant «to uker»)."
    )


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    write(tmp_path, "mange.toml", 'name = "M"\nmin_meetings_per_year = 0\nconsent_required = 1\n')
    errors = load_profiles(tmp_path).errors
    assert {e.key for e in errors} == {"id", "min_meetings_per_year", "consent_required"}


def test_duplicate_ids_and_inheritance_cycles_are_reported(tmp_path):
    write(tmp_path, "a.toml", 'id = "a"\nname = "A"\nbase = "b"\n')
    write(tmp_path, "b.toml", 'id = "b"\nname = "B"\nbase = "a"\n')
    write(tmp_path, "c1.toml", 'id = "c"\nname = "C"\n')
    write(tmp_path, "c2.toml", 'id = "c"\nname = "C igjen"\n')
    result = load_profiles(tmp_path)
    assert "a" not in result.profiles and "b" not in result.profiles
    assert result.profiles["c"].name == "C"
    messages = " ".join(e.message for e in result.errors)
    assert "går i ring" in messages
    assert "«c» er allerede brukt av profilen «c1.toml»" in messages


def test_an_unreadable_encoding_does_not_stop_loading(tmp_path):
    (tmp_path / "latin1.toml").write_bytes(
        'id = "l"\nname = "Kommune på Sørlandet"\n'.encode("latin-1")
    )
    result = load_profiles(tmp_path)
    assert list(result.profiles) == BUILTINS
    assert "UTF-8" in result.errors[0].message


def test_a_file_where_the_folder_should_be_is_reported(tmp_path):
    not_a_folder = write(tmp_path, "profiler", "")
    result = load_profiles(not_a_folder)
    assert list(result.profiles) == BUILTINS
    assert result.errors[0].message.startswith(f"Profilmappen «{not_a_folder}»")


# ---------------------------------------------------------------------------
# The command and the import boundary


def test_profiler_json_prints_one_object_keyed_by_id(capsys):
    from moteleder.cli import main

    assert main(["profiler", "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert list(data) == BUILTINS
    assert "Ilag førr ongan" in out  # ensure_ascii=False: ø as is, not \\u00f8
    assert data["odda"]["max_members_besides_family"] == 4
    assert data["odda"]["minute_deadline_days"] is None
    assert data["melgy"]["archive"] == "Sikker sak"
    assert [s["key"] for s in data["lund"]["steps"]] == list(STEP_KEYS)
    assert set(data["lund"]["steps"][0]) == {"key", "title", "prompt", "minutes"}


def test_profiler_json_still_exits_0_with_a_broken_user_profile(tmp_path, monkeypatch, capsys):
    from moteleder.cli import main

    write(tmp_path, "min.toml", 'id = "min"\nname = "Min"\nminute_deadline_days = "to uker"\n')
    write(tmp_path, "vik.toml", 'id = "vik"\nname = "Vik kommune"\n')
    monkeypatch.setenv("MOTELEDER_PROFILER", str(tmp_path))
    assert main(["profiler", "--json"]) == 0
    captured = capsys.readouterr()
    assert list(json.loads(captured.out)) == [*BUILTINS, "vik"]
    assert "«min.toml»: «minute_deadline_days» må være et helt tall" in captured.err


def test_profiler_table_lists_the_profiles_in_norwegian(capsys):
    from moteleder.cli import main

    assert main(["profiler"]) == 0
    out = capsys.readouterr().out
    for name in (
        "Melgy kommune",
        "Ilag førr ongan",
        "Odda kommune",
        "Lund kommune",
        "Farsund kommune",
    ):
        assert name in out
    assert "Referat ferdig innen" in out and "Sikker sak" in out


def test_importing_profiles_and_rules_does_not_import_textual():
    code = (
        "import sys, moteleder.profiles, moteleder.profiles.rules\n"
        "moteleder.profiles.load_profiles()\n"
        "print('textual' in sys.modules)\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "MOTELEDER_PROFILER": "/nonexistent"},
        check=True,
    )
    assert done.stdout.strip() == "False"
