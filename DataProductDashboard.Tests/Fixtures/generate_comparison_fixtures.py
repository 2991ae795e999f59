#!/usr/bin/python3
"""Reference values for comparing model versions on the same rows (Analysis/Comparison).

Run once with Debian's python3 (python3-scipy 1.10.1, python3-sklearn 1.2.1, python3-statsmodels 0.13.5,
python3-numpy 1.24.2):
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_comparison_fixtures.py
It writes comparison.json beside this script. The tests never run Python; they read the JSON.

Definitions (version A = the baseline, B = the other; every difference is B - A):
  mcnemar:  b = rows A classifies right and B wrong, c = rows B right and A wrong;
            exact  = statsmodels mcnemar([[., b], [c, .]], exact=True).pvalue   (two-sided binomial, p = 0.5)
            approx = statsmodels mcnemar(..., exact=False, correction=True)      (chi-square, 1 df, continuity-corrected)
  delong:   auc = sklearn roc_auc_score; the variance and covariance of the two AUCs from DeLong, DeLong and
            Clarke-Pearson (1988), computed here from the definition with every positive-negative pair
            (psi = 1 if the positive scores higher, 1/2 on a tie, else 0): V10 (per positive), V01 (per negative),
            S = cov(V10) / m + cov(V01) / n (sample covariances, ddof 1); z = (aucB - aucA) / sqrt(Var B + Var A - 2 Cov),
            p = 2 (1 - Phi(|z|)). The engine computes the same from mid-ranks (Sun and Xu, 2014).
  pairedT:  scipy.stats.ttest_rel(errB, errA) on per-row absolute errors (MAE) and squared errors (MSE, for RMSE).
  agreement: share of rows where the predicted labels are equal; numpy corrcoef of the two score columns.
"""
import json
import os

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy import stats
from sklearn.metrics import roc_auc_score
from statsmodels.stats.contingency_tables import mcnemar


def delong(y, a, b):
    pos, neg = y == 1, y == 0
    def components(s):
        sp, sn = s[pos][:, None], s[neg][None, :]
        psi = (sp > sn) + 0.5 * (sp == sn)
        return psi.mean(axis=1), psi.mean(axis=0), psi.mean()
    v10a, v01a, auca = components(a)
    v10b, v01b, aucb = components(b)
    m, n = pos.sum(), neg.sum()
    s10 = np.cov(np.vstack([v10a, v10b]), ddof=1)
    s01 = np.cov(np.vstack([v01a, v01b]), ddof=1)
    s = s10 / m + s01 / n
    var = s[0, 0] + s[1, 1] - 2 * s[0, 1]
    z = (aucb - auca) / np.sqrt(var)
    return {"aucA": float(auca), "aucB": float(aucb), "varA": float(s[0, 0]), "varB": float(s[1, 1]), "cov": float(s[0, 1]),
            "z": float(z), "p": float(2 * stats.norm.sf(abs(z)))}


def classification_case(name, n, seed, shift, ties=False):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.35).astype(int)
    signal = y * 1.2 + rng.normal(0, 1, n)
    a = 1 / (1 + np.exp(-(signal + rng.normal(0, 0.8, n))))
    b = 1 / (1 + np.exp(-(signal * (1 + shift) + rng.normal(0, 0.8, n))))
    if ties:
        a, b = np.round(a, 1), np.round(b, 1)
    pa, pb = (a >= 0.5).astype(int), (b >= 0.5).astype(int)
    ra, rb = pa == y, pb == y
    bcount, ccount = int((ra & ~rb).sum()), int((~ra & rb).sum())
    table = [[int((ra & rb).sum()), bcount], [ccount, int((~ra & ~rb).sum())]]
    exact = mcnemar(table, exact=True)
    approx = mcnemar(table, exact=False, correction=True)
    d = delong(y, a, b)
    assert abs(d["aucA"] - roc_auc_score(y, a)) < 1e-12 and abs(d["aucB"] - roc_auc_score(y, b)) < 1e-12
    return {"name": name, "labels": y.tolist(), "scoresA": a.tolist(), "scoresB": b.tolist(),
            "accuracyA": float(ra.mean()), "accuracyB": float(rb.mean()),
            "mcnemar": {"b": bcount, "c": ccount, "exactP": float(exact.pvalue), "exactStatistic": float(exact.statistic),
                        "approxP": float(approx.pvalue), "approxStatistic": float(approx.statistic)},
            "delong": d,
            "agreement": float((pa == pb).mean()), "scoreCorrelation": float(np.corrcoef(a, b)[0, 1])}


def regression_case(name, n, seed, gain):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, n)
    y = 50 + 10 * x + rng.normal(0, 3, n)
    a = 50 + 9 * x + rng.normal(0, 4, n)
    b = 50 + (9 + gain) * x + rng.normal(0, 4 - gain, n)
    ea, eb = np.abs(y - a), np.abs(y - b)
    sa, sb = (y - a) ** 2, (y - b) ** 2
    ta, tb = stats.ttest_rel(eb, ea), stats.ttest_rel(sb, sa)
    return {"name": name, "labels": y.tolist(), "predictedA": a.tolist(), "predictedB": b.tolist(),
            "maeA": float(ea.mean()), "maeB": float(eb.mean()), "rmseA": float(np.sqrt(sa.mean())), "rmseB": float(np.sqrt(sb.mean())),
            "absoluteErrors": {"t": float(ta.statistic), "p": float(ta.pvalue), "df": n - 1},
            "squaredErrors": {"t": float(tb.statistic), "p": float(tb.pvalue), "df": n - 1},
            "predictionCorrelation": float(np.corrcoef(a, b)[0, 1])}


def main():
    out = {
        "versions": {"python": "/usr/bin/python3", "scipy": scipy.__version__, "sklearn": sklearn.__version__,
                     "statsmodels": statsmodels.__version__, "numpy": np.__version__},
        "classification": [
            classification_case("small, b + c < 25 (exact)", 60, 1, 0.3),
            classification_case("small, B better (exact)", 80, 6, 2.5),
            classification_case("medium", 400, 2, 0.25),
            classification_case("large, B clearly better", 3000, 3, 0.6),
            classification_case("ties in the scores", 500, 4, 0.1, ties=True),
            classification_case("no real difference", 800, 5, 0.0),
        ],
        "regression": [
            regression_case("small", 40, 11, 0.5),
            regression_case("large, B better", 2000, 12, 1.0),
            regression_case("no real difference", 500, 13, 0.0),
        ],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "comparison.json")
    with open(path, "w") as f:
        json.dump(out, f)
    for c in out["classification"]:
        print(c["name"], c["mcnemar"]["b"], c["mcnemar"]["c"], c["mcnemar"]["exactP"], c["delong"]["p"])
    for c in out["regression"]:
        print(c["name"], c["maeA"], c["maeB"], c["absoluteErrors"]["p"])


if __name__ == "__main__":
    main()
