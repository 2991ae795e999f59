#!/usr/bin/python3
"""Generate ks_2samp.json: reference values from scipy 1.10.1 for the C# KolmogorovSmirnov port.

Run with Debian's interpreter (python3-scipy 1.10.1, python3-numpy 1.24.2):
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_ks_fixtures.py
Sample values are rounded to 3 decimals *before* the test is run, so the JSON (written with repr-exact
floats) round-trips exactly into C# doubles.
"""
import json
import os

import numpy as np
import scipy
import scipy.special
from scipy import stats
from scipy.stats._stats_py import _attempt_exact_2kssamp
from math import gcd

assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__ == "1.24.2", np.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ks_2samp.json")


def r3(a):
    return np.round(np.asarray(a, dtype=np.float64), 3)


def kolmogn_regime(n, x):
    """Which branch of scipy.stats._ksstats._kolmogn(n, x, cdf=False) (after kstwo's support check) runs."""
    if x <= 0.5 / n:
        return "support_low_sf1"
    if x >= 1.0:
        return "support_high_sf0"
    t = n * x
    if t <= 1.0:
        return "ruben_gambino_low_prod" if n <= 140 else "ruben_gambino_low_stirling"
    if t >= n - 1:
        return "ruben_gambino_high"
    if x >= 0.5:
        return "smirnov_x_ge_half"
    nxsq = t * x
    if n <= 140:
        if nxsq <= 0.754693:
            return "dmtw_small_n"
        if nxsq <= 4:
            return "pomeranz"
        return "smirnov_miller_small_n"
    if nxsq >= 370.0:
        return "zero_nx2_ge_370"
    if nxsq >= 2.2:
        return "smirnov_nx2_ge_2.2"
    if nxsq >= 18.0:
        return "cdf_one"
    if n <= 100000 and n * x ** 1.5 <= 1.4:
        return "dmtw_large_n"
    return "pelz_good"


def describe(d1, d2):
    n1, n2 = len(d1), len(d2)
    res = stats.ks_2samp(d1, d2, alternative="two-sided", method="auto")
    g = gcd(n1, n2)
    if max(n1, n2) <= 10000:
        # Same call ks_2samp makes; tells whether the exact branch succeeded.
        d_raw = stats.ks_2samp(d1, d2, method="asymp").statistic
        success, d_snap, _ = _attempt_exact_2kssamp(n1, n2, g, d_raw, "two-sided")
        method = "Exact" if success else "Asymptotic"
    else:
        success, d_snap = False, res.statistic
        method = "Asymptotic"
    regime = "exact"
    if method == "Asymptotic":
        m, n = sorted([float(n1), float(n2)], reverse=True)
        en = int(np.round(m * n / (m + n)))
        regime = kolmogn_regime(en, d_snap)
    return float(res.statistic), float(res.pvalue), method, regime


cases = []


def add(name, d1, d2):
    d1 = r3(d1)
    d2 = r3(d2)
    stat, p, method, regime = describe(d1, d2)
    cases.append({
        "name": name, "method": method, "regime": regime,
        "statistic": stat, "pvalue": p,
        "n1": int(len(d1)), "n2": int(len(d2)),
        "data1": d1.tolist(), "data2": d2.tolist(),
    })
    print(f"{name:40s} n1={len(d1):6d} n2={len(d2):6d} {method:10s} {regime:28s} D={stat:.6g} p={p:.6g}")


def quantile_matched(big, n, offset):
    """n values placed at ECDF positions (j + offset)/n of `big`: makes D about offset/n."""
    s = np.sort(big)
    idx = np.minimum(((np.arange(n) + offset) / n * len(s)).astype(int), len(s) - 1)
    return s[idx]


rng = np.random.default_rng(20240601)

