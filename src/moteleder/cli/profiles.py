"""`moteleder profiler [--json]`: list the routine profiles and their rules, in Norwegian."""

from __future__ import annotations

import json
import sys
from typing import Any

from moteleder.profiles import Profile, load_profiles, user_profile_dir

NOT_SET = "ikke angitt"


def _yes_no(value: bool | None) -> str | None:
    if value is None:
        return None
    return "ja" if value else "nei"


def _with_unit(value: int | None, singular: str, plural: str) -> str | None:
    if value is None:
        return None
    return f"{value} {singular if value == 1 else plural}"


def _after(value: str | None) -> str | None:
    return None if value is None else f"{value} etter møtet"


def _str(value: int | None) -> str | None:
    return None if value is None else str(value)


def _bullets(items: tuple[str, ...]) -> str | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return "\n".join(f"• {item}" for item in items)


def rule_rows(profile: Profile) -> list[tuple[str, str | None]]:
    """The profile's rules as (Norwegian label, value) pairs; value None when not set."""
    guardians = _yes_no(profile.guardians_required)
    if profile.guardians_required and profile.guardians_absence_by_agreement:
        guardians = "ja, om ikke annet er avtalt"
    consent = _yes_no(profile.consent_required)
    if profile.consent_required and profile.consent_written:
        consent = "ja, skriftlig"
    archive = profile.archive
    if profile.archive_barnekoordinator:
        extra = f"{profile.archive_barnekoordinator} når barnekoordinator leder"
        archive = f"{archive} ({extra})" if archive else extra
    based_on = [("Bygger på profilen", profile.base)] if profile.base else []
    return based_on + [
        ("Målgruppe", profile.target_group),
        ("Hvem leder", profile.leader),
        ("Referat ferdig innen", _after(_with_unit(profile.minute_deadline_days, "dag", "dager"))),
        ("Arkiv", archive),
        ("Referat også som arkiv-PDF (PDF/A)", _yes_no(profile.archive_pdf)),
        ("Referat i Stafettlogg", "ja, med samtykke" if profile.stafettlogg_with_consent else None),
        ("Referat ikke nødvendig når IP oppdateres", _yes_no(profile.minute_optional_with_ip)),
        ("Foreslå kopi til fastlegen", _yes_no(profile.suggest_copy_to_gp)),
        ("Om referatet", _bullets(profile.minute_notes)),
        ("Møter i året (minst)", _with_unit(profile.min_meetings_per_year, "møte", "møter")),
        ("Møtehyppighet", profile.meeting_frequency),
        ("Innkalling (minst før møtet)", _with_unit(profile.invitation_lead_days, "dag", "dager")),
        ("Om innkallingen", profile.invitation_note),
        ("Medlemmer utenom bruker og foresatte (høyst)", _str(profile.max_members_besides_family)),
        ("Bruker er fast medlem fra", _with_unit(profile.person_member_from_age, "år", "år")),
        ("Om medlemmene", profile.members_note),
        ("Foresatte må være til stede", guardians),
        ("Samtykke kreves", consent),
        ("Samtykke gis av", profile.consent_given_by),
        ("Samtykkeskjema", profile.consent_form),
        (
            "Evaluering (minst hver)",
            _with_unit(profile.evaluation_interval_months, "måned", "måneder"),
        ),
        ("Om evalueringen", profile.evaluation_note),
        ("Formøte før første møte", _yes_no(profile.pre_meeting_required)),
        ("Første møte", _bullets(profile.first_meeting)),
        ("Gruppen avsluttes", profile.group_closing),
    ]


def _json_output(profiles: dict[str, Profile]) -> str:
    data: dict[str, Any] = {pid: profile.to_dict() for pid, profile in profiles.items()}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _print_rich(profiles: dict[str, Profile]) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from moteleder.cli.output import cli_console

    console = cli_console()
    console.print(Text(f"Egne profiler leses fra: {user_profile_dir()}", style="dim"))
    for profile in profiles.values():
        rules = Table.grid(padding=(0, 2))
        rules.add_column(style="bold", no_wrap=False, max_width=34)
        rules.add_column()
        for label, value in rule_rows(profile):
            rules.add_row(label, Text(value) if value else Text(NOT_SET, style="dim italic"))
        steps = Table(title="Stegene i møtet", title_justify="left", show_edge=False, expand=True)
        steps.add_column("Steg", no_wrap=True)
        steps.add_column("Min.", justify="right")
        steps.add_column("Spørsmål på skjermen")
        for spec in profile.steps:
            steps.add_row(Text(spec.title), str(spec.minutes), Text(spec.prompt))
        total = sum(spec.minutes for spec in profile.steps)
        steps.add_row(Text("Til sammen", style="bold"), Text(str(total), style="bold"), "")
        # A municipality's own profile file writes the name and the steps: plain Text, never markup.
        title = Text.assemble((profile.name, "bold"), "  ", (f"({profile.id})", "dim"))
        console.print(
            Panel(
                Group(rules, Text(""), steps),
                title=title,
                title_align="left",
                subtitle=Text(str(profile.source)),
                subtitle_align="right",
            )
        )


def run_profiler(args: Any) -> int:
    """List the profiles; broken user profiles are reported on stderr. Always exit 0."""
    result = load_profiles()
    if getattr(args, "json", False):
        print(_json_output(result.profiles))
    else:
        _print_rich(result.profiles)
    if result.errors:
        for error in result.errors:
            print(error.message, file=sys.stderr)
        print("Profiler med feil blir ikke brukt.", file=sys.stderr)
    return 0
