"""The learned guard: the shipped model matches the corpus, retrains byte-identically, and
the combined API (confidence, level, asks, sentence spans) behaves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import pytest

from moteleder.guard import CATEGORIES, GuardResult, Match, check, sentence_span
from moteleder.guard import model as gmodel
from moteleder.guard.corpus import corpus_sha256

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
GUARD = SRC / "moteleder" / "guard"


def _shipped() -> bytes:
    return resources.files("moteleder.guard").joinpath(gmodel.MODEL_FILE).read_bytes()


def test_model_is_shipped_compact_and_has_a_manifest():
    data = _shipped()
    assert len(data) <= 5 * 1024 * 1024
    m = gmodel.decode(data)
    head = m.header
    assert head["categories"] == list(CATEGORIES)
    for key in ("features", "thresholds", "platt", "corpus_sha256", "sklearn", "training_files"):
        assert key in head, key
    for c in range(len(CATEGORIES)):
        assert 0.0 < head["thresholds"]["ask"][c] <= head["thresholds"]["flag"][c] < 1.0
    readable = json.loads((GUARD / "model_manifest.json").read_text(encoding="utf-8"))
    assert readable["corpus_sha256"] == head["corpus_sha256"]
    assert readable["thresholds"] == head["thresholds"]


def test_manifest_corpus_hash_matches_the_corpus_files():
    head = gmodel.decode(_shipped()).header
    assert head["corpus_sha256"] == corpus_sha256(ROOT), (
        "the corpus changed since the model was trained: run scripts/train_guard.py"
    )
    # the held-out writers are never among the training files
    assert not [p for p in head["training_files"] if "heldout/" in p or "/w3-" in p or "/w6-" in p]


@pytest.mark.skipif(
    find_spec("sklearn") is None, reason="scikit-learn not installed: retraining not checked"
)
def test_retraining_gives_a_byte_identical_model(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "train_guard.py"),
            "--out",
            str(tmp_path),
            "--quiet",
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert (tmp_path / "model.bin").read_bytes() == _shipped()
    assert (tmp_path / "model_manifest.json").read_bytes() == (
        GUARD / "model_manifest.json"
    ).read_bytes()
    assert (tmp_path / "lexicon_state.bin").read_bytes() == (GUARD / "lexicon_state.bin").read_bytes()


def test_the_shipped_lexicon_state_is_the_one_the_lexicon_and_rules_build():
    # a change to the lexicon or the rules must come with a new state file, else the guard
    # would silently build the state on every start (slow) — or, were the check missing,
    # run on stale rules
    from moteleder.guard import words

    assert (GUARD / words.STATE_FILE).read_bytes() == words.state_bytes(), (
        "run: python scripts/train_guard.py (it rewrites the lexicon state too)"
    )


def test_a_stale_or_damaged_lexicon_state_is_ignored_and_the_guard_still_works(monkeypatch):
    from moteleder.guard import engine, words

    text = "Kan vi ikke bare bestemme her at han får 20 timer avlastning?"
    expected = [(m.category, m.phrase) for m in engine.rule_check(text).matches]
    assert expected
    for breakage in ("stale", "damaged"):
        monkeypatch.setattr(words, "_STATE", None)
        monkeypatch.setattr(words, "_TAG_CACHE", {})
        if breakage == "stale":
            monkeypatch.setattr(words, "_sources_hash", lambda: "another lexicon")
        else:
            monkeypatch.setattr(words, "_read", lambda name: b"not marshal data")
        assert words._shipped() is None
        assert [(m.category, m.phrase) for m in engine.rule_check(text).matches] == expected
        monkeypatch.undo()


def test_run_time_needs_no_numpy_or_sklearn():
    code = (
        "import sys; from moteleder.guard import check; "
        "r = check('Kan vi ikke bare bestemme her at han får 20 timer avlastning?'); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('numpy', 'sklearn', 'scipy')]; "
        "print(bad, r.categories); raise SystemExit(1 if bad or not r.categories else 0)"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_match_and_result_defaults_keep_old_code_working():
    m = Match("klage", "klage", 0, 5)
    assert m.confidence == 1.0 and m.level == "flag"
    r = GuardResult("x", ())
    assert r.asks == () and r.categories == [] and r.confidence == {}


def test_flags_carry_confidence_and_level():
    result = check("Vi vil klage på vedtaket.")
    assert result.categories == ["klage"]
    for m in result.matches:
        assert m.level == "flag"
        assert 0.0 < m.confidence <= 1.0
    assert set(result.confidence) == {"klage"}
    for m in result.asks:
        assert m.level == "ask" and m.category not in result.categories


def test_one_off_limits_sentence_in_a_long_note_is_found_with_its_sentence():
    calm = (
        "Mor forteller at søvnen er mye bedre siden sist. Skolen melder at han har hatt "
        "en fin uke, og han leser høyt for assistenten hver dag. Fysioterapeuten har "
        "startet med ny treningsplan, og det går fint. "
    )
    bad = "Kan ikke ansvarsgruppa bare bestemme i dag at han får tjue timer avlastning?"
    text = calm * 3 + bad + " Neste møte blir 12. mars på skolen."
    result = check(text)
    assert "enkeltvedtak" in result.categories
    for m in result.matches:
        assert text[m.start : m.end] == m.phrase
        s, e = sentence_span(text, m.start, m.end)
        assert text[s:e] == bad
    assert not check(calm * 3).categories


def test_model_only_hits_give_a_sentence_or_a_rule_phrase():
    text = "Han sover godt nå. Me har venta på svar frå BUP sidan august, ingen ringer tilbake."
    for m in check(text).matches + check(text).asks:
        assert text[m.start : m.end] == m.phrase
        s, e = sentence_span(text, m.start, m.end)
        assert s <= m.start and m.end <= e


@pytest.mark.parametrize(
    "text",
    [
        "Han får spesialundervisning etter opplæringslova, og det fungerer godt.",
        "Vedtaket om avlastning gjelder til juni.",
        "Hun klager over vondt i magen hver morgen før skolen.",
    ],
)
def test_domain_negatives_are_not_flagged(text):
    assert check(text).categories == []


def test_scoring_is_deterministic_and_calibrated_in_range():
    m = gmodel.load_model()
    assert m is not None
    text = "Assistentane treng opplæring i korleis dei skal bruke sonden."
    a = m.confidences(text)
    b = m.confidences(text)
    assert a == b and all(0.0 <= x <= 1.0 for x in a)


@pytest.mark.parametrize(
    "text",
    [
        "Han sover godt nå. Me har venta på svar frå BUP sidan august, ingen ringer tilbake.",
        "Status: bra\nAssistenten kommer aldri til avtalt tid\nNeste møte 3. mai",
        "Kan ikkje dokker berre bestemme det no? Dokker sit jo her alle saman! Eg orkar ikkje meir.",
        "  Vi vil klage på vedtaket.   Skolen og PPT er uenige om timene.  ",
    ],
)
def test_fast_scoring_equals_the_training_features(text):
    """Sentence and whole-note scores from cached word ids equal those of ``terms()``."""
    m = gmodel.load_model()

    def slow(piece: str, hits: frozenset[str]) -> list[float]:
        counts: dict[int, int] = {}
        for t, n in gmodel.terms(piece, m.settings).items():
            i = m.vocab.get(t)
            if i is not None:
                counts[i] = n
        return m._calibrate(m._score(counts, hits))

    spans = gmodel.sentences(text)
    hits = [frozenset({"klage"})] + [frozenset()] * (len(spans) - 1)
    fast = m.score_units(text, spans, hits, frozenset({"uenighet"}))
    want = [slow(text[a:b], h) for (a, b), h in zip(spans, hits)] + [
        slow(text, frozenset({"uenighet"}))
    ]
    for f, w in zip(fast, want, strict=True):
        assert f == pytest.approx(w, abs=1e-9)