# ---------------- exact path ----------------
add("exact_equal_n_small", rng.normal(size=8), rng.normal(0.5, 1, size=8))
add("exact_equal_n_100_shift", rng.normal(size=100), rng.normal(0.3, 1, size=100))
add("exact_equal_n_2000_small_shift", rng.normal(size=2000), rng.normal(0.05, 1, size=2000))
add("exact_equal_n_2000_big_shift", rng.normal(size=2000), rng.normal(0.5, 1, size=2000))
add("exact_unequal_7_13", rng.normal(size=7), rng.normal(size=13))
add("exact_unequal_150_230", rng.normal(size=150), rng.standard_t(3, size=230))
add("exact_unequal_1000_2000", rng.normal(size=1000), rng.normal(0.1, 1.1, size=2000))
add("exact_unequal_coprime_1999_2003", rng.normal(size=1999), rng.normal(0.05, 1, size=2003))
add("exact_unequal_tiny_p_1500_800", rng.normal(size=1500), rng.normal(1.0, 1, size=800))
add("exact_ties_poisson_300_450", rng.poisson(4, size=300), rng.poisson(4.5, size=450))
add("exact_heavy_ties_3_levels_500_700", rng.integers(0, 3, size=500), rng.integers(0, 3, size=700))
add("exact_heavy_ties_equal_n_400", rng.integers(0, 2, size=400), rng.integers(0, 2, size=400))
add("exact_rounded_to_1dp_900_1100", np.round(rng.normal(size=900), 1), np.round(rng.normal(0.1, 1, size=1100), 1))
same = rng.normal(size=200)
add("exact_identical_samples", same, same.copy())
add("exact_same_values_permuted", same, rng.permutation(same))
add("exact_separated_equal_n_50", rng.uniform(0, 1, size=50), rng.uniform(2, 3, size=50))
add("exact_separated_equal_n_500", rng.uniform(0, 1, size=500), rng.uniform(2, 3, size=500))
add("exact_separated_unequal_40_70", rng.uniform(2, 3, size=40), rng.uniform(0, 1, size=70))
add("exact_separated_unequal_300_200", rng.uniform(0, 1, size=300), rng.uniform(2, 3, size=200))
add("exact_one_value_vs_100", [0.25], rng.normal(size=100))
add("exact_100_vs_one_value_outside", rng.normal(size=100), [9.0])
add("exact_one_vs_one_equal", [1.0], [1.0])
add("exact_one_vs_one_different", [1.0], [2.0])
add("exact_constant_vs_constant_same", np.full(100, 5.0), np.full(80, 5.0))
add("exact_constant_vs_constant_different", np.full(100, 5.0), np.full(80, 6.0))
add("exact_constant_vs_normal", np.full(60, 0.0), rng.normal(size=90))
add("exact_interleaved_equal_n_20", np.arange(0, 40, 2), np.arange(1, 41, 2))
add("exact_interleaved_equal_n_1000", np.arange(0, 2000, 2), np.arange(1, 2001, 2))
add("exact_boundary_10000_vs_10000", rng.normal(size=10000), rng.normal(0.03, 1, size=10000))
add("exact_boundary_10000_vs_7000", rng.normal(size=10000), rng.normal(0.02, 1, size=7000))

# ---------------- asymptotic path (max(n1, n2) > 10000) ----------------
big = rng.normal(size=10001)
add("asymp_boundary_10001_vs_500", big, rng.normal(size=500))
add("asymp_en50_ruben_gambino_low", big, quantile_matched(big, 50, 0.7))
add("asymp_en50_dmtw", big, quantile_matched(big, 50, 0.5) + 0.15)
add("asymp_en50_pomeranz", big, rng.normal(0.5, 1, size=50))
add("asymp_en50_smirnov_miller", big, rng.normal(0.9, 1, size=50))
add("asymp_en50_smirnov_x_ge_half", big, rng.normal(1.8, 1, size=50))
add("asymp_en60_ruben_gambino_high", big, np.concatenate([[-9.0], rng.uniform(10, 11, size=59)]))
add("asymp_en50_separated_sf0", big, rng.uniform(10, 11, size=50))
add("asymp_en909_ruben_gambino_low_stirling", big, quantile_matched(big, 1000, 0.75))
add("asymp_en909_dmtw", big, quantile_matched(big, 1000, 0.5) + 0.02)
add("asymp_en909_pelz_good", big, rng.normal(0.02, 1, size=1000))
add("asymp_en909_smirnov", big, rng.normal(0.25, 1, size=1000))
add("asymp_en909_smirnov_x_ge_half", big, rng.normal(3.0, 1, size=1000))
add("asymp_en3333_zero", big, rng.normal(1.0, 1, size=5000))
add("asymp_en5000_pelz_good", big, rng.normal(0.01, 1, size=10001))
add("asymp_heavy_ties_10001_vs_300", rng.integers(0, 4, size=10001), rng.integers(0, 4, size=300))
add("asymp_dashboard_1000_vs_50000", rng.normal(size=1000), rng.normal(0.05, 1, size=50000))
add("asymp_dashboard_identical_dist_1000_vs_50000", rng.gamma(2.0, size=1000), rng.gamma(2.0, size=50000))

