#!/usr/bin/python3
"""Reference values for the A/B test engine (Analysis/Experiments/AbTests.cs): champion = control, challenger = treatment.

Run once with Debian's python3 (python3-scipy 1.10.1, python3-statsmodels 0.13.5, python3-numpy 1.24.2):
    /usr/bin/python3 DataProductDashboard.Tests/Fixtures/generate_ab_fixtures.py
It writes ab_tests.json beside this script. The tests never run Python; they read the JSON.
NaN is written as null (strict JSON has no NaN). Floats are written with Python's round-trip repr.

Definitions (the C# engine implements the same ones; every difference is challenger - champion):
  twoProportion: z, p = statsmodels proportions_ztest(count=[c2, c1], nobs=[n2, n1])   (pooled standard error)
                 CI   = statsmodels confint_proportions_2indep(c2, n2, c1, n1, method="wald", compare="diff", alpha)
                        (unpooled standard error); relativeDifference = difference / champion rate (null when 0)
  welch:         t, p = scipy.stats.ttest_ind(challenger, champion, equal_var=False)
                 df   = statsmodels CompareMeans(DescrStatsW(challenger), DescrStatsW(champion)).dof_satt()
                 CI   = the same CompareMeans .tconfint_diff(alpha, usevar="unequal")
                 (both variances zero is not in the fixture: scipy gives t = nan or +-inf and statsmodels a nan CI;
                 the engine defines t = p = df = NaN and CI = [difference, difference], tested in C# directly)
  sampleRatio:   scipy.stats.chisquare([n1, n2], f_exp=[N (1 - s), N s]), df 1
  holm:          statsmodels multipletests(p, method="holm")[1] in the input order
  sampleSize:    effect size h = |statsmodels proportion_effectsize(baseline + mde, baseline)| (rates) or
                 d = |mde| / sd (means); nobs1 = NormalIndPower().solve_power(effect_size, alpha=alpha, power=power,
                 ratio=s / (1 - s), alternative="two-sided") = champion, challenger = nobs1 * ratio.
                 solve_power stops brentq at xtol=1e-5, so its nobs1 is only within ~1e-5 of the root of the power
                 equation. "nobs1" below is the root of statsmodels' own NormalIndPower().power(...) - power solved
                 tightly (brentq xtol 1e-12); "statsmodelsNobs1" is what solve_power returns. The script asserts
                 they differ by at most 1e-5 and round up (ceil) to the same counts.
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__ == "1.24.2", np.__version__
assert statsmodels.__version__.startswith("0.13.5"), statsmodels.__version__

HERE = os.path.dirname(os.path.abspath(__file__))


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


def two_proportion(name, c1, n1, c2, n2, alpha, covers):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        z, p = proportions_ztest(count=[c2, c1], nobs=[n2, n1])
        low, high = confint_proportions_2indep(c2, n2, c1, n1, method="wald", compare="diff", alpha=alpha)
    r1, r2 = c1 / n1, c2 / n2
    return {
        "name": name, "covers": covers, "alpha": alpha,
        "champion": {"successes": c1, "trials": n1}, "challenger": {"successes": c2, "trials": n2},
        "expected": {
            "champion": r1, "challenger": r2, "difference": r2 - r1,
            "relativeDifference": None if r1 == 0 else (r2 - r1) / r1,
            "confidenceLow": num(low), "confidenceHigh": num(high),
            "statistic": num(z), "pValue": num(p),
        },
    }


def welch(name, champion, challenger, alpha, covers):
    champion = [float(v) for v in champion]
    challenger = [float(v) for v in challenger]
    t, p = stats.ttest_ind(challenger, champion, equal_var=False)
    cm = CompareMeans(DescrStatsW(np.asarray(challenger)), DescrStatsW(np.asarray(champion)))
    low, high = cm.tconfint_diff(alpha=alpha, usevar="unequal")
    m1, m2 = float(np.mean(champion)), float(np.mean(challenger))
    return {
        "name": name, "covers": covers, "alpha": alpha, "champion": champion, "challenger": challenger,
        "expected": {
            "champion": m1, "challenger": m2, "championCount": len(champion), "challengerCount": len(challenger),
            "difference": m2 - m1, "relativeDifference": None if m1 == 0 else (m2 - m1) / m1,
            "confidenceLow": num(low), "confidenceHigh": num(high),
            "statistic": num(t), "degreesOfFreedom": num(cm.dof_satt()), "pValue": num(p),
        },
    }


def sample_ratio(name, n1, n2, share, covers):
    total = n1 + n2
    chi2, p = stats.chisquare([n1, n2], f_exp=[total * (1 - share), total * share])
    return {"name": name, "covers": covers, "championCount": n1, "challengerCount": n2, "challengerShare": share,
            "expected": {"chiSquare": float(chi2), "pValue": float(p)}}


def holm(name, pvalues, covers):
    return {"name": name, "covers": covers, "pValues": pvalues,
            "expected": [float(v) for v in multipletests(pvalues, method="holm")[1]]}


def tight_nobs1(effect_size, alpha, power, ratio):
    """Root of statsmodels' own power equation (both tails), solved to full precision."""
    analysis = NormalIndPower()

    def f(n1):
        return analysis.power(effect_size=effect_size, nobs1=n1, alpha=alpha, ratio=ratio,
                              alternative="two-sided") - power

    return optimize.brentq(f, 1e-6, 1e12, xtol=1e-12, rtol=1e-15, maxiter=500)


