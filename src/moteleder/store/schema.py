"""The database schema, versioned with sqlite-utils' built-in Migrations.

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations
from sqlite_utils.db import DescIndex

from moteleder.models import MEETING_TEXT_FIELDS
from moteleder.store.schema_version import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_core(db: Database) -> None:
    """Groups, members, meetings, attendance, measures and their reviews."""
    db["groups"].create(
        {
            "id": int,
            "person_name": str,
            "birth_year": int,
            "profile_id": str,
            "coordinator_kind": str,  # "koordinator" | "barnekoordinator"
            "has_ip": int,
            "has_stafettlogg": int,
            "is_demo": int,
            "created_at": str,
            "closed_on": str,
            "close_reason": str,
        },
        pk="id",
        not_null={"person_name", "created_at"},
        defaults={
            "profile_id": "standard",
            "coordinator_kind": "koordinator",
            "has_ip": 0,
            "has_stafettlogg": 0,
            "is_demo": 0,
        },
    )
    db["members"].create(
        {
            "id": int,
            "group_id": int,
            "name": str,
            "role": str,
            "service": str,
            "contact": str,
            "kind": str,  # "person" | "guardian" | "service"
            "standing": int,  # 1 = fast deltaker, 0 = invited per meeting
            "is_coordinator": int,
            "position": int,
            "removed_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "name"},
        defaults={"kind": "service", "standing": 1, "is_coordinator": 0, "position": 0},
    )
    db["meetings"].create(
        {
            "id": int,
            "group_id": int,
            "starts_at": str,  # ISO datetime, local time
            "status": str,  # "planned" | "active" | "finalized"
            "current_step": str,
            "is_first": int,
            "theme": str,
            "invitees": str,
            "started_at": str,
            "ended_at": str,
            "updated_at": str,
            "referent": str,
            "aob_items": str,
            "previous_comment": str,
            "person_voice": str,
            "worked": str,
            "challenge": str,
            "aob": str,
            "next_date": str,
            "next_time": str,
            "next_theme": str,
            "next_invitees": str,
            "step_seconds": str,  # JSON {step_key: seconds}
            "minute_md": str,  # the minute as finalized
            "minute_path": str,
            "finalized_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "status"},
        defaults={"status": "planned", "current_step": "opening", "is_first": 0},
    )
    db["meetings"].create_index(["group_id", "starts_at"])
    db["meetings"].create_index(["status"])
    db["attendance"].create(
        {"meeting_id": int, "member_id": int, "status": str},  # "present" | "absent"
        pk=("meeting_id", "member_id"),
        foreign_keys=[("meeting_id", "meetings", "id"), ("member_id", "members", "id")],
    )
    db["measures"].create(
        {
            "id": int,
            "group_id": int,
            "meeting_id": int,  # the meeting that agreed it
            "position": int,
            "what": str,
            "responsible": str,
            "due_on": str,  # ISO date
            "due_text": str,  # the date as typed, kept even while it is not a valid date
            "due_kind": str,  # "frist" | "evaluering"
            "ip_goal": str,
            "status": str,  # "open" | "done"
            "closed_in_meeting_id": int,
        },
        pk="id",
        foreign_keys=[
            ("group_id", "groups", "id"),
            ("meeting_id", "meetings", "id"),
            ("closed_in_meeting_id", "meetings", "id"),
        ],
        not_null={"group_id", "meeting_id"},
        defaults={"status": "open", "due_kind": "frist", "position": 0},
    )
    db["measures"].create_index(["group_id", "status"])
    db["measure_reviews"].create(
        {
            "id": int,
            "measure_id": int,
            "meeting_id": int,
            "status": str,  # "done" | "partly" | "not_done"
            "comment": str,
            "goal_reached": str,  # "ja" | "nei" | "delvis"
        },
        pk="id",
        foreign_keys=[("measure_id", "measures", "id"), ("meeting_id", "meetings", "id")],
    )
    db["measure_reviews"].create_index(["measure_id", "meeting_id"], unique=True)


@migrations()
def m002_referrals(db: Database) -> None:
    """Topics steered out of the meeting (never in the minute) and the guard's false alarms."""
    db["referrals"].create(
        {
            "id": int,
            "group_id": int,
            "meeting_id": int,
            "category": str,
            "field": str,
            "text": str,
            "created_at": str,
            "handled_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id"), ("meeting_id", "meetings", "id")],
    )
    db["guard_feedback"].create(
        {"id": int, "category": str, "phrase": str, "field": str, "created_at": str},
        pk="id",
    )


