#!/usr/bin/python3
"""Reference values for the drift methods (chi-square, Z, normed Wasserstein, Jensen-Shannon, PSI, Hellinger).

Run once with Debian's python3 (python3-scipy 1.10.1, python3-numpy 1.24.2, python3-pandas 1.5.3):
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_drift_fixtures.py
It writes drift_methods.json beside this script. The tests never run Python; they read the JSON.
Definitions (the C# engine implements the same ones):
  numeric values: NaN and +-inf dropped; categorical: missing dropped
  ks: scipy.stats.ks_2samp(ref, cur, method="auto") p-value
  chisquare: scipy.stats.chisquare(f_obs=current counts, f_exp=reference counts * n_cur / n_ref) over the union of keys
  z:         two-proportion z on the share of the first key (sorted), pooled variance; p = 2 * (1 - norm.cdf(|z|))
  wasserstein: scipy.stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
  jensenshannon / psi / hellinger: on shares; numeric shares = np.histogram(x, edges)[0] / len(x) with
    edges = np.histogram_bin_edges(concat(ref, cur), bins="sturges"); categorical shares over the union of keys
  jensenshannon: scipy.spatial.distance.jensenshannon(p, q) (natural log)
  psi: sum((q - p) * ln(q / p)) with zero shares set to 0.0001
  hellinger: sqrt(sum((sqrt(p) - sqrt(q))**2) / 2)
"""
import json
import os

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "datasets"))


def clean_numeric(values):
    a = np.asarray(values, dtype=float)
    return a[np.isfinite(a)]


def numeric_shares(ref, cur):
    edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
    return np.histogram(ref, edges)[0] / len(ref), np.histogram(cur, edges)[0] / len(cur)


def counts(values):
    out = {}
    for v in values:
        if v is None:
            continue
        out[v] = out.get(v, 0) + 1
    return out


def number_key(v):
    return repr(float(v)) if not float(v).is_integer() else repr(float(v))


def categorical_shares(rc, cc):
    keys = sorted(set(rc) | set(cc))
    nr, nc = sum(rc.values()), sum(cc.values())
    return (np.array([rc.get(k, 0) / nr for k in keys]), np.array([cc.get(k, 0) / nc for k in keys]), keys)


def chisquare(rc, cc):
    keys = sorted(set(rc) | set(cc))
    if len(keys) <= 1:
        return 1.0
    nr, nc = sum(rc.values()), sum(cc.values())
    f_exp = np.array([rc.get(k, 0) * (nc / nr) for k in keys])
    f_obs = np.array([cc.get(k, 0) for k in keys], dtype=float)
    if np.any((f_exp == 0) & (f_obs > 0)):
        return 0.0
    return float(stats.chisquare(f_obs, f_exp)[1])


def ztest(rc, cc):
    keys = sorted(set(rc) | set(cc))
    if len(keys) <= 1:
        return 1.0
    t = keys[0]
    n1, n2 = sum(rc.values()), sum(cc.values())
    p1, p2 = rc.get(t, 0) / n1, cc.get(t, 0) / n2
    P = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return float(2 * (1 - stats.norm.cdf(abs(z))))


def psi(p, q):
    p = np.where(p == 0, 0.0001, p)
    q = np.where(q == 0, 0.0001, q)
    return float(np.sum((q - p) * np.log(q / p)))


def hellinger(p, q):
    return float(np.sqrt(np.sum((np.sqrt(p) - np.sqrt(q)) ** 2) / 2))


def numeric_case(name, ref, cur):
    r, c = clean_numeric(ref), clean_numeric(cur)
    p, q = numeric_shares(r, c)
    # numeric values as categories: keys are the C# "R" formatting of the double, sorted ordinally there;
    # chi-square and z do not depend on key order except z's target key, so the fixture states it explicitly.
    rc = counts([float(v) for v in r])
    cc = counts([float(v) for v in c])
    return {
        "name": name, "kind": "Numeric",
        "reference": [None if not np.isfinite(v) else float(v) for v in np.asarray(ref, dtype=float)],
        "current": [None if not np.isfinite(v) else float(v) for v in np.asarray(cur, dtype=float)],
        "referenceSpecial": [str(v) for v in np.asarray(ref, dtype=float) if not np.isfinite(v)],
        "distinct": int(len(np.unique(np.concatenate([r, c])))),
        "expected": {
            "wasserstein": float(stats.wasserstein_distance(r, c) / max(np.std(r), 0.001)),
            "jensenshannon": float(distance.jensenshannon(p, q)),
            "psi": psi(p, q),
            "hellinger": hellinger(p, q),
            "chisquare": chisquare(rc, cc),
            "ks": float(stats.ks_2samp(r, c, method="auto")[1]),
            "default": default_method(len(r), int(len(np.unique(np.concatenate([r, c])))), True),
            "bins": int(len(p)),
        },
    }


