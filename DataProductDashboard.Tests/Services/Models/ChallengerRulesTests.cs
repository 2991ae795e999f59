using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.Tests.Services.Models;

public sealed class ChallengerRulesTests
{
    [Theory]
    [InlineData(ModelStatus.Candidate, 0)]
    [InlineData(ModelStatus.Candidate, ChallengerRules.MaxChallengers - 1)]
    [InlineData(ModelStatus.Challenger, ChallengerRules.MaxChallengers)]
    public void MarkProblem_CandidateWithRoomOrAlreadyChallenger_IsNone(ModelStatus status, int challengers) =>
        Assert.Null(ChallengerRules.MarkProblem(3, status, challengers));

    [Theory]
    [InlineData(ModelStatus.Champion, 0, "Version 3 is the champion")]
    [InlineData(ModelStatus.Retired, 0, "Version 3 is retired")]
    [InlineData(ModelStatus.Candidate, ChallengerRules.MaxChallengers, "already has 4 challengers")]
    public void MarkProblem_ChampionRetiredOrFull_SaysWhy(ModelStatus status, int challengers, string expected) =>
        Assert.Contains(expected, ChallengerRules.MarkProblem(3, status, challengers));

    [Fact]
    public void UnmarkProblem_Champion_SaysItIsNoChallenger() =>
        Assert.Contains("is the champion, not a challenger", ChallengerRules.UnmarkProblem(1, ModelStatus.Champion));

    [Theory]
    [InlineData(ModelStatus.Challenger)]
    [InlineData(ModelStatus.Candidate)]
    [InlineData(ModelStatus.Retired)]
    public void UnmarkProblem_OtherStatus_IsNone(ModelStatus status) => Assert.Null(ChallengerRules.UnmarkProblem(2, status));
}
