using DataProductDashboard.Services.Exports;
using DataProductDashboard.Services.Trail;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>A product's audit trail as CSV: when, who, what, before → after.</summary>
public static class TrailCsv
{
    public const string Header = "at,actor,action,subject,before,after";

    private static readonly string[] Columns = Header.Split(',');

    public static string Write(IEnumerable<TrailEntry> entries) => CsvExport.Write(Columns, entries, static (csv, e) => csv
        .Time(e.At, CsvExportWriter.UtcSeconds).Text(e.Actor).Name(e.Action).Text(e.Subject).Text(e.Before).Text(e.After));
}
