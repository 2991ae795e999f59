using System.Globalization;
using System.Text;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Trail;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>A product's audit trail as CSV: when, who, what, before → after.</summary>
public static class TrailCsv
{
    public const string Header = "at,actor,action,subject,before,after";

    public static string Write(IEnumerable<TrailEntry> entries)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var e in entries)
        {
            csv.AppendJoin(',',
            [
                e.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), CsvText.Escape(e.Actor), e.Action.ToString(),
                CsvText.Escape(e.Subject), CsvText.Escape(e.Before), CsvText.Escape(e.After),
            ]).Append('\n');
        }
        return csv.ToString();
    }
}
