namespace DataProductDashboard.Tests.TestSupport;

/// <summary>The repository root (the folder with DataProductDashboard.sln) and the team's shared datasets beside it. A
/// local clone of such a checkout (<c>git clone . /tmp/fresh</c>) finds them beside the checkout it was cloned from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedDatasets { get; } = FindSharedDatasets();

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

    private static string FindSharedDatasets()
    {
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));
        if (Directory.Exists(beside) || LocalOrigin() is not { } origin)
            return beside;
        var besideOrigin = Path.GetFullPath(Path.Combine(origin, "..", "shared", "datasets"));
        return Directory.Exists(besideOrigin) ? besideOrigin : beside;
    }

    /// <summary>The folder this checkout was cloned from, when its origin is a local path.</summary>
    private static string? LocalOrigin()
    {
        var config = Path.Combine(Root, ".git", "config");
        if (!File.Exists(config))
            return null;
        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
                inOrigin = line == "[remote \"origin\"]";
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.Split('=', 2) is [_, var url])
            {
                var path = url.Trim().Replace("file://", "", StringComparison.Ordinal);
                return Path.IsPathRooted(path) && Directory.Exists(path) ? path : null;
            }
        }
        return null;
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
