namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The repository root (the folder with DataProductDashboard.sln) and the team's shared datasets beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedDatasets => Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));

    public static string BikeHourCsv => Shared("bike-sharing", "hour.csv");

    public static string GermanCreditCsv => Shared("german-credit", "german-credit.csv");

    /// <summary>A shared dataset file; says where it was looked for when the clone is not beside the team's shared/.</summary>
    private static string Shared(string folder, string file)
    {
        var path = Path.Combine(SharedDatasets, folder, file);
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"The shared dataset {folder}/{file} is not at {path}: the tests read the team's datasets from " +
                "shared/datasets beside the repository (clone it next to shared/, as CI does).", path);
    }

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
