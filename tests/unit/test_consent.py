"""Consent: who it covers, and the warnings before a meeting starts."""

from __future__ import annotations

from datetime import date, timedelta

from moteleder.consent import consent_gaps

TODAY = date(2026, 3, 1)


def _group(store, *, birth_year=2015, profile_id="standard"):
    group_id = store.create_group("Ola Nordmann", birth_year=birth_year, profile_id=profile_id)
    ids = {
        "ola": store.add_member(group_id, "Ola Nordmann", kind="person"),
        "mor": store.add_member(group_id, "Kari Nordmann", role="mor", kind="guardian"),
        "skole": store.add_member(group_id, "Siri Lærer", role="kontaktlærer", service="Bakken skole"),
        "ppt": store.add_member(group_id, "Nils Rådgiver", service="PPT"),
        "gjest": store.add_member(group_id, "Hanne Helse", service="Helsestasjonen", standing=False),
    }
    return group_id, ids


def test_no_consent_under_a_routine_that_requires_it_is_one_warning(store):
    group_id, ids = _group(store)
    gaps = consent_gaps(store, group_id, list(ids.values()), today=TODAY)
    assert len(gaps) == 1
    assert "ikke registrert gyldig samtykke" in gaps[0] and "skriftlig samtykke" in gaps[0]


def test_no_consent_and_no_rule_means_no_warning(store):
    group_id, ids = _group(store, profile_id="odda")
    assert consent_gaps(store, group_id, list(ids.values()), today=TODAY) == []


def test_consent_for_all_standing_members_leaves_out_a_guest(store):
    group_id, ids = _group(store)
    store.add_consent(group_id, TODAY - timedelta(days=30), "parents", covers_all=True)
    gaps = consent_gaps(store, group_id, list(ids.values()), today=TODAY)
    assert gaps == ["Samtykket omfatter ikke Hanne Helse (Helsestasjonen). Innhent samtykke før det deles opplysninger."]


def test_consent_naming_services_covers_only_those(store):
    group_id, ids = _group(store)
    store.add_consent(group_id, TODAY - timedelta(days=30), "parents", member_ids=[ids["skole"], ids["gjest"]])
    gaps = consent_gaps(store, group_id, [ids["ola"], ids["mor"], ids["skole"], ids["ppt"], ids["gjest"]],
                        today=TODAY)
    assert len(gaps) == 1 and "Nils Rådgiver (PPT)" in gaps[0]


def test_expired_or_withdrawn_consent_no_longer_counts(store):
    group_id, ids = _group(store)
    first = store.add_consent(group_id, date(2025, 1, 1), "parents", covers_all=True, expires_on=date(2026, 1, 1))
    gaps = consent_gaps(store, group_id, [ids["skole"]], today=TODAY)
    assert gaps and "ikke lenger gyldig" in gaps[0]
    second = store.add_consent(group_id, date(2026, 2, 1), "parents", covers_all=True)
    assert consent_gaps(store, group_id, [ids["skole"]], today=TODAY) == []
    store.withdraw_consent(second, date(2026, 2, 20))
    assert "ikke lenger gyldig" in consent_gaps(store, group_id, [ids["skole"]], today=TODAY)[0]
    assert [c.id for c in store.consents(group_id)] == [second, first]


def test_parents_consent_for_an_adult_is_flagged(store):
    group_id, ids = _group(store, birth_year=2006)
    store.add_consent(group_id, date(2020, 1, 1), "parents", covers_all=True)
    gaps = consent_gaps(store, group_id, [ids["skole"]], today=TODAY)
    assert gaps == ["Samtykket er gitt av foresatte, men Ola Nordmann er nå 20 år og må samtykke selv (eller verge)."]


def test_closed_group_is_read_only_and_leaves_the_list(store):
    import pytest

    from moteleder.store import StoreError

    group_id, _ = _group(store)
    store.close_group(group_id, TODAY, "Koordinert innsats trengs ikke lenger")
    assert store.groups() == []
    assert store.group(group_id).close_reason == "Koordinert innsats trengs ikke lenger"
    with pytest.raises(StoreError, match="avsluttet"):
        store.add_consent(group_id, TODAY, "parents", covers_all=True)
