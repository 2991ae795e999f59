namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The repository root (the folder with DataProductDashboard.sln) and the team's shared datasets beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedDatasets => Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    public static string BikeHourCsv => Path.Combine(SharedDatasets, "bike-sharing", "hour.csv");

    public static string GermanCreditCsv => Path.Combine(SharedDatasets, "german-credit", "german-credit.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataProductDashboard.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("DataProductDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
