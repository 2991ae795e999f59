namespace DataProductDashboard.ViewModels.Charts;

/// <summary>Where to stop a y axis so that a few far outliers (one slow batch's latency) do not flatten every other
/// point, and how many points that hides. <see cref="Of"/> clips only when the hidden points are few (at most
/// <see cref="MaxHiddenShare"/> of the points, at least one allowed), beyond Tukey's far-out fence (Q3 + 3·IQR) and
/// far (the largest value at least <see cref="MinStretch"/> × the axis top): where many points are high, they are
/// the story and stay shown.</summary>
/// <param name="Top">The axis top: a round number just above the largest value kept.</param>
/// <param name="Hidden">Points above <see cref="Top"/>, not drawn.</param>
/// <param name="Max">The largest value.</param>
public sealed record OutlierClip(double Top, int Hidden, double Max)
{
    /// <summary>Fewer points than this give no quartiles worth trusting: nothing is clipped.</summary>
    public const int MinPoints = 8;

    /// <summary>At most this share of the points may be hidden.</summary>
    public const double MaxHiddenShare = 0.05;

    /// <summary>The largest value must be at least this many times the clipped axis top.</summary>
    public const double MinStretch = 3;

    /// <summary>The clip for <paramref name="values"/> (non-finite values ignored), or null when the values should be
    /// shown whole. <paramref name="keepVisible"/> (a threshold line) stays below the top.</summary>
    public static OutlierClip? Of(IEnumerable<double> values, double? keepVisible = null)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length < MinPoints)
            return null;
        var q1 = Quantile(sorted, 0.25);
        var q3 = Quantile(sorted, 0.75);
        var fence = q3 + (3 * (q3 - q1));
        var max = sorted[^1];
        // The fewest points to hide that leave a clear gap: every hidden value beyond the fence and above the top (a
        // round number just above the largest value kept), the largest value far above that top, and the largest
        // value kept not itself far above the bulk (two spikes: hide both, not one).
        var bulkTop = Nice(sorted.Where(v => v <= fence).Max() * 1.1);
        var allowed = Math.Max(1, (int)Math.Floor(MaxHiddenShare * sorted.Length));
        for (var hidden = 1; hidden <= allowed; hidden++)
        {
            var kept = sorted[^(hidden + 1)];
            var top = Nice(kept * 1.1);
            if (keepVisible is { } line && double.IsFinite(line) && line * 1.05 > top)
                top = Nice(line * 1.1);
            var lowestHidden = sorted[^hidden];
            if (top > 0 && lowestHidden > fence && lowestHidden > top && max >= MinStretch * top && kept < MinStretch * bulkTop)
                return new OutlierClip(top, hidden, max);
        }
        return null;
    }

    /// <summary>"1 point above 5,000 µs not shown", with <paramref name="format"/> writing the top with its unit.</summary>
    public string Note(Func<double, string> format) =>
        $"{Formatting.Display.Count(Hidden)} {(Hidden == 1 ? "point" : "points")} above {format(Top)} not shown";

    /// <summary>The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above a positive value.</summary>
    public static double Nice(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            return value;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        // One decimal beyond the power of ten, so 1.2 × 10 is 12 and not 12.000000000000002.
        var decimals = 1 - (int)Math.Floor(Math.Log10(power));
        foreach (var step in (ReadOnlySpan<double>)[1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
        {
            var candidate = decimals <= 15 ? Math.Round(step * power, Math.Max(0, decimals)) : step * power;
            if (candidate >= value)
                return candidate;
        }
        return 10 * power;
    }

    /// <summary>numpy's default (linear) quantile of sorted values.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

}
