"""Train the topic guard's model from the corpus, deterministically.

    python scripts/train_guard.py                 # LOWO report + write src/moteleder/guard/model.bin
    python scripts/train_guard.py --out DIR       # write DIR/model.bin (+ manifest, lexicon state)
    python scripts/train_guard.py --explore       # LOWO table for every variant, write nothing

Training writers only (``moteleder.guard.corpus.training_files``): the project's older
corpora (w0-project, always in training) and w1, w2, w4, w5, w7, w8, w9. Leave-one-writer-out
(LOWO) over those writers gives out-of-fold confidences, used for the Platt calibration
and the per-category thresholds. The held-out writers (w3, w6) are never read here.

Same corpus -> byte-identical model file: vocabulary sorted, liblinear with a fixed
random_state, weights rounded and stored as float32, gzip without a timestamp.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from array import array
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from moteleder.guard import corpus, words
from moteleder.guard.engine import rule_check
from moteleder.guard.model import decode, encode, sentences, terms
from moteleder.guard.texts import CATEGORIES

# every training writer but the project's own older corpora is a fold of its own
FOLDS = tuple(w for w in corpus.training_files() if w != "w0-project")
FA_TARGET = 0.025  # false alarms on out-of-fold lines, a margin under the 3 % goal
ASK_PRECISION = 0.4  # lines between ask and flag should be right this often
ASK_GAP = 0.1  # and ask at least this far below the flag threshold
ASK_FLOOR = 0.25  # never ask below this confidence

BASE = {
    "char_min": 2,
    "char_max": 5,
    "word_unigrams": True,
    "word_bigrams": True,
    "classes": True,  # the rule lexicon's word classes as features (k:CLASS, k:A>B)
    "sublinear_tf": True,
    "min_df": 2,
    "kind": "lr",
    "C": 10.0,
    "class_weight": "balanced",
    "rules": 1.0,  # value of a RULE:<category> feature (0 = no rule features)
    "units": "sentences",  # score each sentence, take the max ("whole": the whole line)
}
VARIANTS = {
    "A char2-5 + word 1-2 + lexicon classes, LR C=10 balanced, rules, per sentence": {},
    "B no rule features": {"rules": 0.0},
    "J no lexicon classes": {"classes": False},
    "K no lexicon classes, no rule features": {"classes": False, "rules": 0.0},
    "L linear SVM C=0.3 (+ Platt)": {"kind": "svm", "C": 0.3},
    "C char3-5 only (no word grams)": {
        "char_min": 3,
        "word_unigrams": False,
        "word_bigrams": False,
    },
    "D C=3": {"C": 3.0},
    "E C=30": {"C": 30.0},
    "F unweighted classes": {"class_weight": None},
    "G whole line (no sentence split)": {"units": "whole"},
    "H min_df=3": {"min_df": 3},
    "I rules value 2": {"rules": 2.0},
    "M C=100": {"C": 100.0},
    "N C=30, min_df=3": {"C": 30.0, "min_df": 3},
    "O C=30, max over sentences and whole line": {"C": 30.0, "units": "both"},
    "P C=30": {"C": 30.0},
    "Q C=300": {"C": 300.0},
    "R C=100, max over sentences and whole line": {"C": 100.0, "units": "both"},
    "S O + word skip-bigrams": {"C": 30.0, "units": "both", "word_skip": True},
    "T O + class skip-pairs": {"C": 30.0, "units": "both", "class_skip": True},
    "U O + both": {"C": 30.0, "units": "both", "word_skip": True, "class_skip": True},
}
CHOSEN = "U O + both"


# --------------------------------------------------------------------------- data


class Doc:
    """One corpus line: its terms, its sentences' terms, rule hits, labels."""

    __slots__ = ("labels", "row", "rules", "terms", "text", "unit_rows", "units", "writer")

    def __init__(self, row: dict, writer: str, settings: dict):
        self.text = row["text"]
        self.labels = set(row["labels"])
        self.writer = writer
        self.terms = terms(self.text, settings)
        matches = rule_check(self.text).matches
        self.rules = {m.category for m in matches}
        spans = sentences(self.text)
        if len(spans) <= 1:
            self.units = [(self.terms, self.rules)]
        else:
            self.units = []
            for a, b in spans:
                hits = {m.category for m in matches if a <= m.start < b}
                self.units.append((terms(self.text[a:b], settings), hits))


