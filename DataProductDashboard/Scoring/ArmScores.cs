namespace DataProductDashboard.Scoring;

/// <summary>A batch scored by two models, each on the rows of its A/B arm: the merged result in row order (what the
/// batch stores) and each arm's own result over its rows (<see cref="ChampionRows"/> / <see cref="ChallengerRows"/>
/// are the row indices of the batch, in order).</summary>
public sealed record ArmScores(ScoreResult Merged, ScoreResult Champion, ScoreResult Challenger, int[] ChampionRows, int[] ChallengerRows);
