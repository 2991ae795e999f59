using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Exports;

namespace DataProductDashboard.ViewModels.Admin;

/// <summary>The Admin page's users table as CSV, one row per user (roles separated by spaces).</summary>
public static class UsersCsv
{
    public const string Header = "email,roles,must_change_password,locked_out,created_at,last_sign_in_at";

    private static readonly string[] Columns = Header.Split(',');

    public static string Write(IEnumerable<UserView> users) => CsvExport.Write(Columns, users, static (csv, u) => csv
        .Text(u.Email).Text(string.Join(' ', u.Roles)).Flag(u.MustChangePassword).Flag(u.LockedOut)
        .Time(u.CreatedAt, CsvExportWriter.UtcSeconds).Time(u.LastSignInAt, CsvExportWriter.UtcSeconds));
}
