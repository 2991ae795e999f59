using System.Text;
using DataProductDashboard.Analysis.Drift;

namespace DataProductDashboard.Data;

/// <summary>The stored form of a <see cref="ReferenceSample"/>: a version byte, then the row count, the numeric columns
/// (name, values as IEEE doubles), the categorical columns (name, category and count pairs) and the outputs, little
/// endian. Exact (doubles round-trip bit for bit) and about 8 bytes a value, a third of JSON's size.</summary>
public static class ReferenceSampleCodec
{
    private const byte Version = 1;

    public static byte[] Encode(ReferenceSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(sample.Rows);
            writer.Write(sample.Numbers.Count);
            foreach (var (column, values) in sample.Numbers.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                writer.Write(column);
                WriteDoubles(writer, values);
            }
            writer.Write(sample.Categories.Count);
            foreach (var (column, counts) in sample.Categories.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                writer.Write(column);
                writer.Write(counts.Count);
                foreach (var (value, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    writer.Write(value);
                    writer.Write(count);
                }
            }
            WriteDoubles(writer, sample.Predictions);
        }
        return stream.ToArray();
    }

    public static ReferenceSample Decode(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != Version)
            throw new InvalidDataException($"Reference sample format {version} is not known (expected {Version}).");
        var rows = reader.ReadInt64();
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var n = reader.ReadInt32(); n > 0; n--)
            numbers[reader.ReadString()] = ReadDoubles(reader);
        var categories = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        for (var n = reader.ReadInt32(); n > 0; n--)
        {
            var column = reader.ReadString();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var k = reader.ReadInt32(); k > 0; k--)
                counts[reader.ReadString()] = reader.ReadInt64();
            categories[column] = counts;
        }
        return new ReferenceSample(rows, numbers, categories, ReadDoubles(reader));
    }

    private static void WriteDoubles(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static double[] ReadDoubles(BinaryReader reader)
    {
        var values = new double[reader.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
            throw new EndOfStreamException("The reference sample ends inside a column.");
        return values;
    }
}