def categorical_case(name, ref, cur):
    rc, cc = counts(ref), counts(cur)
    p, q, keys = categorical_shares(rc, cc)
    return {
        "name": name, "kind": "Categorical", "referenceCategories": ref, "currentCategories": cur,
        "distinct": len(keys),
        "expected": {
            "chisquare": chisquare(rc, cc),
            "z": ztest(rc, cc) if len(keys) <= 2 else None,
            "jensenshannon": float(distance.jensenshannon(p, q)),
            "psi": psi(p, q),
            "hellinger": hellinger(p, q),
            "default": default_method(sum(rc.values()), len(keys), False),
        },
    }


def default_method(n_ref, distinct, numeric):
    """DESIGN.md section 5: the rule the dashboard applies when no method is configured."""
    if n_ref <= 1000:
        return "ks" if numeric and distinct > 5 else "chisquare" if distinct > 2 else "z"
    return "wasserstein" if numeric and distinct > 5 else "jensenshannon"


def main():
    rng = np.random.default_rng(20261124)
    cases = []
    cases.append(numeric_case("normal shift 0.25 sd", np.round(rng.normal(0, 1, 800), 4), np.round(rng.normal(0.25, 1, 600), 4)))
    cases.append(numeric_case("same distribution", np.round(rng.normal(5, 2, 1500), 3), np.round(rng.normal(5, 2, 1500), 3)))
    cases.append(numeric_case("heavy ties (integers 0-9)", rng.integers(0, 10, 700).astype(float), rng.integers(0, 12, 500).astype(float)))
    cases.append(numeric_case("constant reference", [3.0] * 50, np.round(rng.normal(3, 1, 40), 3)))
    cases.append(numeric_case("both constant, same value", [7.0] * 30, [7.0] * 20))
    cases.append(numeric_case("both constant, different values", [1.0] * 30, [2.0] * 25))
    cases.append(numeric_case("NaN and infinities dropped", [1.0, float("nan"), 2.5, float("inf"), 3.0, -float("inf"), 4.0, 2.0, 3.5, 1.5],
                              [2.0, 3.0, float("nan"), 4.5, 5.0, 3.3, 2.2, 4.4]))
    cases.append(numeric_case("lognormal vs scaled", np.round(rng.lognormal(0, 0.8, 1200), 4), np.round(1.3 * rng.lognormal(0, 0.8, 900), 4)))
    cases.append(numeric_case("boundary 1000 reference", np.round(rng.uniform(0, 1, 1000), 5), np.round(rng.uniform(0.05, 1.05, 1000), 5)))
    cases.append(numeric_case("boundary 1001 reference", np.round(rng.uniform(0, 1, 1001), 5), np.round(rng.uniform(0.05, 1.05, 1000), 5)))
    cases.append(numeric_case("binary numeric", rng.integers(0, 2, 300).astype(float), (rng.uniform(0, 1, 200) < 0.6).astype(float)))
    cases.append(categorical_case("category shares swap", list(rng.choice(["a", "b", "c", "d"], 900, p=[0.4, 0.3, 0.2, 0.1])),
                                  list(rng.choice(["a", "b", "c", "d"], 700, p=[0.1, 0.2, 0.3, 0.4]))))
    cases.append(categorical_case("category only in current", ["x"] * 40 + ["y"] * 60, ["x"] * 30 + ["y"] * 50 + ["z"] * 5))
    cases.append(categorical_case("category only in reference", ["x"] * 40 + ["y"] * 60 + ["z"] * 10, ["x"] * 30 + ["y"] * 50))
    cases.append(categorical_case("binary categories", ["yes"] * 120 + ["no"] * 80, ["yes"] * 70 + ["no"] * 90))
    cases.append(categorical_case("single category both", ["k"] * 10, ["k"] * 12))

    hour = pd.read_csv(os.path.join(SHARED, "bike-sharing", "hour.csv"))
    y0, y1 = hour[hour.yr == 0], hour[hour.yr == 1]
    bike = {}
    for col in ["temp", "atemp", "hum", "windspeed", "cnt"]:
        c = numeric_case(col, y0[col].to_numpy(float), y1[col].to_numpy(float))
        bike[col] = {"kind": "Numeric", "distinct": c["distinct"], "expected": c["expected"]}
    for col in ["season", "weathersit"]:
        c = categorical_case(col, [str(v) for v in y0[col]], [str(v) for v in y1[col]])
        bike[col] = {"kind": "Categorical", "distinct": c["distinct"], "expected": c["expected"]}

    with open(os.path.join(HERE, "drift_methods.json"), "w") as f:
        json.dump({"generator": "generate_drift_fixtures.py", "scipy": __import__("scipy").__version__, "numpy": np.__version__,
                   "cases": cases, "bikeSharing2011vs2012": bike}, f, indent=1)


if __name__ == "__main__":
    main()
