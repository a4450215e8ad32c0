"""The database schema, versioned with sqlite-utils' built-in Migrations.

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("moteleder")


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
def m010_scale_indexes(db: Database) -> None:
    """Indexes for thousands of groups: a group's planned meeting, members, and each meeting's measures."""
    db["meetings"].create_index(["group_id", "status", "starts_at"], if_not_exists=True)
    db["members"].create_index(["group_id", "position"], if_not_exists=True)
    db["measures"].create_index(["meeting_id", "position"], if_not_exists=True)
    db["measure_reviews"].create_index(["meeting_id"], if_not_exists=True)
