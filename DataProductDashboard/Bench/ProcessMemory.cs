using System.Globalization;

namespace DataProductDashboard.Bench;

/// <summary>The process's memory as Linux reports it in /proc/self/status, in MB (2^20 bytes): the resident set
/// (VmRSS), its anonymous and file-backed parts (RssAnon, RssFile) and the kernel's peak of the resident set (VmHWM).
/// Zero where the file or a line is missing (not Linux).</summary>
public sealed record ProcessMemory(double RssMb, double AnonMb, double FileMb, double PeakRssMb)
{
    private const string StatusPath = "/proc/self/status";

    public static ProcessMemory Read()
    {
        double rss = 0, anon = 0, file = 0, hwm = 0;
        if (!File.Exists(StatusPath))
            return new ProcessMemory(0, 0, 0, 0);
        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Megabytes(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                anon = Megabytes(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                file = Megabytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                hwm = Megabytes(line);
        }
        return new ProcessMemory(rss, anon, file, hwm);
    }

    /// <summary>Resets the kernel's peak (VmHWM) to the current resident set through /proc/self/clear_refs; false when
    /// the process may not (then the peak is that of the whole process).</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double Megabytes(string line) =>
        double.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
}
