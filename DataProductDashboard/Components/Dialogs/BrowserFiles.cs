using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;
using Microsoft.AspNetCore.Components.Forms;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Reads a file chosen in the browser, within the configured upload limit.</summary>
public static class BrowserFiles
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(IBrowserFile file, long maxBytes, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream(maxBytes, ct);
        using var buffer = new MemoryStream((int)Math.Min(file.Size, int.MaxValue));
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static readonly HashSet<string> SettingKeys = new(StringComparer.OrdinalIgnoreCase) { "holdoutFraction", "trainer", "seed", "task", "label", "notes" };

    /// <summary>True when a validation error is about the file's content (rows, columns, header, format), not about a
    /// setting of the dialog or the product; only then is the chosen file reset.</summary>
    public static bool IsAboutTheFile(InputValidationException ex) => !ex.Errors.Keys.Any(SettingKeys.Contains);

    public static string TooLarge(string name, long size, long maxBytes) =>
        $"'{name}' is {Display.Bytes(size)}; the upload limit is {Display.Bytes(maxBytes)} (Dashboard:MaxUploadMegabytes in appsettings.json).";
}
