"""Finding a group or a meeting from what the user typed on the command line: a number, or a name.

`moteleder innkalling "Ola Nordmann"` and `moteleder --gruppe "Ola Nordmann"` take the
person's name instead of a number, as long as exactly one active group is for a person
with that whole name (case and spacing do not matter). Otherwise the message lists the
groups it could have meant, with their numbers, and nothing is opened: on a shared screen
the wrong group must never appear. No Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from moteleder.dates import format_short_date
from moteleder.store import StoreError
from moteleder.typed_text import clean_text

if TYPE_CHECKING:
    from moteleder.models import Group
    from moteleder.store import Store

MAX_LISTED = 10
"""Candidates named in a message; the rest are counted."""


class NotOneMatch(StoreError):
    """No single group or meeting matches; the message is Norwegian and lists the candidates."""


def as_number(text: str) -> int | None:
    """`12` → 12; anything that is not a whole positive number → None."""
    text = text.strip()
    return int(text) if text.isdigit() else None


def _normal(name: str) -> str:
    return " ".join(clean_text(name).casefold().split())


def _near(wanted: str, name: str) -> bool:
    """Every typed word begins a word of the name (`ola nord` is near `Ola Nordmann`)."""
    words = _normal(name).split()
    return all(any(word.startswith(part) for word in words) for part in wanted.split())


def find_group(store: Store, name: str, *, example: Callable[[Group], str | None]) -> Group:
    """The one active group whose person has this whole name; NotOneMatch otherwise.

    `example(group)` is the command that would use one of the candidates, shown in the message.
    """
    wanted = _normal(name)
    groups = store.groups()
    exact = [g for g in groups if _normal(g.person_name) == wanted]
    if len(exact) == 1:
        return exact[0]
    if exact:
        raise NotOneMatch(
            f"{len(exact)} aktive ansvarsgrupper er for «{name.strip()}». Velg én med nummeret"
            + _for_example(exact, example) + ":\n" + _listing(store, exact)
        )
    near = [g for g in groups if wanted and _near(wanted, g.person_name)]
    if near:
        raise NotOneMatch(
            f"Fant ingen aktiv ansvarsgruppe for «{name.strip()}». Skriv hele navnet, eller bruk nummeret"
            + _for_example(near, example) + ". Mente du en av disse?\n" + _listing(store, near)
        )
    raise NotOneMatch(
        f"Fant ingen aktiv ansvarsgruppe for «{name.strip()}». «moteleder oversikt» viser alle de aktive "
        "gruppene med nummer."
    )


def _for_example(groups: list[Group], example: Callable[[Group], str | None]) -> str:
    command = next((c for c in map(example, groups[:MAX_LISTED]) if c), None)
    return f", for eksempel «{command}»" if command else ""


def group_id_from(store: Store, text: str) -> int:
    """`--gruppe`: a group's number as it is, or the person's name."""
    number = as_number(text)
    if number is not None:
        return number
    return find_group(store, text, example=lambda group: f"moteleder --gruppe {group.id}").id


def meeting_id_from(store: Store, text: str) -> int:
    """`innkalling`: a meeting's number as it is, or the person's name (then the group's planned meeting)."""
    number = as_number(text)
    if number is not None:
        return number

    def example(group: Group) -> str | None:
        planned = store.planned_meeting(group.id)
        return f"moteleder innkalling {planned.id}" if planned else None

    group = find_group(store, text, example=example)
    planned = store.planned_meeting(group.id)
    if planned is None:
        raise NotOneMatch(
            f"Ansvarsgruppen for {group.person_name} (gruppe {group.id}) har ikke noe planlagt møte. "
            "Sett dato for neste møte i appen først."
        )
    return planned.id


def _listing(store: Store, groups: list[Group]) -> str:
    """One line per group: number, name, and what tells two people with the same name apart."""
    lines = []
    for group in groups[:MAX_LISTED]:
        facts = [f"gruppe {group.id}: {group.person_name}"]
        if group.birth_year:
            facts.append(f"født {group.birth_year}")
        coordinator = next((m.name for m in store.members(group.id) if m.is_coordinator), None)
        if coordinator:
            facts.append(f"koordinator {coordinator}")
        planned = store.planned_meeting(group.id)
        if planned is not None:
            when = f" ({format_short_date(planned.starts_at)})" if planned.starts_at else ""
            facts.append(f"planlagt møte nummer {planned.id}{when}")
        lines.append("  " + ", ".join(facts))
    if len(groups) > MAX_LISTED:
        lines.append(f"  … og {len(groups) - MAX_LISTED} til.")
    return "\n".join(lines)
