"""The topic guard: categories, hard negatives, nynorsk, æøå, spans, sentences, CLI, corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moteleder.guard import (
    CATEGORIES,
    GUIDANCE,
    REFERRAL_LINE,
    TOPIC_NAME,
    GuardResult,
    Match,
    check,
    sentence_span,
)

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
CORPUS = ROOT / "tests" / "data" / "guard_corpus.jsonl"
HELDOUT = ROOT / "tests" / "data" / "guard_heldout.jsonl"


def cats(text: str) -> list[str]:
    return check(text).categories


# ------------------------------------------------------------------ API and texts


def test_categories_and_texts_are_complete():
    assert CATEGORIES == ("misnoye", "klage", "opplaering", "uenighet", "enkeltvedtak")
    for table in (TOPIC_NAME, GUIDANCE, REFERRAL_LINE):
        assert set(table) == set(CATEGORIES)
        for value in table.values():
            assert value.strip() and value[0].isupper()
    for cat in CATEGORIES:
        assert GUIDANCE[cat].endswith(".")
        assert REFERRAL_LINE[cat].endswith(".")
    assert "klageadgang" in GUIDANCE["klage"]
    assert "søknad" in GUIDANCE["enkeltvedtak"]


def test_result_shape():
    result = check("Vi vil klage på vedtaket.")
    assert isinstance(result, GuardResult)
    assert result and result.categories == ["klage"]
    assert all(isinstance(m, Match) for m in result.matches)
    empty = check("Neste møte blir 12. mars.")
    assert not empty and empty.categories == [] and empty.matches == ()
    assert not check("") and not check("   \n")


def test_categories_are_unique_and_ordered():
    text = "Vi er ikke fornøyd med skolen. Vi vil klage på vedtaket. Ingen gjør noe."
    result = check(text)
    assert result.categories == ["misnoye", "klage"]
    assert len(result.matches) >= 3


# ------------------------------------------------------------------ each category


@pytest.mark.parametrize(
    "text",
    [
        "Assistenten kommer aldri til avtalt tid, og ingen gjør noe",
        "Vi er ikke fornøyd med hvordan skolen følger opp.",
        "Læreren svarer ikke på meldingene våre.",
        "Oppfølgingen fra barnevernet har vært helt elendig.",
        "Vi føler oss ikke hørt av PPT.",
        "Støttekontakten glemmer avtalene hele tiden.",
    ],
)
def test_misnoye(text):
    assert "misnoye" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vi vil klage på vedtaket",
        "Det er urettferdig at han fikk avslag",
        "Fire timer avlastning i måneden er altfor lite.",
        "Vi godtar ikke at timene hans er kuttet.",
        "Han burde fått flere timer spesialundervisning.",
    ],
)
def test_klage(text):
    assert "klage" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Assistentene trenger opplæring i hvordan de skal bruke ASK-tavla.",
        "Avlasterne må læres opp i epilepsimedisinen.",
        "Kan du vise assistenten hvordan sonden skal brukes?",
        "Personalet mangler kompetanse på epilepsi.",
    ],
)
def test_opplaering(text):
    assert "opplaering" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Skolen sier det er BUP sitt ansvar, BUP sier det er skolen",
        "Det er uklart hvem som har ansvaret for skoleskyssen.",
        "Det er ikke vårt ansvar, det må helse ta.",
        "Skolen og PPT er uenige om hvor mye hjelp han trenger.",
        "Hvem skal betale for assistenten, skolen eller helse?",
    ],
)
def test_uenighet(text):
    assert "uenighet" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kan vi ikke bare bestemme her at han får 20 timer avlastning?",
        "Kan ansvarsgruppa innvilge støttekontakt i dag?",
        "Kan dere love at han får plass på SFO fra august?",
        "Vi bestemmer at hun får BPA fra januar.",
    ],
)
def test_enkeltvedtak(text):
    assert "enkeltvedtak" in cats(text)


def test_multi_label():
    text = "Vi er ikke fornøyd med skolen, og vi kommer til å klage på vedtaket."
    assert cats(text) == ["misnoye", "klage"]


# ------------------------------------------------------------------ hard negatives


@pytest.mark.parametrize(
    "text",
    [
        "Han har vedtak om 10 timer avlastning",
        "Mor har sendt klage til Statsforvalteren, den er under behandling",
        "Han sliter med søvnen og er lei seg",
        "Vi blir enige om at skolen lager en plan",
        "Han får spesialundervisning etter opplæringslova.",
        "Hun har rett til tilrettelagt opplæring.",
        "Opplæring i norsk går fint.",
        "Assistenten har gjort en fantastisk jobb i høst.",
        "BUP har fulgt opp veldig godt siden sist.",
        "Skolen melder at han har hatt en dårlig periode.",
        "Vi bestemmer at neste møte blir på skolen.",
        "Kan vi bestemme dato for neste møte nå?",
        "Hvem har ansvaret for tiltak tre?",
        "Ansvarsgruppa skal ikke fatte enkeltvedtak.",
        "Vi kan ikke fatte vedtak her, det må søkes om.",
        "Mor søker om flere timer avlastning, svaret kommer i mai.",
        "BUP møter ikke i dag, de har meldt forfall.",
        "Han klager på vondt i magen om morgenen.",
        "Læreren sier han aldri gjør lekser.",
        "Lærerne har fått opplæring i ASK, og det har gått fint.",
        "Dette tar vi i et eget møte med skolen.",
    ],
)
def test_hard_negatives(text):
    assert cats(text) == [], check(text).matches


def test_complaint_already_sent_versus_wish_to_complain():
    assert cats("Mor har sendt klage til Statsforvalteren, den er under behandling") == []
    assert cats("Vi vil klage på vedtaket") == ["klage"]
    assert cats("Det er urettferdig at han fikk avslag") == ["klage"]


# ------------------------------------------------------------------ nynorsk and spelling


@pytest.mark.parametrize(
    ("text", "cat"),
    [
        ("Assistenten kjem aldri til avtalt tid.", "misnoye"),
        ("Me er ikkje nøgde med korleis skulen følgjer opp.", "misnoye"),
        ("Me vil klage på vedtaket.", "klage"),
        ("Avlastarane må lærast opp i epilepsimedisinen.", "opplaering"),
        ("Skulen seier det er BUP sitt ansvar, og BUP seier det er skulen.", "uenighet"),
        ("Kan me ikkje berre bestemme at han får 20 timar avlasting?", "enkeltvedtak"),
    ],
)
def test_nynorsk(text, cat):
    assert cat in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Han har vedtak om ti timar avlasting.",
        "Opplæringa i norsk går mykje betre no.",
        "Me blir samde om at skulen lagar ein plan.",
    ],
)
def test_nynorsk_negatives(text):
    assert cats(text) == []


@pytest.mark.parametrize(
    ("text", "cat"),
    [
        ("Vi er ikke fornoyd med oppfolgingen fra skolen.", "misnoye"),
        ("Laereren svarer aldri paa meldinger.", "misnoye"),
        ("Vi er ikke fornøyd med oppflgingen fra skolen.", "misnoye"),  # ø left out + typo
        ("Assistentene trenger opplaering i ASK.", "opplaering"),
        ("Personalet trenger oplæring i sondemating.", "opplaering"),
        ("Det er urettferdig at han fikk avlsag.", "klage"),
        ("Kan vi ikke bare bestemme at han faar 20 timer avlastning?", "enkeltvedtak"),
        ("Det er ikke vart ansvar.", "uenighet"),
    ],
)
def test_missing_or_replaced_aeoeaa_and_typos(text, cat):
    assert cat in cats(text)


# ------------------------------------------------------------------ spans and sentences


@pytest.mark.parametrize(
    "text",
    [
        "Assistenten kommer aldri til avtalt tid, og ingen gjør noe",
        "  Først litt om søvnen. Så: Kan vi ikke bare bestemme her at han får 20 timer avlastning?",
        "Skolen sier det er BUP sitt ansvar, BUP sier det er skolen",
        "Vi er IKKE fornøyd med SKOLEN!\nVi vil klage på vedtaket.",
        "BUP-behandleren virker likegyldig til hele saken.",
    ],
)
def test_spans_point_into_the_original_text(text):
    result = check(text)
    assert result
    for m in result.matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.phrase
        assert m.category in CATEGORIES


def test_sentence_span():
    text = "Han sover bedre. Vi vil klage på vedtaket! Neste møte er i mai."
    m = check(text).matches[0]
    s, e = sentence_span(text, m.start, m.end)
    assert text[s:e] == "Vi vil klage på vedtaket!"
    # lines count as sentences
    text2 = "Status: bra\nAssistenten kommer aldri til avtalt tid\nNeste møte 3. mai"
    m2 = check(text2).matches[0]
    s2, e2 = sentence_span(text2, m2.start, m2.end)
    assert text2[s2:e2] == "Assistenten kommer aldri til avtalt tid"
    # a single sentence is the whole text, without surrounding blanks
    assert sentence_span("  Ingen gjør noe.  ", 2, 7) == (2, 17)
    # the span always contains the phrase
    for start, end in [(0, 0), (0, len(text)), (5, 30)]:
        s, e = sentence_span(text, start, end)
        assert s <= start and e >= end


# ------------------------------------------------------------------ CLI


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "ascii"  # the command must still write UTF-8
    env["LC_ALL"] = "C"
    return env


def _run(args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "moteleder", "flagg", *args],
        input=stdin.encode("utf-8") if stdin is not None else None,
        capture_output=True,
        env=_env(),
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_cli_arguments():
    proc = _run(
        [
            "Vi vil klage på vedtaket",
            "Han sover godt",
            "Kan vi ikkje berre bestemme at ho får meir avlasting?",
        ]
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    assert [o["text"] for o in objs] == [
        "Vi vil klage på vedtaket",
        "Han sover godt",
        "Kan vi ikkje berre bestemme at ho får meir avlasting?",
    ]
    assert objs[0]["categories"] == ["klage"]
    assert objs[1] == {"text": "Han sover godt", "categories": [], "matches": [], "confidence": {}}
    assert objs[2]["categories"] == ["enkeltvedtak"]
    m = objs[0]["matches"][0]
    assert set(m) == {"category", "phrase", "start", "end", "confidence", "level"}
    assert m["level"] == "flag" and 0.0 <= m["confidence"] <= 1.0
    assert set(objs[0]["confidence"]) == {"klage"}
    assert objs[0]["text"][m["start"] : m["end"]] == m["phrase"]
    assert "på" in proc.stdout.decode("utf-8")  # ensure_ascii=False


def test_cli_stdin_one_text_per_line_keeps_empty_lines():
    stdin = "Assistenten kommer aldri til avtalt tid\n\nHan har vedtak om 10 timer avlastning\nMe vil klage på vedtaket"
    proc = _run([], stdin)
    assert proc.returncode == 0, proc.stderr
    objs = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [o["text"] for o in objs] == [
        "Assistenten kommer aldri til avtalt tid",
        "",
        "Han har vedtak om 10 timer avlastning",
        "Me vil klage på vedtaket",
    ]
    assert [o["categories"] for o in objs] == [["misnoye"], [], [], ["klage"]]


def test_cli_via_main(capsys):
    from moteleder.cli import main

    assert main(["flagg", "Ingen vil ta ansvar for transporten."]) == 0
    out = capsys.readouterr().out
    obj = json.loads(out.strip())
    assert obj["categories"] == ["uenighet"]


# ------------------------------------------------------------------ hygiene


def test_import_does_not_pull_in_textual():
    code = (
        "import sys, moteleder.guard as g; g.check('Vi vil klage på vedtaket'); "
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=_env(), timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ------------------------------------------------------------------ corpus quality


def _load(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_corpus_format_and_balance():
    rows = _load(CORPUS)
    assert len(rows) >= 300
    for row in rows:
        assert set(row) == {"text", "labels", "lang"}
        assert row["lang"] in ("nb", "nn")
        assert set(row["labels"]) <= set(CATEGORIES)
    unlabelled = sum(not r["labels"] for r in rows)
    assert unlabelled / len(rows) >= 0.40
    assert sum(r["lang"] == "nn" for r in rows) / len(rows) >= 0.25
    assert any(len(r["labels"]) > 1 for r in rows)
    held = _load(HELDOUT)
    assert len(held) >= 80
    assert not {r["text"] for r in held} & {r["text"] for r in rows}


def test_main_corpus_meets_quality_targets():
    from moteleder.guard.bench import quality

    q = quality(_load(CORPUS))
    for cat, scores in q["per_category"].items():
        assert scores["f1"] >= 0.90, (cat, scores)
    assert q["false_alarm_rate"] <= 0.03


# ------------------------------------------------------------------ robustness

from hypothesis import given, settings
from hypothesis import strategies as st

_WORDS = st.sampled_from(
    [
        "vi",
        "vil",
        "klage",
        "på",
        "vedtaket",
        "skolen",
        "BUP",
        "sier",
        "det",
        "er",
        "sitt",
        "ansvar",
        "kan",
        "ikke",
        "bare",
        "bestemme",
        "at",
        "han",
        "får",
        "20",
        "timer",
        "avlastning",
        "assistenten",
        "kommer",
        "aldri",
        "ingen",
        "gjør",
        "noe",
        "opplæring",
        "læres",
        "opp",
        ",",
        ".",
        "?",
        "!",
        "\n",
        "æøå",
        "ÆØÅ",
        "aa",
        "oe",
        "–",
        "—",
        "'",
        "’",
        "😀",
        "\t",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=40).map(" ".join)))
def test_any_text_gives_valid_spans(text):
    result = check(text)
    for m in result.matches:
        assert text[m.start : m.end] == m.phrase
        s, e = sentence_span(text, m.start, m.end)
        assert 0 <= s <= m.start and m.end <= e <= len(text)
    assert result.categories == [c for c in CATEGORIES if c in {m.category for m in result.matches}]