@migrations()
def m003_between_meetings(db: Database) -> None:
    """Consents (samtykke), yearly evaluations, agenda items reported in advance, invitations sent."""
    db["consents"].create(
        {
            "id": int,
            "group_id": int,
            "given_on": str,  # ISO date
            "given_by": str,  # "person" | "parents" | "guardian"
            "covers_all": int,  # 1 = every standing member of the group
            "expires_on": str,  # ISO date, or null
            "withdrawn_on": str,  # ISO date, or null
            "note": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "given_on", "given_by"},
        defaults={"covers_all": 0},
    )
    db["consents"].create_index(["group_id"])
    db["consent_members"].create(
        {"consent_id": int, "member_id": int},
        pk=("consent_id", "member_id"),
        foreign_keys=[("consent_id", "consents", "id"), ("member_id", "members", "id")],
    )
    db["evaluations"].create(
        {
            "id": int,
            "group_id": int,
            "held_on": str,  # ISO date
            "composition": str,  # process: the group's composition
            "atmosphere": str,  # process: the atmosphere in meetings
            "effectiveness": str,  # process: how effective the meetings are
            "challenges": str,  # process: challenges
            "tasks": str,  # the group's work: tasks
            "responsibility": str,  # the group's work: responsibility
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "held_on"},
    )
    db["evaluations"].create_index(["group_id", "held_on"])
    db["agenda_items"].create(
        {
            "id": int,
            "group_id": int,
            "meeting_id": int,
            "who": str,
            "text": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id"), ("meeting_id", "meetings", "id")],
        not_null={"group_id", "meeting_id", "text"},
    )
    db["agenda_items"].create_index(["meeting_id"])
    db["invitations"].create(
        {
            "id": int,
            "meeting_id": int,
            "sent_on": str,  # ISO date the invitation was written / sent
            "markdown_path": str,
            "ics_path": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"meeting_id", "sent_on"},
    )
    db["invitations"].create_index(["meeting_id"])


SEARCH_INDEXED_COLUMNS = {
    # table: (kind, id column, the columns a document is made from) — a change to one of them
    # marks the document for re-indexing; any other change (the clock, the step) marks nothing.
    "meetings": ("meeting", "id", ("group_id", "status", "starts_at", "minute_md", *MEETING_TEXT_FIELDS)),
    "measures": ("measure", "id", ("group_id", "meeting_id", "what", "responsible", "ip_goal")),
    "measure_reviews": ("measure", "measure_id", ("measure_id", "comment")),
}


def create_search_triggers(db: Database) -> None:
    """Plain-SQL triggers marking changed meetings and measures in search_dirty for the index.

    They work on any connection (no Python functions in them); `Store.transaction` indexes
    what they marked before it commits (store/search_index.py). An update marks only when an
    indexed column changed, and a meeting's new day marks its measures too (a measure is found
    by the day of the meeting that agreed it). `table.transform()` on meetings, measures or
    measure_reviews drops them: call this again afterwards.
    """
    for table, (kind, column, indexed) in SEARCH_INDEXED_COLUMNS.items():
        changed = " or ".join(f"old.{name} is not new.{name}" for name in indexed)
        for event, row, when in (("insert", "new", ""), ("update", "new", f" when {changed}"),
                                 ("delete", "old", "")):
            db.execute(f"drop trigger if exists search_dirty_{table}_{event}")
            db.execute(
                f"create trigger search_dirty_{table}_{event} after {event} on {table}{when} begin "
                f"insert or ignore into search_dirty (kind, ref_id) values ('{kind}', {row}.{column}); end"
            )
    db.execute("drop trigger if exists search_dirty_meetings_day")
    db.execute(
        "create trigger search_dirty_meetings_day after update of starts_at on meetings "
        "when old.starts_at is not new.starts_at begin "
        "insert or ignore into search_dirty (kind, ref_id) select 'measure', id from measures "
        "where meeting_id = new.id; end"
    )


@migrations()
def m004_search(db: Database) -> None:
    """Full-text search over minutes, notes and measures (FTS5 on Norwegian-stemmed text).

    Changes are marked in search_dirty by triggers; `moteleder.search.refresh_index`
    stems and indexes them before each search.
    """
    db["search_docs"].create(
        {
            "id": int,
            "doc_key": str,  # "minute:12" | "notes:12" | "measure:5"
            "kind": str,  # "minute" | "notes" | "measure"
            "group_id": int,
            "meeting_id": int,
            "day": str,  # ISO date of the meeting
            "text": str,  # the original text (snippets)
            "stemmed": str,  # the same words, stemmed (indexed)
        },
        pk="id",
    )
    db["search_docs"].create_index(["doc_key"], unique=True)
    db["search_docs"].enable_fts(["stemmed"], fts_version="FTS5", create_triggers=True)
    db["search_dirty"].create({"kind": str, "ref_id": int}, pk=("kind", "ref_id"))
    create_search_triggers(db)
    db.execute("insert or ignore into search_dirty (kind, ref_id) select 'meeting', id from meetings")
    db.execute("insert or ignore into search_dirty (kind, ref_id) select 'measure', id from measures")


@migrations()
def m005_overview_indexes(db: Database) -> None:
    """Covering indexes for what-needs-attention over all groups (no wide meeting rows read)."""
    db["meetings"].create_index(["group_id", "status", "starts_at"], if_not_exists=True)
    db["measures"].create_index(["status", "group_id", "meeting_id", "due_on"], if_not_exists=True)
    db["members"].create_index(["group_id", "removed_at"], if_not_exists=True)


@migrations()
def m020_meeting_agreements(db: Database) -> None:
    """A recorded agreement that the meeting goes on without the guardians (Farsund)."""
    db["meetings"].add_column("agreed_without_guardians", int, not_null_default=0)


@migrations()
def m010_scale_indexes(db: Database) -> None:
    """Indexes for thousands of groups: a group's planned meeting, members, and each meeting's measures."""
    db["meetings"].create_index(["group_id", "status", "starts_at"], if_not_exists=True)
    db["members"].create_index(["group_id", "position"], if_not_exists=True)
    db["measures"].create_index(["meeting_id", "position"], if_not_exists=True)
    db["measure_reviews"].create_index(["meeting_id"], if_not_exists=True)


@migrations()
def m006_attention_speed(db: Database) -> None:
    """What-needs-attention reads each meeting status on its own (finalized, planned, active)
    from a covering index, never the wide meeting rows; the latest meeting first."""
    db["meetings"].create_index(
        ["status", "group_id", DescIndex("starts_at")],
        index_name="idx_meetings_status_group_starts_desc",
        if_not_exists=True,
    )


@migrations()
def m021_meeting_leases(db: Database) -> None:
    """One meeting, one writer: the instance running a meeting holds its lease, renewed by a
    heartbeat; a second instance opening the meeting reads it only."""
    db["meeting_leases"].create(
        {
            "meeting_id": int,
            "holder": str,  # random per running app
            "pid": int,
            "host": str,
            "started_at": str,  # UTC, ISO seconds
            "heartbeat_at": str,
        },
        pk="meeting_id",
        not_null={"holder", "heartbeat_at"},
    )


@migrations()
def m022_guard_feedback_text(db: Database) -> None:
    """What the leader told the guard, to grow its corpus from real use (kept on this machine):
    a kept flag (a false alarm) or a manual referral (a miss), with the sentence."""
    db["guard_feedback"].add_column("kind", str, not_null_default="false_alarm")
    db["guard_feedback"].add_column("text", str)


@migrations()
def m023_search_at_write(db: Database) -> None:
    """The search index is kept current at write time (store/search_index.py): the triggers
    mark only what changed an indexed column, and what an older file still had waiting for
    the first search moves to search_backlog, indexed once in batches (`index_backlog`)."""
    create_search_triggers(db)
    db["search_backlog"].create({"kind": str, "ref_id": int}, pk=("kind", "ref_id"), if_not_exists=True)
    db.execute("insert or ignore into search_backlog (kind, ref_id) select kind, ref_id from search_dirty "
               "order by rowid")
    db.execute("delete from search_dirty")
