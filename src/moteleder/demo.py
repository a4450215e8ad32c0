"""Demo data: one clearly fictive group to try a meeting at once (many: `moteleder.synthetic`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from moteleder.dates import format_short_date
from moteleder.store import Store

DEMO_PERSON = "Tiril Testesen"

_DEMO_MEMBERS = [
    # name, role, service, kind, coordinator
    ("Tiril Testesen", "eleven selv", "", "person", False),
    ("Kari Testesen", "mor", "", "guardian", False),
    ("Per Testesen", "far", "", "guardian", False),
    ("Line Lærersen", "kontaktlærer", "Eksempelby skole", "service", True),
    ("Pål Rådgivertun", "rådgiver", "PPT", "service", False),
    ("Hanne Helsesen", "helsesykepleier", "Helsestasjon for ungdom", "service", False),
]


def create_demo_group(store: Store, *, today: date | None = None) -> int:
    """The demo group: a fictive pupil, six members, two finalized meetings, a planned one.

    Written in one transaction, all of it or nothing: the group is made with the ordinary
    Store methods in a scratch database in memory (each of them commits on its own, and
    finalizing a meeting cannot run inside a larger transaction), then copied in.
    """
    scratch = Store.memory()
    try:
        group_id = _build_demo_group(scratch, today or date.today())
        new_ids = copy_rows(scratch, store)
    finally:
        scratch.close()
    return new_ids["groups"][group_id]


def _build_demo_group(store: Store, today: date) -> int:
    from moteleder.minute import build_minute, render_minute

    group_id = store.create_group(DEMO_PERSON, birth_year=today.year - 11, is_demo=True)
    ids = {}
    for name, role, service, kind, coordinator in _DEMO_MEMBERS:
        ids[name] = store.add_member(
            group_id, name, role=role, service=service, kind=kind, is_coordinator=coordinator
        )

    first = datetime.combine(today - timedelta(days=180), datetime.min.time()).replace(hour=14)
    store.add_consent(group_id, first.date() - timedelta(days=21), "parents", covers_all=True,
                      expires_on=first.date() + timedelta(days=3 * 365), note="Skriftlig samtykke fra begge foresatte.")
    m1 = store.create_meeting(group_id, first)
    store.start_meeting(m1)
    for name, member_id in ids.items():
        store.set_attendance(m1, member_id, "absent" if name == "Per Testesen" else "present")
    store.save_meeting_fields(
        m1,
        {
            "referent": "Pål Rådgivertun",
            "person_voice": "Tiril liker friminuttene bedre nå, men synes matte er vanskelig.",
            "worked": "Skolen: fast voksen i friminuttene har gitt roligere dager.",
            "challenge": "Lesing og matematikk går sakte. Behov for ny kartlegging hos PPT.",
            "next_date": format_short_date(first + timedelta(days=90)),
            "next_time": "14.00",
            "next_theme": "Resultat av kartleggingen",
        },
    )
    a = store.add_measure(group_id, m1, "Kartlegge lese- og regneferdigheter",
                          responsible="PPT", due_on=(first + timedelta(days=60)).date())
    b = store.add_measure(group_id, m1, "Fast voksen i friminuttene", responsible="Eksempelby skole",
                          due_on=(first + timedelta(days=90)).date(), due_kind="evaluering")
    c = store.add_measure(group_id, m1, "Søvnkartlegging med søvndagbok", responsible="Helsestasjon for ungdom",
                      due_on=(first + timedelta(days=30)).date())
    _finalize(store, m1, build_minute, render_minute)

    second = first + timedelta(days=90)
    m2 = store.create_meeting(group_id, second)
    store.start_meeting(m2)
    for member_id in ids.values():
        store.set_attendance(m2, member_id, "present")
    store.set_review(a, m2, status="done", goal_reached="ja", comment="Rapport fra PPT er sendt foresatte.")
    store.set_review(b, m2, status="partly", goal_reached="delvis", comment="Fungerer tre av fem dager.")
    store.set_review(c, m2, status="not_done", comment="Søvndagboken ble ikke startet; ny start etter ferien.")
    store.save_meeting_fields(
        m2,
        {
            "referent": "Line Lærersen",
            "previous_comment": "Godkjent.",
            "person_voice": "Tiril forteller at hun har fått en ny venn i klassen.",
            "worked": "PPT: kartleggingen er ferdig. Skolen: lesekurset har kommet i gang.",
            "challenge": "Lange skoledager gjør Tiril sliten om ettermiddagen.",
            "next_date": format_short_date(today + timedelta(days=14)),
            "next_time": "14.00",
            "next_theme": "Overgangen til ungdomsskolen",
        },
    )
    store.add_measure(group_id, m2, "Tilpasset leseopplegg to ganger i uken", responsible="Line Lærersen",
                      due_on=second.date() + timedelta(days=120), due_kind="evaluering")
    store.add_measure(group_id, m2, "Kortere skoledag på fredager i en prøveperiode",
                      responsible="Eksempelby skole", due_on=today - timedelta(days=10))
    _finalize(store, m2, build_minute, render_minute)
    return group_id


def _finalize(store: Store, meeting_id: int, build_minute, render_minute) -> None:
    meeting = store.meeting(meeting_id)
    store.save_meeting_fields(meeting_id, {"current_step": "summary"})
    store.db["meetings"].update(
        meeting_id, {"ended_at": (meeting.starts_at + timedelta(minutes=55)).isoformat(timespec="minutes")}
    )
    store.finalize_meeting(meeting_id, render_minute(build_minute(store, meeting_id)), minute_path=None)


def existing_demo_group(store: Store) -> int | None:
    """The id of the demo group `moteleder demo` made, if it is there and not closed."""
    row = store.conn.execute(
        "select id from groups where is_demo = 1 and person_name = ? and closed_on is null order by id limit 1",
        [DEMO_PERSON],
    ).fetchone()
    return row[0] if row else None


_NOT_COPIED = ("sqlite_", "_sqlite_migrations", "search_")
"""Tables `copy_rows` leaves alone: SQLite's own, the migrations, and the search index (which the
target's triggers mark for re-indexing as the rows go in)."""