class Data:
    """All lines as one sparse term-count matrix over every term seen (sorted), plus units."""

    def __init__(self, docs: list[Doc], settings: dict):
        self.docs = docs
        self.settings = settings
        all_terms = sorted(
            {t for d in docs for u in d.units for t in u[0]} | {t for d in docs for t in d.terms}
        )
        self.terms = all_terms
        gid = {t: i for i, t in enumerate(all_terms)}
        items = []
        for n, d in enumerate(docs):
            d.row = len(items)
            items.append((d.terms, d.rules))
        for d in docs:
            d.unit_rows = []
            for u in d.units:
                d.unit_rows.append(len(items))
                items.append(u)
        indptr, indices, data = [0], [], []
        R = np.zeros((len(items), len(CATEGORIES)))
        sub = settings["sublinear_tf"]
        for r, (tdict, hits) in enumerate(items):
            for t, c in tdict.items():
                indices.append(gid[t])
                data.append((1.0 + math.log(c)) if sub else float(c))
            indptr.append(len(indices))
            for j, cat in enumerate(CATEGORIES):
                R[r, j] = cat in hits
        self.tf = sp.csr_matrix(
            (np.array(data), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=(len(items), len(all_terms)),
        )
        self.rules = R


def load_data(settings: dict) -> Data:
    docs = []
    for writer, rows in corpus.load(corpus.training_files(ROOT)).items():
        docs.extend(Doc(r, writer, settings) for r in rows)
    return Data(docs, settings)


def features(data: Data, rows, keep: np.ndarray, idf: np.ndarray, settings) -> sp.csr_matrix:
    """The given item rows -> l2-normalised tf-idf over the kept terms + rule columns."""
    X = data.tf[rows][:, keep] @ sp.diags(idf)
    X = normalize(X.tocsr(), norm="l2", copy=False)
    if settings["rules"]:
        X = sp.hstack([X, sp.csr_matrix(data.rules[rows] * settings["rules"])], format="csr")
    else:
        X = sp.hstack([X, sp.csr_matrix((X.shape[0], len(CATEGORIES)))], format="csr")
    return X


def fit(data: Data, docs: list[Doc], settings: dict):
    rows = np.array([d.row for d in docs])
    df = np.asarray((data.tf[rows] > 0).sum(axis=0)).ravel()
    keep = np.flatnonzero(df >= settings["min_df"])
    n = len(docs)
    idf = np.log((1 + n) / (1 + df[keep])) + 1.0
    X = features(data, rows, keep, idf, settings)
    coefs, biases = [], []
    for cat in CATEGORIES:
        y = np.array([cat in d.labels for d in docs], dtype=int)
        if settings["kind"] == "svm":
            clf = LinearSVC(
                C=settings["C"],
                class_weight=settings["class_weight"],
                random_state=0,
                max_iter=5000,
            )
        else:
            clf = LogisticRegression(
                C=settings["C"],
                class_weight=settings["class_weight"],
                solver="liblinear",
                dual=True,  # faster with more features than lines; same optimum
                random_state=0,
                max_iter=1000,
            )
        clf.fit(X, y)
        coefs.append(clf.coef_[0])
        biases.append(float(clf.intercept_[0]))
    vocab = [data.terms[i] for i in keep]
    return vocab, keep, idf, np.vstack(coefs), np.array(biases)


def line_scores(data: Data, docs: list[Doc], model, settings) -> np.ndarray:
    """Raw score per line and category: the max over its sentences (or the whole line)."""
    _, keep, idf, coef, bias = model
    rows, owner = [], []
    for n, d in enumerate(docs):
        units = {"sentences": d.unit_rows, "whole": [d.row]}.get(settings["units"])
        if units is None:  # both
            units = d.unit_rows if len(d.unit_rows) == 1 else [d.row, *d.unit_rows]
        rows.extend(units)
        owner.extend([n] * len(units))
    S = features(data, np.array(rows), keep, idf, settings) @ coef.T + bias
    out = np.full((len(docs), len(CATEGORIES)), -np.inf)
    np.maximum.at(out, np.array(owner), S)
    return out


# --------------------------------------------------------------------------- calibration


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt's sigmoid P(y | s) = 1 / (1 + exp(-(a s + b))), by Newton's method (exact and
    deterministic, unlike an iterative solver's stopping point), with Platt's smoothed targets."""
    n_pos, n_neg = float(y.sum()), float(len(y) - y.sum())
    t = np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    s = np.clip(scores, -50, 50)
    a, b = 1.0, 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a * s + b)))
        g = np.array([((p - t) * s).sum(), (p - t).sum()])
        w = p * (1 - p) + 1e-12
        H = np.array([[(w * s * s).sum(), (w * s).sum()], [(w * s).sum(), w.sum()]])
        H += np.eye(2) * 1e-9
        step = np.linalg.solve(H, g)
        a, b = a - step[0], b - step[1]
        if abs(step).max() < 1e-10:
            break
    return float(f"{a:.4g}"), float(f"{b:.4g}")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def f1(p_mask, y):
    tp = int((p_mask & y).sum())
    fp = int((p_mask & ~y).sum())
    fn = int((~p_mask & y).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def flags_of(conf: np.ndarray, R: np.ndarray | None, flag, agree=None) -> np.ndarray:
    """What is flagged: confidence at the flag threshold, or at the (lower) agree threshold
    where a rule of the same category hit too."""
    flags = conf >= np.array(flag)
    if R is not None and agree is not None:
        flags |= R & (conf >= np.minimum(np.array(agree), np.array(flag)))
    return flags


def choose_thresholds(conf: np.ndarray, Y: np.ndarray, R: np.ndarray) -> tuple[list[float], list[float]]:
    """Per-category flag and rule-agree thresholds: best macro-F1 with false alarms <= FA_TARGET."""
    unl = ~Y.any(axis=1)
    grid = np.round(np.arange(0.05, 0.991, 0.01), 2)
    th = []
    for c in range(Y.shape[1]):  # start: each category's own best F1
        th.append(max(grid, key=lambda t: (f1(conf[:, c] >= t, Y[:, c])[0], t)))
    th = np.array(th)
    ag = th.copy()

    def objective(t, a):
        flags = flags_of(conf, R, t, a)
        fa = flags[unl].any(axis=1).mean()
        mf = np.mean([f1(flags[:, c], Y[:, c])[0] for c in range(Y.shape[1])])
        return mf - (10.0 * (fa - FA_TARGET) if fa > FA_TARGET else 0.0)

    # first the flag thresholds alone (agree = flag), then the agree thresholds from there:
    # the second step only takes what improves, so it never ends worse than the first
    best = objective(th, th)
    for which in ("flag", "agree"):
        for _ in range(4):
            for c in range(Y.shape[1]):
                for t in grid:
                    trial_t, trial_a = th.copy(), ag.copy()
                    if which == "flag":
                        trial_t[c] = trial_a[c] = t
                    else:
                        trial_a[c] = t
                    v = objective(trial_t, trial_a)
                    if v > best + 1e-12:
                        best, th, ag = v, trial_t, trial_a
    ag = np.minimum(ag, th)
    return [float(x) for x in th], [float(x) for x in ag]


def choose_ask(conf: np.ndarray, Y: np.ndarray, flag: list[float], flagged: np.ndarray) -> list[float]:
    """Per category: the lowest threshold whose band [ask, flag) (what is not flagged) is still
    right ASK_PRECISION."""
    out = []
    for c in range(Y.shape[1]):
        ask = flag[c]
        for t in np.round(np.arange(flag[c] - 0.01, ASK_FLOOR - 0.001, -0.01), 2):
            band = (conf[:, c] >= t) & ~flagged[:, c]
            if band.sum() and (band & Y[:, c]).sum() / band.sum() >= ASK_PRECISION:
                ask = float(t)
            else:
                break
        out.append(round(max(ASK_FLOOR, min(ask, flag[c] - ASK_GAP)), 2))
    return out


# --------------------------------------------------------------------------- LOWO


def evaluate(conf, Y, flag, ask=None, R=None, agree=None) -> dict:
    flags = flags_of(conf, R, flag, agree)
    unl = ~Y.any(axis=1)
    per = {}
    for c, cat in enumerate(CATEGORIES):
        f, p, r = f1(flags[:, c], Y[:, c])
        per[cat] = (round(p, 3), round(r, 3), round(f, 3))
    out = {
        "per": per,
        "macro_f1": round(float(np.mean([v[2] for v in per.values()])), 3),
        "fa": round(float(flags[unl].any(axis=1).mean()), 3),
    }
    if ask is not None:
        asks = (conf >= np.array(ask)) & ~flags
        out["ask_rate_unlabelled"] = round(float(asks[unl].any(axis=1).mean()), 3)
        out["ask_rate_labelled"] = round(float((asks & Y)[~unl].any(axis=1).mean()), 3)
    return out


def lowo(data: Data, settings: dict, log=print) -> dict:
    """Out-of-fold raw scores for the writer folds; calibration and thresholds on them."""
    docs = data.docs
    fold_docs = [d for d in docs if d.writer in FOLDS]
    raw = np.zeros((len(fold_docs), len(CATEGORIES)))
    pos = {id(d): n for n, d in enumerate(fold_docs)}
    for w in FOLDS:
        train = [d for d in docs if d.writer != w]
        test = [d for d in fold_docs if d.writer == w]
        model = fit(data, train, settings)
        raw[[pos[id(d)] for d in test]] = line_scores(data, test, model, settings)
    Y = np.array([[c in d.labels for c in CATEGORIES] for d in fold_docs])
    cal = [platt(raw[:, c], Y[:, c]) for c in range(len(CATEGORIES))]
    conf = np.column_stack([sigmoid(a * raw[:, c] + b) for c, (a, b) in enumerate(cal)])
    # the old rules' hits on the same lines: a hit lets a lower confidence flag (agree)
    R = np.array([[c in d.rules for c in CATEGORIES] for d in fold_docs], dtype=bool)
    flag, agree = choose_thresholds(conf, Y, R)
    ask = choose_ask(conf, Y, flag, flags_of(conf, R, flag, agree))
    writers = np.array([d.writer for d in fold_docs])
    folds = {
        w: evaluate(conf[writers == w], Y[writers == w], flag, None, R[writers == w], agree)
        for w in FOLDS
    }
    pooled = evaluate(conf, Y, flag, ask, R, agree)
    R = R.astype(float)  # and alone, for comparison
    rules = {w: evaluate(R[writers == w], Y[writers == w], [0.5] * 5) for w in FOLDS}
    rules["pooled"] = evaluate(R, Y, [0.5] * 5)
    return {
        "platt": cal,
        "flag": flag,
        "agree": agree,
        "ask": ask,
        "folds": folds,
        "pooled": pooled,
        "rules": rules,
    }


def table(res: dict, name: str) -> str:
    lines = [
        f"### {name}",
        "",
        "| fold | " + " | ".join(CATEGORIES) + " | macro-F1 | FA |",
        "|---|" + "---|" * (len(CATEGORIES) + 2),
    ]
    for w, r in list(res["folds"].items()) + [("pooled", res["pooled"])]:
        cells = [f"{r['per'][c][2]:.2f}" for c in CATEGORIES]
        lines.append(f"| {w} | " + " | ".join(cells) + f" | {r['macro_f1']:.3f} | {r['fa']:.3f} |")
    f1s = [r["macro_f1"] for r in res["folds"].values()]
    lines.append(f"\nspread of fold macro-F1: {min(f1s):.3f}–{max(f1s):.3f}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- output


def _r(x: float) -> float:
    return float(f"{x:.6g}")


def build_file(data: Data, settings: dict, res: dict, log=print):
    docs = data.docs
    fitted = fit(data, docs, settings)
    vocab, _, idf, coef, bias = fitted
    n = len(vocab)
    idf32 = array("f", np.round(idf, 6).astype(np.float32).tobytes())
    w = (coef[:, :n] * idf[None, :]).T  # n x 5, idf folded in, interleaved per term
    w32 = array("f", np.round(w, 6).astype(np.float32).ravel().tobytes())
    rule_w = [[_r(coef[c, n + j]) for j in range(len(CATEGORIES))] for c in range(len(CATEGORIES))]
    features = {
        k: settings[k]
        for k in (
            "char_min",
            "char_max",
            "word_unigrams",
            "word_bigrams",
            "classes",
            "sublinear_tf",
            "min_df",
        )
    }
    for k in ("word_skip", "class_skip"):  # written only when used, so older files stay the same
        if settings.get(k):
            features[k] = True
    features["fold"] = "lower; æøå, ae/oe/aa -> e/o/a; digits -> 0; words [^\\W_]+"
    header = {
        "format": 1,
        "categories": list(CATEGORIES),
        "features": features,
        "model": {
            "kind": settings["kind"],
            "solver": "liblinear dual",
            "C": settings["C"],
            "class_weight": settings["class_weight"],
            "rules": settings["rules"],
            "units": settings["units"],
        },
        "bias": [_r(b) for b in bias],
        "rule_weights": rule_w if settings["rules"] else [],
        "platt": [[_r(a), _r(b)] for a, b in res["platt"]],
        "thresholds": {"flag": res["flag"], "agree": res["agree"], "ask": res["ask"]},
        "lowo": {"pooled": res["pooled"], "folds": res["folds"]},
        "corpus_sha256": corpus.corpus_sha256(ROOT),
        "training_files": [
            p.relative_to(ROOT).as_posix()
            for ps in corpus.training_files(ROOT).values()
            for p in ps
        ],
        "training_lines": len(docs),
        "n_features": n,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
    }
    return encode(header, vocab, idf32, w32), header, fitted


def check_parity(data: Data, blob: bytes, fitted, settings: dict) -> None:
    """The plain-Python scorer on the written file gives the numpy scores (float32 noise)."""
    m = decode(blob)
    sample = data.docs[::20]
    want = line_scores(data, sample, fitted, {**settings, "units": "whole"})
    for d, row in zip(sample, want, strict=True):
        got = m.raw_scores(d.text, frozenset(d.rules))
        if max(abs(a - b) for a, b in zip(got, row, strict=True)) > 1e-3:
            raise SystemExit(f"plain-Python scores differ from training: {d.text!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "moteleder" / "guard")
    ap.add_argument("--explore", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--only", help="explore only variants whose name starts with these letters")
    args = ap.parse_args(argv)
    log = (lambda *a: None) if args.quiet else print
    t0 = time.perf_counter()
    if args.explore:
        cache: dict = {}
        for name, delta in VARIANTS.items():
            if args.only and name[0] not in args.only:
                continue
            s = {**BASE, **delta}
            key = (
                s.get("word_skip"),
                s.get("class_skip"),
                s["char_min"],
                s["char_max"],
                s["word_unigrams"],
                s["word_bigrams"],
                s["classes"],
            )
            if key not in cache:
                cache[key] = load_data(s)
            res = lowo(cache[key], s)
            log(table(res, name))
            log(f"thresholds flag {res['flag']} agree {res['agree']} ask {res['ask']}")
            log(json.dumps(res["pooled"]["per"]))
            log(f"({time.perf_counter() - t0:.0f} s)\n")
        res = lowo(cache[next(iter(cache))], {**BASE})
        log(
            table(
                {"folds": {w: res["rules"][w] for w in FOLDS}, "pooled": res["rules"]["pooled"]},
                "old rules alone",
            )
        )
        return 0
    settings = {**BASE, **VARIANTS[CHOSEN]}
    data = load_data(settings)
    res = lowo(data, settings, log)
    log(table(res, CHOSEN))
    blob, header, fitted = build_file(data, settings, res, log)
    check_parity(data, blob, fitted, settings)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "model.bin").write_bytes(blob)
    # the lexicon and rules as built state, so a session's first check need not build them
    (args.out / words.STATE_FILE).write_bytes(words.state_bytes())
    manifest = {k: v for k, v in header.items() if k not in ("bias", "rule_weights")}
    (args.out / "model_manifest.json").write_text(
        json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    log(
        f"wrote {args.out / 'model.bin'}: {len(blob)} bytes, {header['n_features']} features, "
        f"{time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
