namespace DataProductDashboard.Configuration;

/// <summary>Finds the repository's root appsettings.json: the one settings file a user edits.</summary>
public static class RootSettings
{
    public const string FileName = "appsettings.json";
    private const string Marker = "DataProductDashboard.sln";

    /// <summary>The folder holding the root appsettings.json: DPD_ROOT if set, else the nearest folder above the
    /// working directory or the app's binaries that holds both the solution and appsettings.json.</summary>
    public static string FindRootDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DPD_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return Path.GetFullPath(fromEnv);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)) && File.Exists(Path.Combine(dir.FullName, FileName)))
                    return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
