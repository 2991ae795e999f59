using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>The registry of drift methods and the default choice per column (DESIGN §5): reference with ≤ 1000
/// non-null finite values → KS for numeric columns with more than 5 distinct values, chi² for more than 2, Z
/// otherwise; larger references → normed Wasserstein for numeric columns with more than 5 distinct values,
/// Jensen–Shannon otherwise. Distinct values are counted over reference ∪ current.</summary>
public static class DriftMethods
{
    private static readonly ColumnKind[] NumericOnly = [ColumnKind.Numeric];
    private static readonly ColumnKind[] Both = [ColumnKind.Numeric, ColumnKind.Categorical];

    public static readonly DriftMethod KolmogorovSmirnov = new("ks", "Kolmogorov–Smirnov test", NumericOnly, 0.05, ScoreKind.PValue, DriftAtThreshold: true);
    public static readonly DriftMethod ChiSquare = new("chisquare", "Chi-square test", Both, 0.05, ScoreKind.PValue, DriftAtThreshold: false);
    public static readonly DriftMethod ZTest = new("z", "Two-proportion Z test", Both, 0.05, ScoreKind.PValue, DriftAtThreshold: false);
    public static readonly DriftMethod Wasserstein = new("wasserstein", "Wasserstein distance (normed)", NumericOnly, 0.1, ScoreKind.Distance, DriftAtThreshold: true);
    public static readonly DriftMethod JensenShannon = new("jensenshannon", "Jensen–Shannon distance", Both, 0.1, ScoreKind.Distance, DriftAtThreshold: true);
    public static readonly DriftMethod Psi = new("psi", "Population stability index", Both, 0.1, ScoreKind.Distance, DriftAtThreshold: true);
    public static readonly DriftMethod Hellinger = new("hellinger", "Hellinger distance", Both, 0.1, ScoreKind.Distance, DriftAtThreshold: true);

    public const int SmallReference = 1000;

    public static IReadOnlyList<DriftMethod> All { get; } = [KolmogorovSmirnov, ChiSquare, ZTest, Wasserstein, JensenShannon, Psi, Hellinger];

    public static DriftMethod? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default method for a column.</summary>
    public static DriftMethod DefaultFor(ColumnPair pair)
    {
        var distinct = pair.DistinctCount;
        if (pair.ReferenceCount <= SmallReference)
            return pair.IsNumeric && distinct > 5 ? KolmogorovSmirnov : distinct > 2 ? ChiSquare : ZTest;
        return pair.IsNumeric && distinct > 5 ? Wasserstein : JensenShannon;
    }

    /// <summary>The score of a method on a column.</summary>
    public static double Score(DriftMethod method, ColumnPair pair)
    {
        if (!method.ColumnKinds.Contains(pair.Kind))
            throw new ArgumentException($"{method.DisplayName} does not apply to {pair.Kind} column '{pair.Column}'.");
        return method.Name switch
        {
            "ks" => Statistics.KolmogorovSmirnov.TwoSample(pair.ReferenceNumbers!.Values, pair.CurrentNumbers!.Values).PValue,
            "chisquare" => DistributionDistances.ChiSquarePValue(pair.ReferenceAsCategories, pair.CurrentAsCategories),
            "z" => DistributionDistances.TwoProportionZPValue(pair.ReferenceAsCategories, pair.CurrentAsCategories),
            "wasserstein" => DistributionDistances.NormedWasserstein(pair.ReferenceNumbers!, pair.CurrentNumbers!),
            "jensenshannon" => pair.Shares() is var s ? DistributionDistances.JensenShannon(s.Reference, s.Current) : 0,
            "psi" => pair.Shares() is var p ? DistributionDistances.PopulationStabilityIndex(p.Reference, p.Current) : 0,
            "hellinger" => pair.Shares() is var h ? DistributionDistances.Hellinger(h.Reference, h.Current) : 0,
            _ => throw new ArgumentException($"Unknown drift method '{method.Name}'."),
        };
    }
}
