#!/usr/bin/python3
"""Reference values for the model-behavior metrics, from scikit-learn 1.2.1 (Debian python3-sklearn).

    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_metric_fixtures.py
writes metrics.json beside this script. zero_division=0 everywhere; binary metrics use pos_label=1.
"""
import json
import os

import numpy as np
from sklearn import metrics as m

HERE = os.path.dirname(os.path.abspath(__file__))


def binary(name, y, pred, proba):
    y, pred = np.asarray(y, int), np.asarray(pred, int)
    out = {
        "name": name, "labels": y.tolist(), "predicted": pred.tolist(),
        "probability": None if proba is None else [float(p) for p in proba],
        "expected": {
            "accuracy": m.accuracy_score(y, pred),
            "balancedAccuracy": m.balanced_accuracy_score(y, pred),
            "precision": m.precision_score(y, pred, zero_division=0),
            "recall": m.recall_score(y, pred, zero_division=0),
            "f1": m.f1_score(y, pred, zero_division=0),
            "macroPrecision": m.precision_score(y, pred, average="macro", zero_division=0),
            "macroRecall": m.recall_score(y, pred, average="macro", zero_division=0),
            "macroF1": m.f1_score(y, pred, average="macro", zero_division=0),
            "confusion": m.confusion_matrix(y, pred, labels=[0, 1]).tolist(),
        },
    }
    if proba is not None:
        out["expected"]["brier"] = m.brier_score_loss(y, proba)
        if len(set(y.tolist())) == 2:
            out["expected"]["rocAuc"] = m.roc_auc_score(y, proba)
            out["expected"]["logLoss"] = m.log_loss(y, proba)
    out["expected"] = {k: (float(v) if isinstance(v, (float, np.floating)) else v) for k, v in out["expected"].items()}
    return out


def multiclass(name, y, pred):
    labels = sorted(set(y) | set(pred))
    p, r, f, s = m.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    return {
        "name": name, "labels": y, "predicted": pred,
        "expected": {
            "accuracy": float(m.accuracy_score(y, pred)),
            "balancedAccuracy": float(m.balanced_accuracy_score(y, pred)),
            "macroPrecision": float(m.precision_score(y, pred, average="macro", zero_division=0)),
            "macroRecall": float(m.recall_score(y, pred, average="macro", zero_division=0)),
            "macroF1": float(m.f1_score(y, pred, average="macro", zero_division=0)),
            "classes": labels,
            "perClass": [{"precision": float(a), "recall": float(b), "f1": float(c), "support": int(d)} for a, b, c, d in zip(p, r, f, s)],
            "confusion": m.confusion_matrix(y, pred, labels=labels).tolist(),
        },
    }


def regression(name, y, pred):
    y, pred = np.asarray(y, float), np.asarray(pred, float)
    return {
        "name": name, "labels": y.tolist(), "predicted": pred.tolist(),
        "expected": {
            "mae": float(m.mean_absolute_error(y, pred)),
            "rmse": float(np.sqrt(m.mean_squared_error(y, pred))),
            "mape": float(m.mean_absolute_percentage_error(y, pred)),
            "r2": float(m.r2_score(y, pred)),
            "medianAbsoluteError": float(m.median_absolute_error(y, pred)),
            "meanError": float(np.mean(pred - y)),
        },
    }


def main():
    rng = np.random.default_rng(7)
    y = (rng.uniform(size=400) < 0.3).astype(int)
    proba = np.clip(np.round(0.3 + 0.4 * y + rng.normal(0, 0.2, 400), 3), 0, 1)
    cases_binary = [
        binary("typical", y, (proba >= 0.5).astype(int), proba),
        binary("all predicted negative", y, np.zeros_like(y), proba),
        binary("single class in labels", np.zeros(50, int), (rng.uniform(size=50) < 0.2).astype(int), np.round(rng.uniform(size=50), 2)),
        binary("perfect with ties in scores", [0, 0, 1, 1, 0, 1], [0, 0, 1, 1, 0, 1], [0.1, 0.1, 0.9, 0.9, 0.1, 0.9]),
        binary("probabilities of exactly 0 and 1", [0, 1, 1, 0, 1], [0, 1, 0, 1, 1], [0.0, 1.0, 0.0, 1.0, 0.7]),
        binary("no probabilities", [0, 1, 1, 0, 1, 1], [0, 1, 0, 0, 1, 1], None),
    ]
    labels3 = list(rng.choice(["a", "b", "c"], 300, p=[0.5, 0.3, 0.2]))
    pred3 = [l if rng.uniform() < 0.7 else str(rng.choice(["a", "b"])) for l in labels3]
    cases_multi = [
        multiclass("three classes, c never predicted", labels3, pred3),
        multiclass("prediction of a class absent from labels", ["a", "a", "b", "b"], ["a", "d", "b", "a"]),
    ]
    yr = np.round(rng.gamma(2, 50, 500), 1)
    cases_reg = [
        regression("typical", yr, np.round(yr * 0.9 + rng.normal(5, 20, 500), 2)),
        regression("zeros in labels (MAPE epsilon)", [0.0, 2.0, 0.0, 5.0], [0.5, 2.5, 0.0, 4.0]),
        regression("constant labels, imperfect", [3.0, 3.0, 3.0], [2.0, 3.0, 4.0]),
        regression("constant labels, perfect", [3.0, 3.0], [3.0, 3.0]),
        regression("even count median", [1.0, 2.0, 3.0, 4.0], [1.5, 2.0, 5.0, 3.0]),
    ]
    with open(os.path.join(HERE, "metrics.json"), "w") as f:
        json.dump({"generator": "generate_metric_fixtures.py", "sklearn": __import__("sklearn").__version__,
                   "binary": cases_binary, "multiclass": cases_multi, "regression": cases_reg}, f, indent=1)


if __name__ == "__main__":
    main()
