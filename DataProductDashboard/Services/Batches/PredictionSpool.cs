using System.Text;

namespace DataProductDashboard.Services.Batches;

/// <summary>The row key and label of each scored row, spooled to a temporary file while a batch is read in chunks, so
/// the store phase writes the predictions without the batch's keys ever being held in memory together. Read back once,
/// in row order; the file is deleted when the spool is disposed.</summary>
public sealed class PredictionSpool : IDisposable
{
    private readonly string _path;
    private readonly BinaryWriter _writer;
    private BinaryReader? _reader;
    private int _next;
    private double _label;

    public PredictionSpool(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, $"spool-{Guid.NewGuid():N}.bin");
        _writer = new BinaryWriter(new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.SequentialScan), Encoding.UTF8);
    }

    public int Count { get; private set; }

    public void Append(string rowKey, double label)
    {
        _writer.Write(rowKey);
        _writer.Write(label);
        Count++;
    }

    /// <summary>The key of row <paramref name="row"/>; rows are read in order, each once (its label stays readable
    /// through <see cref="Label"/> until the next row is read).</summary>
    public string Key(int row)
    {
        if (_reader is null)
        {
            _writer.Flush();
            _writer.BaseStream.Position = 0;
            _reader = new BinaryReader(_writer.BaseStream, Encoding.UTF8, leaveOpen: true);
        }
        if (row != _next)
            throw new InvalidOperationException($"The spool is read in row order: row {_next} was expected, not {row}.");
        _next++;
        var key = _reader.ReadString();
        _label = _reader.ReadDouble();
        return key;
    }

    /// <summary>The label of the row last read by <see cref="Key"/> (NaN when it has none).</summary>
    public double Label(int row) =>
        row == _next - 1 ? _label : throw new InvalidOperationException($"Row {row}'s label is read right after its key.");

    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
        if (File.Exists(_path))
            File.Delete(_path);
    }
}