# ---------------- kstwo.sf and smirnov directly (internal helpers) ----------------
kstwo = []
SLOW_KEEP = {100000: 2.21, 100001: 17.9, 250000: 100.0, 1000000: 369.0}
ns = [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 500, 909, 1000, 5000, 20000, 100000, 100001, 250000, 1000000]
for n in ns:
    xs = set()
    for t in [0.4, 0.6, 0.9, 1.0, 1.5, 2.5]:
        xs.add(t / n)
    for nx2 in [0.1, 0.5, 0.754, 0.76, 1.0, 2.0, 2.19, 2.21, 3.9, 4.1, 10.0, 17.9, 18.1, 100.0, 369.0, 371.0]:
        xs.add(float(np.sqrt(nx2 / n)))
    for xx in [0.01, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.75, 0.9, 0.99, 1 - 1.0 / n, 1 - 0.5 / n]:
        xs.add(xx)
    if n > 140:
        xs.add((1.39 / n) ** (2.0 / 3))
        xs.add((1.41 / n) ** (2.0 / 3))
    for x in sorted(xs):
        if not (0 < x < 1):
            continue
        # smirnov(n, x) costs ~1.3 microseconds * n in scipy (and a few times that in C#): for n >= 100000
        # keep one smirnov point per n so the test suite stays fast.
        if n >= 100000 and kolmogn_regime(n, x).startswith("smirnov_nx2") and not np.isclose(n * x * x, SLOW_KEEP[n]):
            continue
        sf = float(stats.kstwo.sf(x, n))
        kstwo.append({"n": n, "x": x, "sf": sf, "regime": kolmogn_regime(n, x)})

smirnov = []
for n in [1, 2, 5, 10, 11, 50, 100, 1000, 1012, 1013, 5000, 100000, 1000000, 1000001, 2000000]:
    for x in [1e-7, 0.3 / n, 1.0 / n, 1.5 / n, 0.5 / np.sqrt(n), 1.0 / np.sqrt(n), 2.0 / np.sqrt(n),
              4.0 / np.sqrt(n), 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 1 - 1.0 / n, 1 - 0.3 / n]:
        x = float(x)
        if not (0 <= x <= 1):
            continue
        # Slow points (the full sum has ~n terms): keep one for n = 100000, none for n = 1000000
        # (n > 1000000 uses a cheap closed-form approximation).
        if 100000 <= n <= 1000000 and x < 0.1 and n * (1 - x) > 10 and not (n == 100000 and x == 0.01):
            continue
        smirnov.append({"n": n, "x": x, "sf": float(scipy.special.smirnov(n, x))})

doc = {
    "generator": "DataProductDashboard.Tests/Fixtures/generate_ks_fixtures.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "call": "scipy.stats.ks_2samp(data1, data2, alternative='two-sided', method='auto')",
    "cases": cases,
    "kstwo_sf": kstwo,
    "smirnov_sf": smirnov,
}
with open(OUT, "w") as f:
    json.dump(doc, f, separators=(",", ":"))
print(f"{len(cases)} ks_2samp cases, {len(kstwo)} kstwo.sf points, {len(smirnov)} smirnov points, "
      f"{os.path.getsize(OUT)} bytes -> {OUT}")
