using System.Buffers;
using System.IO.MemoryMappedFiles;

using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>A file on disk read as <see cref="ReadOnlyMemory{T}"/> through a read-only memory map, so a stored upload
/// is parsed with exactly the checks of an in-memory one without being copied onto the heap.</summary>
public static class MappedFile
{
    public static T Read<T>(string path, Func<ReadOnlyMemory<byte>, T> read)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
            return read(ReadOnlyMemory<byte>.Empty);
        if (length > int.MaxValue)
            throw new InputValidationException("file", $"The file is {length:N0} bytes; at most {int.MaxValue:N0} bytes can be read.");
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        using var manager = new ViewManager(view, (int)length);
        return read(manager.Memory);
    }

    private sealed unsafe class ViewManager : MemoryManager<byte>
    {
        private readonly MemoryMappedViewAccessor _view;
        private readonly int _length;
        private byte* _pointer;

        public ViewManager(MemoryMappedViewAccessor view, int length)
        {
            _view = view;
            _length = length;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref _pointer);
            _pointer += view.PointerOffset;
        }

        public override Span<byte> GetSpan() => new(_pointer, _length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (_pointer is not null)
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
                _pointer = null;
            }
        }
    }
}
