using DataProductDashboard.Analysis.Performance;

namespace DataProductDashboard.Tests.Analysis;

public sealed class ConceptDriftTests
{
    // Reference values: scipy 1.10.1 — z = norm.ppf(0.975); Wilson: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n);
    // t interval: mean ± t.ppf(0.975, n-1) · sd(ddof=1) / sqrt(n).
    [Fact]
    public void Accuracy_WilsonInterval_MatchesScipyFormula()
    {
        var result = ConceptDrift.Accuracy(70, 100, holdout: 0.85);

        Assert.Equal(0.7, result.Value, 12);
        Assert.Equal(0.6041514537, result.Low, 9);
        Assert.Equal(0.7810511471, result.High, 9);
        Assert.Equal(ConceptDriftVerdict.Degraded, result.Verdict);
    }

    [Fact]
    public void MeanAbsoluteError_TInterval_MatchesScipyFormula()
    {
        double[] errors = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30];

        var result = ConceptDrift.MeanAbsoluteError(errors, holdout: 14);

        Assert.Equal(15.5, result.Value, 12);
        Assert.Equal(12.2127533, result.Low, 6);
        Assert.Equal(18.7872467, result.High, 6);
        Assert.Equal(ConceptDriftVerdict.Stable, result.Verdict);
    }

    [Fact]
    public void Verdict_FewRowsOrNoHoldout_IsInsufficientData()
    {
        Assert.Equal(ConceptDriftVerdict.InsufficientData, ConceptDrift.Accuracy(10, 20, 0.9).Verdict);
        Assert.Equal(ConceptDriftVerdict.InsufficientData, ConceptDrift.Accuracy(90, 100, null).Verdict);
    }

    [Fact]
    public void Verdict_BetterThanHoldout_IsImproved() =>
        Assert.Equal(ConceptDriftVerdict.Improved, ConceptDrift.Accuracy(98, 100, 0.8).Verdict);
}
