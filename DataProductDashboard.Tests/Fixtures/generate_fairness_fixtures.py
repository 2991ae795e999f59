#!/usr/bin/python3
"""Reference values for the fairness engine (Analysis/Fairness): per-group rates and the metrics across groups.

Run once with Debian's python3 (python3-numpy 1.24.2):
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_fairness_fixtures.py
It writes fairness.json beside this script. The tests never run Python; they read the JSON.
NaN is written as null. Floats are written with Python's round-trip repr.

Definitions (Fairlearn's, computed here with plain numpy from the rows):
  per group g (its labelled rows): support = rows; selectionRate = mean(pred == 1);
      truePositiveRate = mean(pred == 1 | label == 1); falsePositiveRate = mean(pred == 1 | label == 0);
      precision = mean(label == 1 | pred == 1); accuracy = mean(pred == label)       (NaN for an empty condition)
  judged groups: support >= minSupport (30); the others are listed but left out of every metric below.
  demographicParityDifference = max - min selectionRate over judged groups
  demographicParityRatio      = min / max selectionRate (NaN when max is 0)
  disparateImpact             = min over judged groups of selectionRate / max selectionRate (= the ratio);
                                per group: selectionRate / max judged selectionRate
  equalOpportunityDifference  = max - min truePositiveRate over judged groups with a defined TPR
  equalizedOddsDifference     = max(TPR range, FPR range), each over the groups where the rate is defined
  intersections: the group of a row is "a × b" (its values of the two attributes joined by " × ").
"""
import json
import os

import numpy as np

MIN_SUPPORT = 30


def nan_to_none(x):
    x = float(x)
    return None if np.isnan(x) else x


def rate(mask, cond):
    n = int(cond.sum())
    return float((mask & cond).sum()) / n if n else float("nan")


def analyze(groups, label, pred):
    out = []
    judged = []
    for g in sorted(set(groups)):
        m = groups == g
        y, p = label[m], pred[m]
        row = {
            "group": g,
            "support": int(m.sum()),
            "selectionRate": float(np.mean(p == 1)),
            "truePositiveRate": rate(p == 1, y == 1),
            "falsePositiveRate": rate(p == 1, y == 0),
            "precision": rate(y == 1, p == 1),
            "accuracy": float(np.mean(p == y)),
        }
        out.append(row)
        if row["support"] >= MIN_SUPPORT:
            judged.append(row)
    sel = np.array([r["selectionRate"] for r in judged])
    tpr = np.array([r["truePositiveRate"] for r in judged])
    fpr = np.array([r["falsePositiveRate"] for r in judged])
    tpr, fpr = tpr[~np.isnan(tpr)], fpr[~np.isnan(fpr)]
    top = sel.max()
    for r in out:
        r["disparateImpact"] = r["selectionRate"] / top if top > 0 else float("nan")
    ratio = sel.min() / top if top > 0 else float("nan")
    ranges = [a.max() - a.min() for a in (tpr, fpr) if len(a) >= 2]
    metrics = {
        "demographicParityDifference": float(sel.max() - sel.min()),
        "demographicParityRatio": float(ratio),
        "disparateImpact": float(ratio),
        "equalizedOddsDifference": float(max(ranges)) if ranges else float("nan"),
        "equalOpportunityDifference": float(tpr.max() - tpr.min()) if len(tpr) >= 2 else float("nan"),
    }
    for r in out:
        for k in list(r):
            if isinstance(r[k], float):
                r[k] = nan_to_none(r[k])
    return out, {k: nan_to_none(v) for k, v in metrics.items()}


def case(name, attribute, groups, label, pred):
    out, metrics = analyze(groups, label, pred)
    return {"name": name, "attribute": attribute, "minSupport": MIN_SUPPORT,
            "rows": {"group": [str(g) for g in groups], "label": [int(v) for v in label], "predicted": [int(v) for v in pred]},
            "groups": out, "metrics": metrics}


rng = np.random.default_rng(20261207)
cases = []

# Three judged groups with different selection and error rates, one group below the minimum support.
sizes = {"female": 400, "male": 700, "diverse": 60, "unknown": 12}
sel = {"female": 0.45, "male": 0.7, "diverse": 0.6, "unknown": 0.5}
g, y, p = [], [], []
for name, n in sizes.items():
    label = rng.random(n) < 0.6
    flip = rng.random(n) < (0.25 if name == "female" else 0.15)
    base = np.where(flip, ~label, label)
    # push the selection rate towards the group's target
    extra = rng.random(n) < (sel[name] - 0.5)
    pred = np.where(extra, True, base)
    g += [name] * n
    y += list(label.astype(int))
    p += list(pred.astype(int))
cases.append(case("four groups, one too small", "sex", np.array(g), np.array(y), np.array(p)))

# A group without positive labels (its TPR is undefined and left out of the TPR range).
n = 300
groups = np.array(["a"] * 150 + ["b"] * 100 + ["c"] * 50)
label = (rng.random(n) < 0.4).astype(int)
label[250:] = 0
pred = (rng.random(n) < 0.5).astype(int)
cases.append(case("a group without positive labels", "region", groups, label, pred))

# Intersection of two attributes: the group is "a × b".
n = 1500
sex = rng.choice(["female", "male"], size=n, p=[0.4, 0.6])
band = rng.choice(["18-25", "26-40", "41+"], size=n, p=[0.2, 0.5, 0.3])
label = (rng.random(n) < 0.55).astype(int)
pred = np.where(rng.random(n) < 0.8, label, 1 - label)
pred = np.where((sex == "female") & (band == "18-25") & (rng.random(n) < 0.3), 0, pred)
crossed = np.array([f"{s} × {b}" for s, b in zip(sex, band)])
c = case("intersection", "sex × age_band", crossed, label, pred)
c["rows"]["sex"] = [str(s) for s in sex]
c["rows"]["age_band"] = [str(b) for b in band]
cases.append(c)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fairness.json"), "w") as f:
    json.dump({"cases": cases}, f)
print("wrote", len(cases), "cases")
