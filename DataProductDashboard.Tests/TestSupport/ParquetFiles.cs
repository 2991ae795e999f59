using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace DataProductDashboard.Tests.TestSupport;

/// <summary>Parquet files written in the test with Parquet.Net: any schema row group by row group, the regression
/// schema's rows, a file with a nested column, a damaged file.</summary>
public static class ParquetFiles
{
    /// <summary>A file of <paramref name="schema"/> with one row group per entry of <paramref name="groups"/>, each of
    /// which writes every column in schema order.</summary>
    public static async Task<byte[]> WriteAsync(ParquetSchema schema, params Func<ParquetRowGroupWriter, Task>[] groups)
    {
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            foreach (var group in groups)
            {
                using var rows = writer.CreateRowGroup();
                await group(rows);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The rows of a <see cref="TestSchemas.RegressionCsv"/> batch (no label) as Parquet, <paramref name="rowsPerGroup"/>
    /// rows per row group: id and season as text, day as a UTC timestamp, temp and hum as doubles (hum nullable).</summary>
    public static Task<byte[]> RegressionBatchAsync(string csv, int rowsPerGroup)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToArray();
        var id = new DataField<string>("id");
        var day = new DateTimeDataField("day", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);
        var temp = new DataField<double>("temp");
        var hum = new DataField<double?>("hum");
        var season = new DataField<string>("season");
        var groups = rows.Chunk(rowsPerGroup).Select<string[][], Func<ParquetRowGroupWriter, Task>>(chunk => async writer =>
        {
            await writer.WriteAsync(id, chunk.Select(r => r[0]).ToArray());
            await writer.WriteAsync<DateTime>(day, chunk.Select(r => DateTime.SpecifyKind(DateTime.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc)).ToArray());
            await writer.WriteAsync<double>(temp, chunk.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray());
            await writer.WriteAsync<double>(hum, chunk.Select(r => (double?)double.Parse(r[3], CultureInfo.InvariantCulture)).ToArray());
            await writer.WriteAsync(season, chunk.Select(r => r[4]).ToArray());
        }).ToArray();
        return WriteAsync(new ParquetSchema(id, day, temp, hum, season), groups);
    }

    /// <summary>A file (schema only, no rows) with a flat column 'id' and the nested column <paramref name="nested"/>.</summary>
    public static Task<byte[]> WithNestedColumnAsync(Field nested) =>
        WriteAsync(new ParquetSchema(new DataField<string>("id"), nested));

    /// <summary><paramref name="file"/> with everything between its leading and trailing "PAR1" scrambled.</summary>
    public static byte[] Damaged(byte[] file)
    {
        var copy = (byte[])file.Clone();
        for (var i = 4; i < copy.Length - 8; i++)
            copy[i] ^= 0x5A;
        return copy;
    }

    /// <summary>Blocks on <paramref name="file"/>: for data built where no await is possible (the bad-input corpus).</summary>
    public static byte[] Now(Task<byte[]> file) => file.GetAwaiter().GetResult();
}
