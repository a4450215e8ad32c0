"""The names of the schema's migrations, in order, without importing sqlite-utils.

`Store.open` compares these with the names recorded in the database: when they are all
there (every start but the first after an update), the database is up to date and
sqlite-utils' migration machinery is never loaded. A test checks this list against
`moteleder.store.schema.migrations`; add a migration's name here when you add the migration.
"""

MIGRATION_SET = "moteleder"
MIGRATIONS = (
    "m001_core",
    "m002_referrals",
    "m003_between_meetings",
    "m004_search",
    "m005_overview_indexes",
    "m020_meeting_agreements",
    "m010_scale_indexes",
    "m006_attention_speed",
    "m021_meeting_leases",
    "m022_guard_feedback_text",
    "m023_search_at_write",
)
