using System.Globalization;

namespace DataProductDashboard.Services.Batches;

/// <summary>Row keys the app gives the rows of a product without a row-key column: "batch:row" — the batch's id and
/// the 1-based data row of its file — so every prediction of the product has its own key and labels can be joined.</summary>
public static class GeneratedKeys
{
    /// <summary>The name a label file gives the key column of a product without a row-key column.</summary>
    public const string ColumnName = "row";

    /// <param name="advance">Called for each row first (the spool reads its rows in order: their labels stay
    /// readable), its key ignored.</param>
    public static Func<int, string> For(int batchId, Func<int, string> advance)
    {
        var prefix = batchId.ToString(CultureInfo.InvariantCulture) + ":";
        return row =>
        {
            advance(row);
            return prefix + (row + 1).ToString(CultureInfo.InvariantCulture);
        };
    }

    /// <summary>The key of data row <paramref name="row"/> (1-based) of batch <paramref name="batchId"/>.</summary>
    public static string Of(int batchId, int row) => string.Create(CultureInfo.InvariantCulture, $"{batchId}:{row}");
}
