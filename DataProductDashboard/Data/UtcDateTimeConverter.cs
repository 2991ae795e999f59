using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DataProductDashboard.Data;

/// <summary>Stores DateTime as UTC in whole microseconds and reads it back with <see cref="DateTimeKind.Utc"/>: SQLite
/// keeps no kind, and PostgreSQL keeps microseconds, so both providers store and return the same value.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => ToStored(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    private static DateTime ToStored(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
