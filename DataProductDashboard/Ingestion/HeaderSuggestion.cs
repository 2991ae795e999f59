namespace DataProductDashboard.Ingestion;

/// <summary>Which schema column an unknown header most likely means: the same name but for case or separators
/// (wind_speed / windSpeed), one name containing the other (humidity / hum) or a small typo (tmp / temp, by the
/// optimal-string-alignment Damerau–Levenshtein distance).</summary>
public static class HeaderSuggestion
{
    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="name"/>, or null when none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var target = Normalize(name);
        if (target.Length == 0)
            return null;
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var score = Score(target, Normalize(candidate));
            if (score < bestScore)
                (best, bestScore) = (candidate, score);
        }
        return bestScore == int.MaxValue ? null : best;
    }

    /// <summary>0 same after normalizing, 1..3 edits, 4 containment, MaxValue not close.</summary>
    private static int Score(string a, string b)
    {
        if (b.Length == 0)
            return int.MaxValue;
        if (a == b)
            return 0;
        var shorter = Math.Min(a.Length, b.Length);
        var allowed = Math.Clamp(shorter / 3, 1, 3);
        if (Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) is var d && d <= allowed)
            return d;
        if (shorter >= 3 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)))
            return 4;
        return int.MaxValue;
    }

    private static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