def copy_rows(source: Store, target: Store) -> dict[str, dict[int, int]]:
    """Every row of the source database into the target, in one transaction: all or nothing.

    Parents go before children (by the foreign keys); a row with an `id` gets the target's next
    id, and every foreign key follows its parent's new id. Returns {table: {old id: new id}}.
    """
    src = source.conn
    tables = [
        name for (name,) in src.execute("select name from sqlite_master where type = 'table' order by name")
        if not name.startswith(_NOT_COPIED) and src.execute(f'select exists (select 1 from "{name}")').fetchone()[0]
    ]
    # (column, parent table) for each foreign key, from SQLite's own description of the schema
    keys = {table: [(row[3], row[2]) for row in src.execute(f'pragma foreign_key_list("{table}")')]
            for table in tables}
    order: list[str] = []
    while len(order) < len(tables):
        ready = [t for t in tables if t not in order
                 and all(parent in order or parent == t or parent not in tables for _, parent in keys[t])]
        if not ready:
            raise RuntimeError(f"circular foreign keys among {sorted(set(tables) - set(order))}")
        order.extend(ready)
    new_ids: dict[str, dict[int, int]] = {}
    with target.saving():
        for table in order:
            columns = [row[1] for row in src.execute(f'pragma table_info("{table}")')]
            own_id = "id" in columns
            kept = [c for c in columns if not (own_id and c == "id")]
            names = ", ".join(f'"{c}"' for c in kept)
            insert = f'insert into "{table}" ({names}) values ({", ".join("?" * len(kept))})'
            ids = new_ids.setdefault(table, {})
            for row in src.execute(f'select * from "{table}" order by rowid').fetchall():
                values = dict(zip(columns, row))
                for column, parent in keys[table]:
                    if values[column] is not None:
                        values[column] = new_ids[parent][values[column]]
                cursor = target.conn.execute(insert, [values[c] for c in kept])
                if own_id:
                    ids[values["id"]] = cursor.lastrowid
    return new_ids
