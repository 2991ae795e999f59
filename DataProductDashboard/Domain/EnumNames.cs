namespace DataProductDashboard.Domain;

/// <summary>Enum values as people and clients write them: by name, case-insensitive, never as numbers (so "7" is not a
/// severity and "warning" is).</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var name in Enum.GetNames<T>())
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(name);
                return true;
            }
        }
        value = default;
        return false;
    }
}
