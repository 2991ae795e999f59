namespace DataProductDashboard.Analysis.Statistics;

/// <summary>How the p-value of a two-sample Kolmogorov–Smirnov test was computed (scipy's <c>method</c> after 'auto' resolution and fallback).</summary>
public enum KsMethod
{
    /// <summary>Exact lattice-path probability (both samples have at most 10,000 values).</summary>
    Exact,

    /// <summary>The one-sample two-sided Kolmogorov distribution <c>kstwo.sf(d, round(n1*n2/(n1+n2)))</c>.</summary>
    Asymptotic,
}
