#!/usr/bin/python3
"""Reference values for a model version's diagnostics (Analysis/Models/Diagnostics.cs).

Run once with Debian's python3 (python3-sklearn 1.2.1, python3-numpy 1.24.2):
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_diagnostics_fixtures.py
It writes diagnostics.json beside this script. The tests never run Python; they read the JSON.

Definitions:
  roc:        sklearn roc_curve(y, p, drop_intermediate=False): fpr, tpr, thresholds (the first threshold is max + 1)
  pr:         sklearn precision_recall_curve(y, p): precision, recall, thresholds; averagePrecision = average_precision_score
  calibration: sklearn calibration_curve(y, p, n_bins=10, strategy="uniform"): prob_true, prob_pred (empty bins left out);
              ece = sum over the same bins of n_b / N * |mean(y in b) - mean(p in b)| (bins as numpy.searchsorted on the
              inner edges of linspace(0, 1, 11), the binning calibration_curve uses); brier = brier_score_loss
  confusion:  sklearn confusion_matrix(y, predicted) with predicted = p >= 0.5
  thresholds: precision, recall, f1 (sklearn, zero_division=0) of p >= t for t in 0.1, 0.5, 0.9
  residuals:  numpy.histogram(predicted - y, bins=30)
"""
import json
import os

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, brier_score_loss, confusion_matrix, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_curve)


def binary_case(name, n, seed, ties=False):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    p = 1 / (1 + np.exp(-(y * 1.5 - 0.8 + rng.normal(0, 1.1, n))))
    if ties:
        p = np.round(p, 1)
    fpr, tpr, roc_t = roc_curve(y, p, drop_intermediate=False)
    precision, recall, pr_t = precision_recall_curve(y, p)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
    bins = np.linspace(0.0, 1.0, 11)
    ids = np.searchsorted(bins[1:-1], p)
    ece = 0.0
    for b in range(10):
        mask = ids == b
        if mask.any():
            ece += mask.sum() / n * abs(y[mask].mean() - p[mask].mean())
    predicted = (p >= 0.5).astype(int)
    thresholds = []
    for t in (0.1, 0.5, 0.9):
        q = (p >= t).astype(int)
        thresholds.append({"threshold": t, "precision": float(precision_score(y, q, zero_division=0)),
                           "recall": float(recall_score(y, q, zero_division=0)), "f1": float(f1_score(y, q, zero_division=0))})
    return {"name": name, "labels": y.tolist(), "scores": p.tolist(),
            "roc": {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": roc_t.tolist()},
            "pr": {"precision": precision.tolist(), "recall": recall.tolist(), "thresholds": pr_t.tolist(),
                   "averagePrecision": float(average_precision_score(y, p))},
            "calibration": {"fractionPositive": prob_true.tolist(), "meanPredicted": prob_pred.tolist(), "ece": float(ece),
                            "brier": float(brier_score_loss(y, p))},
            "confusion": confusion_matrix(y, predicted).tolist(),
            "thresholds": thresholds}


def regression_case(name, n, seed):
    rng = np.random.default_rng(seed)
    y = rng.normal(100, 20, n)
    predicted = y + rng.normal(2, 8, n)
    counts, edges = np.histogram(predicted - y, bins=30)
    return {"name": name, "labels": y.tolist(), "predicted": predicted.tolist(),
            "residualCounts": counts.tolist(), "residualEdges": edges.tolist()}


def main():
    out = {
        "versions": {"python": "/usr/bin/python3", "sklearn": sklearn.__version__, "numpy": np.__version__},
        "binary": [binary_case("continuous scores", 400, 1), binary_case("tied scores", 300, 2, ties=True),
                   binary_case("small", 25, 3)],
        "regression": [regression_case("residuals", 500, 4)],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "diagnostics.json")
    with open(path, "w") as f:
        json.dump(out, f)
    for c in out["binary"]:
        print(c["name"], len(c["roc"]["fpr"]), len(c["pr"]["precision"]), c["pr"]["averagePrecision"], c["calibration"]["ece"])


if __name__ == "__main__":
    main()
