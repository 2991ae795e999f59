namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The trait of the test classes that also run on PostgreSQL: ./test.sh runs them a second time with
/// <c>DPD_TEST_PROVIDER=PostgreSql</c> (filter <c>Provider=Both</c>). They cover every path whose SQL differs by provider
/// (COPY inserts, label joins, group cells, raw performance reads, bulk inserts, the write lock, constraint errors,
/// Identity); running every service and API test twice would not fit the 15-minute test command.</summary>
public static class Providers
{
    public const string Trait = "Provider";
    public const string Both = "Both";
}