def sample_size(name, kind, inputs, effect_size, alpha, power, share, covers):
    ratio = share / (1 - share)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm = NormalIndPower().solve_power(effect_size=effect_size, alpha=alpha, power=power, ratio=ratio,
                                          alternative="two-sided")
    sm = float(np.squeeze(sm))
    nobs1 = tight_nobs1(effect_size, alpha, power, ratio)
    statsmodels_fails = nobs1 < 2  # solve_power brackets from nobs1 = 2 upwards and returns a non-root
    if not statsmodels_fails:
        assert abs(sm - nobs1) <= 1e-5, (name, sm, nobs1)
        assert math.ceil(sm) == math.ceil(nobs1) and math.ceil(sm * ratio) == math.ceil(nobs1 * ratio), name
    return {
        "name": name, "kind": kind, "covers": covers, **inputs, "alpha": alpha, "power": power, "challengerShare": share,
        "expected": {
            "effectSize": effect_size, "ratio": ratio,
            "nobs1": nobs1, "nobs2": nobs1 * ratio,
            "statsmodelsNobs1": None if statsmodels_fails else sm,
            "championNeeded": math.ceil(nobs1), "challengerNeeded": math.ceil(nobs1 * ratio),
        },
    }


def rate_size(name, baseline, mde, alpha, power, share, covers):
    h = abs(float(proportion_effectsize(baseline + mde, baseline)))
    return sample_size(name, "Rate", {"baselineRate": baseline, "minimumDetectableEffect": mde}, h, alpha, power,
                       share, covers)


def mean_size(name, sd, mde, alpha, power, share, covers):
    return sample_size(name, "Mean", {"standardDeviation": sd, "minimumDetectableEffect": mde}, abs(mde) / sd,
                       alpha, power, share, covers)


def r4(a):
    return [round(float(v), 4) for v in a]


