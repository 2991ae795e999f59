using System.Globalization;
using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.ViewModels.Audit;

/// <summary>How per-column quality numbers read in the table and its CSV export.</summary>
public static class QualityDisplay
{
    /// <summary>The distinct count as the table shows it: "≥ 1,000" when it is a lower bound
    /// (<see cref="ColumnQuality.DistinctCapped"/>), else the count ("1,234").</summary>
    public static string Distinct(ColumnQuality column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.DistinctCapped ? $"≥ {Display.Count(column.Distinct)}" : Display.Count(column.Distinct);
    }

    /// <summary>The distinct count as the CSV export writes it: "≥ 1000" when it is a lower bound, else the count.</summary>
    public static string DistinctCell(ColumnQuality column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var count = column.Distinct.ToString(CultureInfo.InvariantCulture);
        return column.DistinctCapped ? $"≥ {count}" : count;
    }
}
