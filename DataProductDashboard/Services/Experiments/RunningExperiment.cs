namespace DataProductDashboard.Services.Experiments;

/// <summary>What a batch import needs of the product's running A/B test: the split and the challenger's model (the
/// champion arm is scored by the batch's champion, which the experiment was started with).</summary>
public sealed record RunningExperiment(int Id, double ChallengerShare, int ChallengerVersionId, int ChallengerNumber, string ChallengerFileHash);
