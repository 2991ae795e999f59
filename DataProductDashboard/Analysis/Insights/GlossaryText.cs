namespace DataProductDashboard.Analysis.Insights;

/// <summary>Splits a sentence into plain text and glossary terms (longest term first, case-insensitive, whole words),
/// so that the page can explain each term on hover.</summary>
public static class GlossaryText
{
    private static readonly string[] ByLength = Glossary.Terms.Keys.OrderByDescending(t => t.Length).ToArray();

    public static IReadOnlyList<GlossarySegment> Segment(string sentence)
    {
        var segments = new List<GlossarySegment>();
        var plainFrom = 0;
        var i = 0;
        while (i < sentence.Length)
        {
            var term = ByLength.FirstOrDefault(t => Matches(sentence, i, t));
            if (term is null)
            {
                i++;
                continue;
            }
            if (i > plainFrom)
                segments.Add(new(sentence[plainFrom..i], null));
            segments.Add(new(sentence.Substring(i, term.Length), Glossary.Terms[term]));
            i += term.Length;
            plainFrom = i;
        }
        if (plainFrom < sentence.Length)
            segments.Add(new(sentence[plainFrom..], null));
        return segments;
    }

    private static bool Matches(string sentence, int at, string term)
    {
        if (at + term.Length > sentence.Length || string.Compare(sentence, at, term, 0, term.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        var startsWord = at == 0 || !char.IsLetterOrDigit(sentence[at - 1]);
        var end = at + term.Length;
        var endsWord = end == sentence.Length || !char.IsLetterOrDigit(term[^1]) || !char.IsLetterOrDigit(sentence[end]);
        return startsWord && endsWord;
    }
}
