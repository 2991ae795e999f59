namespace DataProductDashboard.Commands;

/// <summary>The usage text of the access verbs (printed by --help and after a usage error).</summary>
public static class AccessUsage
{
    public const string Text = """
        usage: DataProductDashboard users add --email E --role R [--role R2 ...] [--password P]
               DataProductDashboard users list
               DataProductDashboard users roles --email E --role R [--role R2 ...]
               DataProductDashboard users reset-password --email E
               DataProductDashboard users remove --email E
               DataProductDashboard apikeys create --name N --role R [--products 1,2] [--expires YYYY-MM-DD]
               DataProductDashboard apikeys list
               DataProductDashboard apikeys revoke --name N
          (from the repository: dotnet run --project DataProductDashboard -- users list)

        users add        without --password a one-time password is generated, printed alone on the last line, and
                         must be replaced at the first sign-in; with --password the user signs in with it directly
                         (at least 12 characters, an upper-case and a lower-case letter and a digit)
        users roles      replaces the user's roles; the last Admin keeps the Admin role
        users reset-password  prints a new one-time password alone on the last line and ends a lockout
        apikeys create   prints the key alone on the last line (KEY=$(... apikeys create ... | tail -1));
                         it is stored only as a hash and never shown again; --expires is the last valid day (UTC)
        apikeys list     name, prefix, role, products, expiry, last use and state; never the key

        user roles:  Admin, ProductManager, DataScientist, Viewer
        key roles:   the same, and Ingest (uploads batches, labels and KPI values for its products)
        settings:    as the app reads them: the root appsettings.json, environment variables
                     (Dashboard__DataDirectory=/srv/dpd) or arguments (Dashboard:DataDirectory=/srv/dpd)
        exit codes:  0 done, 1 refused (e.g. a duplicate name, the last Admin), 2 usage error
        """;
}
