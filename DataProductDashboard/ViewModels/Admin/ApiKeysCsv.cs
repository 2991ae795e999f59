using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.ViewModels.Admin;

/// <summary>The Admin page's API keys table as CSV, one row per key; never the key itself, which is not stored.</summary>
public static class ApiKeysCsv
{
    public const string Header = "name,prefix,role,products,created_at,created_by,expires_at,last_used_at,state,revoked_at,revoked_by";

    private static readonly string[] Columns = Header.Split(',');

    public static string Write(IEnumerable<ApiKeyView> keys, IReadOnlyDictionary<int, string> productNames) =>
        CsvExport.Write(Columns, keys, (csv, k) => csv
            .Text(k.Name).Text(k.Prefix).Text(k.Role).Text(AdminText.Products(k.ProductIds, productNames))
            .Time(k.CreatedAt, CsvExportWriter.UtcSeconds).Text(k.CreatedBy).Time(k.ExpiresAt, CsvExportWriter.UtcSeconds)
            .Time(k.LastUsedAt, CsvExportWriter.UtcSeconds).Text(k.State).Time(k.RevokedAt, CsvExportWriter.UtcSeconds).Text(k.RevokedBy));
}
