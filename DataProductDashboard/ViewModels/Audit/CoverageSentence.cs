using DataProductDashboard.Analysis.Coverage;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>One line on a batch's population coverage that names the columns taking rows outside it.</summary>
public static class CoverageSentence
{
    public const int MaxColumns = 3;

    /// <summary>"Batch #80: 0 % of rows covered; outside the training population in yr (100 % of values), mnth (100 %)."</summary>
    /// <param name="batchNumber">The batch's number within its product.</param>
    public static string Of(int batchNumber, CoverageResult coverage)
    {
        var rows = coverage.Rows == 0 ? "no rows" : $"{DriftDisplay.Percent((double)coverage.CoveredRows / coverage.Rows)} of rows covered";
        var outside = coverage.Columns.Where(c => c.Values > 0 && c.Covered < c.Values).OrderBy(c => c.Share).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        if (outside.Count == 0)
            return $"Batch #{batchNumber}: {rows}.";
        var named = outside.Take(MaxColumns).Select((c, i) => $"{c.Column} ({DriftDisplay.Percent(1 - c.Share)}{(i == 0 ? " of values" : "")})");
        return $"Batch #{batchNumber}: {rows}; outside the training population in {string.Join(", ", named)}"
            + (outside.Count > MaxColumns ? $" and {outside.Count - MaxColumns} more column{(outside.Count - MaxColumns == 1 ? "" : "s")}." : ".");
    }
}
