using System.Collections.Concurrent;

namespace DataProductDashboard.Domain;

/// <summary>A product's display time zone by IANA name (storage and the API stay UTC).</summary>
public static class ProductTimeZone
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Known = new(StringComparer.Ordinal);

    /// <summary>The zone named <paramref name="id"/>, or null when the server does not know it.</summary>
    public static TimeZoneInfo? Find(string id) => Known.GetOrAdd(id, static name =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    });

    /// <summary>The zone of a product (UTC when it has none, or one the server no longer knows).</summary>
    public static TimeZoneInfo Of(string? id) => id is null ? TimeZoneInfo.Utc : Find(id) ?? TimeZoneInfo.Utc;
}
