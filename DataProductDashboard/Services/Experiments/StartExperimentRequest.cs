namespace DataProductDashboard.Services.Experiments;

/// <summary>What starting an A/B test asks for; null fields take the defaults (share 0.5, α 0.05, power 0.8, a name
/// like "v2 vs v1") where there is one, and are reported as missing where there is not.</summary>
/// <param name="ChallengerVersion">The version number of the challenger (not the champion, not retired).</param>
/// <param name="ChallengerShare">Share of rows routed to the challenger, 0.05–0.95.</param>
/// <param name="PrimaryMetric">A metric key valid for the product's task, or "kpi:{id}".</param>
/// <param name="MinimumDetectableEffect">Smallest absolute difference worth detecting, in the metric's unit (&gt; 0).</param>
/// <param name="Alpha">Significance level, in (0, 0.2].</param>
/// <param name="Power">Power the sample size is planned for, 0.5–0.99.</param>
public sealed record StartExperimentRequest(
    int? ChallengerVersion,
    string? PrimaryMetric,
    double? MinimumDetectableEffect,
    double? ChallengerShare = 0.5,
    double? Alpha = 0.05,
    double? Power = 0.8,
    string? Name = null,
    string? Hypothesis = null);