def main():
    rng = np.random.default_rng(20250611)

    z_cases = [
        two_proportion("balanced", 412, 1000, 455, 1000, 0.05, "50/50 split, moderate rates"),
        two_proportion("balanced_alpha01", 412, 1000, 455, 1000, 0.01, "same counts at alpha 0.01 (wider CI)"),
        two_proportion("unbalanced_90_10", 8123, 9000, 931, 1000, 0.05, "90/10 split, challenger better"),
        two_proportion("tiny_counts", 2, 7, 5, 9, 0.05, "single-digit counts"),
        two_proportion("near_zero", 3, 20000, 11, 20000, 0.01, "rates near 0"),
        two_proportion("near_one", 19991, 20000, 19968, 20000, 0.05, "rates near 1, challenger worse"),
        two_proportion("equal_rates", 300, 1000, 600, 2000, 0.05, "equal rates, unequal n: z 0, p 1"),
        two_proportion("champion_zero", 0, 50, 4, 60, 0.05, "champion rate 0: relative difference null"),
        two_proportion("both_zero", 0, 100, 0, 80, 0.05, "both rates 0: pooled SE 0, z and p NaN, CI [0, 0]"),
        two_proportion("both_one", 250, 250, 40, 40, 0.01, "both rates 1: pooled SE 0, z and p NaN"),
        two_proportion("zero_vs_one", 0, 12, 10, 10, 0.05, "0 vs 1: pooled SE > 0, unpooled SE 0 (CI [1, 1])"),
    ]

    normal1, normal2 = r4(rng.normal(10, 2, 200)), r4(rng.normal(10.4, 2, 220))
    exp1, exp2 = r4(rng.exponential(1.0, 300)), r4(rng.exponential(1.15, 280))
    var1, var2 = r4(rng.normal(5, 0.1, 50)), r4(rng.normal(5.05, 5, 60))
    small, big = r4(rng.normal(1, 1, 13)), r4(rng.normal(1.3, 1.2, 400))
    large1, large2 = r4(rng.normal(0.5, 1, 5000)), r4(rng.normal(0.52, 1, 5000))
    abs1, abs2 = r4(np.abs(rng.normal(0, 3, 500))), r4(np.abs(rng.normal(0.1, 2.7, 480)))
    welch_cases = [
        welch("normal", normal1, normal2, 0.05, "normal, n 200 vs 220"),
        welch("normal_alpha01", normal1, normal2, 0.01, "same data at alpha 0.01"),
        welch("skewed_exponential", exp1, exp2, 0.05, "exponential (skewed), n 300 vs 280"),
        welch("very_different_variances", var1, var2, 0.05, "sd 0.1 vs 5"),
        welch("unequal_n_13_vs_400", small, big, 0.05, "13 champion values vs 400 challenger values"),
        welch("unequal_n_400_vs_13", big, small, 0.01, "400 champion values vs 13 challenger values"),
        welch("large_n_5000", large1, large2, 0.05, "5000 vs 5000"),
        welch("regression_absolute_errors", abs1, abs2, 0.05, "absolute errors of a regression (half-normal)"),
        welch("two_and_three", [1.5, 2.25], [3.0, 2.0, 4.5], 0.05, "smallest allowed arms (2 and 3 values)"),
        welch("identical", normal1[:30], normal1[:30], 0.05, "identical arms: t 0, p 1"),
        welch("champion_constant", [2.0] * 20, r4(rng.normal(2.2, 0.5, 25)), 0.05, "one arm has zero variance"),
        welch("negative_values", r4(rng.normal(-3, 1, 40)), r4(rng.normal(-2.5, 1.5, 45)), 0.01,
              "negative means (relative difference sign)"),
    ]

    srm_cases = [
        sample_ratio("exact_split", 5000, 5000, 0.5, "exactly the configured 50/50 split"),
        sample_ratio("slight_imbalance", 5050, 4950, 0.5, "1% off a 50/50 split: no mismatch"),
        sample_ratio("strong_mismatch", 5200, 4800, 0.5, "4% off a 50/50 split at N 10000: p < 0.001"),
        sample_ratio("split_20_exact", 8000, 2000, 0.2, "exactly 80/20"),
        sample_ratio("split_20_off", 8100, 1900, 0.2, "80/20 configured, 81/19 observed"),
        sample_ratio("split_20_mismatch", 8400, 1600, 0.2, "80/20 configured, 84/16 observed: p < 0.001"),
        sample_ratio("tiny_counts", 9, 3, 0.1, "12 rows, 10% challenger share"),
        sample_ratio("empty_challenger", 1000, 0, 0.5, "challenger got nothing"),
    ]

    holm_cases = [
        holm("unsorted", [0.01, 0.04, 0.03, 0.005], "input order is restored"),
        holm("already_sorted", [0.001, 0.01, 0.02, 0.04], "sorted input"),
        holm("ties", [0.02, 0.02, 0.01, 0.02], "tied p-values get the same adjusted value"),
        holm("capped_at_one", [0.6, 0.9, 0.3, 0.45], "products above 1 are capped at 1"),
        holm("monotonicity_step", [0.01, 0.011, 0.5, 0.012], "running maximum lifts 0.033 and 0.024 to 0.04"),
        holm("single", [0.03], "a family of one is unadjusted"),
        holm("zero_and_one", [0.0, 1.0, 0.2], "p of exactly 0 and 1"),
        holm("many", [float(v) for v in np.round(rng.uniform(0, 0.2, 12), 6)], "12 tests"),
    ]

    # The Holm family over the two-proportion cases above, NaN p-values left out (what AbTests.HolmAdjust does).
    finite = [c for c in z_cases if c["expected"]["pValue"] is not None]
    adjusted = multipletests([c["expected"]["pValue"] for c in finite], method="holm")[1]
    holm_over_z = {c["name"]: float(a) for c, a in zip(finite, adjusted)}
    for c in z_cases:
        holm_over_z.setdefault(c["name"], None)

    size_cases = [
        rate_size("rate_10pct_plus2_even", 0.10, 0.02, 0.05, 0.8, 0.5, "10% -> 12%, 50/50"),
        rate_size("rate_10pct_plus2_share20", 0.10, 0.02, 0.05, 0.8, 0.2, "10% -> 12%, 20% challenger share"),
        rate_size("rate_85pct_minus3_strict", 0.85, -0.03, 0.01, 0.9, 0.5, "negative mde, alpha 0.01, power 0.9"),
        rate_size("rate_2pct_small_share20", 0.02, 0.005, 0.05, 0.95, 0.2, "rare event, power 0.95"),
        rate_size("rate_half_alpha10", 0.5, 0.05, 0.1, 0.8, 0.5, "alpha 0.1"),
        rate_size("rate_92pct_share10", 0.92, 0.01, 0.05, 0.8, 0.1, "accuracy 92% -> 93%, 10% share"),
        rate_size("rate_large_effect", 0.1, 0.8, 0.05, 0.8, 0.5, "10% -> 90%: a handful of rows per arm"),
        mean_size("mean_sd1_even", 1.0, 0.1, 0.05, 0.8, 0.5, "d 0.1, 50/50"),
        mean_size("mean_share20", 2.5, 0.3, 0.05, 0.8, 0.2, "d 0.12, 20% share"),
        mean_size("mean_negative_strict", 12.0, -1.5, 0.01, 0.9, 0.5, "negative mde, alpha 0.01, power 0.9"),
        mean_size("mean_power95_share20", 0.4, 0.02, 0.05, 0.95, 0.2, "d 0.05, power 0.95"),
        mean_size("mean_share70_low_power", 3.0, 0.5, 0.1, 0.7, 0.7, "challenger share 0.7 (ratio 7/3), power 0.7"),
        mean_size("mean_huge_effect", 1.0, 3.0, 0.05, 0.8, 0.5,
                  "d 3, nobs1 < 2: solve_power brackets from 2 and fails (statsmodelsNobs1 null); tight root kept"),
    ]

    doc = {
        "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__},
        "twoProportion": z_cases,
        "welch": welch_cases,
        "sampleRatio": srm_cases,
        "holm": holm_cases,
        "holmOverTwoProportion": holm_over_z,
        "sampleSize": size_cases,
    }
    with open(os.path.join(HERE, "ab_tests.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
