using DataProductDashboard.Analysis.Insights;

namespace DataProductDashboard.Tests.Analysis.Insights;

public sealed class GlossaryTextTests
{
    [Fact]
    public void Segment_SentenceWithTerms_SplitsOutEachTermWithItsExplanation()
    {
        var segments = GlossaryText.Segment("MAE rose: concept drift, not data drift.");

        Assert.Equal(["MAE", " rose: ", "concept drift", ", not ", "data drift", "."], segments.Select(s => s.Text));
        Assert.Equal(Glossary.Terms["MAE"], segments[0].Explanation);
        Assert.Null(segments[1].Explanation);
        Assert.Equal(Glossary.Terms["concept drift"], segments[2].Explanation);
    }

    [Fact]
    public void Segment_TermInsideAWord_IsNotMatched()
    {
        var segments = GlossaryText.Segment("Accuracy is accurate; MAEs are not terms.");

        Assert.Equal(["Accuracy", " is accurate; MAEs are not terms."], segments.Select(s => s.Text));
        Assert.NotNull(segments[0].Explanation);
    }

    [Fact]
    public void Segment_PValue_KeepsTheSpaceBeforeTheNumberOutsideTheTerm() =>
        Assert.Equal(["not ", "significant", " yet (", "p =", " 0.576)"], GlossaryText.Segment("not significant yet (p = 0.576)").Select(s => s.Text));

    [Fact]
    public void Segment_NoTerms_ReturnsTheSentenceWhole() =>
        Assert.Equal(["Nothing to explain here."], GlossaryText.Segment("Nothing to explain here.").Select(s => s.Text));

    [Fact]
    public void Segment_JoinedTexts_RebuildTheSentence()
    {
        const string sentence = "A/B test 'x' has a sample-ratio mismatch (p < 0.001); significant after Holm correction.";

        Assert.Equal(sentence, string.Concat(GlossaryText.Segment(sentence).Select(s => s.Text)));
        Assert.Equal(5, GlossaryText.Segment(sentence).Count(s => s.Explanation is not null));
    }
}
