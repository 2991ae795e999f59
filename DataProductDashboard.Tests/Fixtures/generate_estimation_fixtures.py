#!/usr/bin/python3
"""Reference values for the performance-estimation engine (Analysis/Estimation) and the PCA reconstruction drift signal
(Analysis/Multivariate), from scikit-learn 1.2.1 / numpy 1.24.2 (Debian python3-sklearn, python3-numpy).

Run once from the repository root with Debian's python3:
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_estimation_fixtures.py
It writes estimation.json beside this script. The tests never run Python; they read the JSON.
NaN is written as null (strict JSON has no NaN). Floats are written with Python's round-trip repr, and every random
input is rounded before it is used, so the JSON reproduces the inputs exactly. Re-running regenerates the file byte
for byte.

Definitions (the C# engine implements the same ones):
  isotonic: sklearn IsotonicRegression(increasing=True, out_of_bounds="clip", y_min=0, y_max=1).fit(x, y, w).
            Expected X_thresholds_, y_thresholds_ (sklearn sorts by (x, y), drops weights <= 0, merges x values less
            than numpy's float64 resolution (1e-15) above the first x of a group into that x (_make_unique: weighted
            mean of y, summed weight), runs pool-adjacent-violators, clips to [0, 1] and drops interior points whose y
            equals both neighbours) and .predict(grid): linear interpolation between the thresholds (scipy interp1d)
            after clipping the input to [X_min_, X_max_]; a single threshold predicts its y everywhere.
  cbpe:     p = calibrated probability of class 1, yhat = predicted label (0/1), s = the model's raw score.
            TP = sum p [yhat=1], FP = sum (1-p) [yhat=1], FN = sum p [yhat=0], TN = sum (1-p) [yhat=0];
            accuracy (TP+TN)/n, precision TP/(TP+FP), recall TP/(TP+FN), F1 2TP/(2TP+FP+FN), NaN (null) when a
            denominator is 0. Estimated ROC AUC: rows sorted by s descending; at each distinct s (the last row of
            each group of tied scores, as sklearn's roc_curve with drop_intermediate=False) TPR = cumsum(p)/sum(p),
            FPR = cumsum(1-p)/sum(1-p); (0, 0) prepended; area by the trapezoidal rule; NaN when sum(p) or
            sum(1-p) is 0. Cross-checked against sklearn.metrics.auc on the same curve and against sklearn's
            roc_auc_score on the rows duplicated as a positive with weight p and a negative with weight 1-p (the
            expected ROC curve is exactly that weighted curve); when p is a 0/1 label, against roc_auc_score(p, s).
  pca:      sklearn StandardScaler() (population std, near-constant columns get scale 1) then
            PCA(n_components=0.65, svd_solver="full") (the fewest components whose cumulative explained-variance
            ratio exceeds 0.65: searchsorted(cumsum, 0.65, side="right") + 1). Reconstruction error of a set of
            rows = mean over rows of the Euclidean norm of (standardised row - pca.inverse_transform(pca.transform(
            standardised row))), NannyML's DataReconstructionDriftCalculator without its imputer and encoder.
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import auc, roc_auc_score
from sklearn.preprocessing import StandardScaler

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def nums(a):
    return [num(v) for v in a]


# ---- isotonic ---------------------------------------------------------------------------------------------------


def isotonic(name, covers, x, y, w=None):
    x, y = np.asarray(x, float), np.asarray(y, float)
    w = None if w is None else np.asarray(w, float)
    model = IsotonicRegression(increasing=True, out_of_bounds="clip", y_min=0, y_max=1).fit(x, y, sample_weight=w)
    lo, hi = float(np.min(x)), float(np.max(x))
    span = hi - lo if hi > lo else 1.0
    grid = np.round(np.linspace(lo - 0.25 * span, hi + 0.25 * span, 41), 6)
    grid = np.concatenate([grid, model.X_thresholds_])  # exactly on the thresholds too
    return {
        "name": name, "covers": covers,
        "x": nums(x), "y": nums(y), "weights": None if w is None else nums(w),
        "expected": {
            "xThresholds": nums(model.X_thresholds_), "yThresholds": nums(model.y_thresholds_),
            "grid": nums(grid), "predictions": nums(model.predict(grid)),
        },
    }


def isotonic_cases(rng):
    n = 300
    score = np.round(rng.uniform(size=n), 2)  # two decimals: many ties in x
    label = (rng.uniform(size=n) < score ** 1.5).astype(float)
    unsorted_x = np.round(rng.normal(0, 3, 60), 3)
    unsorted_y = np.round(1 / (1 + np.exp(-unsorted_x)) + rng.normal(0, 0.15, 60), 3)
    wx = np.round(rng.uniform(size=80), 3)
    wy = (rng.uniform(size=80) < wx).astype(float)
    ww = np.round(rng.uniform(0, 3, 80), 2)
    ww[::9] = 0.0  # zero weights are dropped
    return [
        isotonic("random labels", "fixed-seed 0/1 labels against scores with two decimals (ties in x)", score, label),
        isotonic("ties in x", "several y per x, averaged before PAV",
                 [1, 1, 2, 2, 2, 3, 4, 4, 5], [0.9, 0.1, 0.2, 0.8, 0.5, 0.3, 0.7, 0.6, 1.0]),
        isotonic("already monotone", "increasing y: no pooling; equal neighbours trimmed",
                 [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], [0.05, 0.1, 0.1, 0.1, 0.4, 0.9, 0.95]),
        isotonic("all equal y", "constant y: only the first and last thresholds are kept",
                 [3.0, 1.0, 2.0, 5.0, 4.0], [0.3, 0.3, 0.3, 0.3, 0.3]),
        isotonic("unsorted input", "x in random order, y noisy around a sigmoid and outside [0, 1] (clipped)",
                 unsorted_x, unsorted_y),
        isotonic("weights", "fractional weights, every ninth weight 0 (dropped)", wx, wy, ww),
        isotonic("decreasing data", "y decreasing in x: everything pools into one value",
                 [1, 2, 3, 4], [0.9, 0.7, 0.4, 0.2]),
        isotonic("single x value", "one distinct x: constant prediction", [2.0, 2.0, 2.0], [0.0, 1.0, 1.0]),
        isotonic("near-duplicate x", "x within 1e-15 of a group's first x is merged into it (sklearn _make_unique)",
                 [0.0, 5e-16, 9e-16, 0.5, 1.0], [0.8, 0.2, 0.5, 0.4, 0.9]),
        isotonic("y outside [0, 1]", "y_min = 0 and y_max = 1 clip the fitted values",
                 [0, 1, 2, 3, 4, 5], [-0.5, -0.2, 0.3, 0.6, 1.4, 2.0]),
    ]


# ---- CBPE -------------------------------------------------------------------------------------------------------


def estimated_auc(p, s):
    """The definition in the docstring, with numpy; returns (auc, fpr, tpr)."""
    order = np.argsort(-s, kind="mergesort")
    s_sorted, p_sorted = s[order], p[order]
    last_of_group = np.r_[np.where(np.diff(s_sorted))[0], s.size - 1]
    tps = np.cumsum(p_sorted)[last_of_group]
    fps = np.cumsum(1 - p_sorted)[last_of_group]
    if tps[-1] == 0 or fps[-1] == 0:
        return math.nan, None, None
    tpr = np.r_[0.0, tps / tps[-1]]
    fpr = np.r_[0.0, fps / fps[-1]]
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    return area, fpr, tpr


def cbpe(name, covers, p, yhat, s):
    p, yhat, s = np.asarray(p, float), np.asarray(yhat, int), np.asarray(s, float)
    pos, neg = yhat == 1, yhat == 0
    assert np.all(pos | neg)
    tp, fp = np.sum(np.where(pos, p, 0.0)), np.sum(np.where(pos, 1 - p, 0.0))
    fn, tn = np.sum(np.where(neg, p, 0.0)), np.sum(np.where(neg, 1 - p, 0.0))

    def ratio(a, b):
        return a / b if b != 0 else math.nan

    area, fpr, tpr = estimated_auc(p, s)
    if not math.isnan(area):
        assert abs(area - auc(fpr, tpr)) < 1e-12, name
        # the expected ROC curve is the weighted curve of a positive copy (weight p) and a negative copy (1 - p)
        weighted = roc_auc_score(np.r_[np.ones(p.size), np.zeros(p.size)], np.r_[s, s], sample_weight=np.r_[p, 1 - p])
        assert abs(area - weighted) < 1e-12, (name, area, weighted)
        if np.all((p == 0) | (p == 1)):
            assert abs(area - roc_auc_score(p, s)) < 1e-12, name
    return {
        "name": name, "covers": covers,
        "probability": nums(p), "predicted": yhat.tolist(), "scores": nums(s),
        "expected": {
            "rows": int(p.size),
            "accuracy": num(ratio(tp + tn, p.size)), "precision": num(ratio(tp, tp + fp)),
            "recall": num(ratio(tp, tp + fn)), "f1": num(ratio(2 * tp, 2 * tp + fp + fn)), "rocAuc": num(area),
        },
    }


def cbpe_cases(rng):
    n = 400
    s = np.round(rng.beta(2, 3, n), 2)  # ties in the score
    p = np.round(np.clip(s + rng.normal(0, 0.05, n), 0, 1), 4)
    s_unique = np.round(rng.uniform(size=150), 7)
    assert np.unique(s_unique).size == s_unique.size
    p_unique = np.round(s_unique ** 1.3, 6)
    labels = (rng.uniform(size=120) < 0.4).astype(float)
    s_labels = np.round(np.clip(0.35 + 0.3 * labels + rng.normal(0, 0.2, 120), 0, 1), 2)
    return [
        cbpe("typical with tied scores", "400 rows, scores with two decimals, p near the score, yhat = s >= 0.5",
             p, (s >= 0.5).astype(int), s),
        cbpe("distinct scores", "150 rows, no ties, yhat at threshold 0.3", p_unique, (s_unique >= 0.3).astype(int),
             s_unique),
        cbpe("all predicted negative", "TP + FP = 0: precision null", p[:50], np.zeros(50, int), s[:50]),
        cbpe("all predicted positive", "TN and FN 0", p[:50], np.ones(50, int), s[:50]),
        cbpe("p all zero", "sum p = 0: recall and AUC null, precision and F1 0", np.zeros(20), (s[:20] >= 0.5).astype(int),
             s[:20]),
        cbpe("p all one", "sum (1 - p) = 0: AUC null", np.ones(20), (s[:20] >= 0.5).astype(int), s[:20]),
        cbpe("all scores tied", "one threshold: the curve is the diagonal, AUC 0.5", p[:30], (p[:30] >= 0.5).astype(int),
             np.full(30, 0.4)),
        cbpe("p equal to labels", "0/1 probabilities: the estimated AUC is the realized roc_auc_score(labels, s)",
             labels, (s_labels >= 0.5).astype(int), s_labels),
        cbpe("single row", "one row, p 0.7 predicted positive", [0.7], [1], [0.9]),
    ]


# ---- PCA --------------------------------------------------------------------------------------------------------


def correlated(rng, n, flip=1.0):
    z1, z2 = rng.normal(size=n), rng.normal(size=n)
    cols = [
        10 + 2 * z1 + rng.normal(0, 0.3, n),
        -5 + flip * 3 * z1 + rng.normal(0, 0.6, n),
        z2 + rng.normal(0, 0.5, n),
        100 + 20 * (0.6 * z2 + 0.8 * rng.normal(size=n)),
        rng.exponential(2.0, n),
        rng.uniform(-1, 1, n),
    ]
    return np.round(np.column_stack(cols), 4)


def reconstruction_error(scaler, pca, rows):
    z = scaler.transform(rows)
    back = pca.inverse_transform(pca.transform(z))
    return float(np.mean(np.linalg.norm(z - back, axis=1)))


def pca_case(name, covers, reference, current):
    scaler = StandardScaler().fit(reference)
    pca = PCA(n_components=0.65, svd_solver="full").fit(scaler.transform(reference))
    return {
        "name": name, "covers": covers, "reference": reference.tolist(), "current": current.tolist(),
        "expected": {
            "components": int(pca.n_components_),
            "explainedVarianceRatio": nums(pca.explained_variance_ratio_),
            "mean": nums(scaler.mean_), "scale": nums(scaler.scale_),
            "referenceError": reconstruction_error(scaler, pca, reference),
            "currentError": reconstruction_error(scaler, pca, current),
        },
    }


def pca_cases(rng):
    reference = correlated(rng, 300)
    current = correlated(rng, 200, flip=-0.6)
    with_constant = correlated(rng, 120)[:, :4]
    with_constant[:, 2] = 0.1  # a constant column: scale 1
    current_constant = correlated(rng, 50)[:, :4]
    return [
        pca_case("correlated 300x6", "two correlated pairs, two independent columns; the current 200 rows weaken "
                 "and flip the first pair's correlation", reference, current),
        pca_case("constant column", "120x4 reference with a constant column (scaler scale 1); the current batch's "
                 "column is not constant", with_constant, current_constant),
    ]


def main():
    rng = np.random.default_rng(20250702)
    doc = {
        "generator": "generate_estimation_fixtures.py",
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
        "isotonic": isotonic_cases(rng),
        "cbpe": cbpe_cases(rng),
        "pca": pca_cases(rng),
    }
    with open(os.path.join(HERE, "estimation.json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"), allow_nan=False)


if __name__ == "__main__":
    main()
