using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Formatting;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>What the dialogs that take a file from the browser say about it (files are received through
/// <see cref="FileDialogBase"/>).</summary>
public static class BrowserFiles
{
    private static readonly HashSet<string> SettingKeys = new(StringComparer.OrdinalIgnoreCase) { "holdoutFraction", "trainer", "seed", "task", "label", "notes" };

    /// <summary>True when a validation error is about the file's content (rows, columns, header, format), not about a
    /// setting of the dialog or the product; only then is the chosen file reset.</summary>
    public static bool IsAboutTheFile(InputValidationException ex) => !ex.Errors.Keys.Any(SettingKeys.Contains);

    public static string TooLarge(string name, long size, long maxBytes) =>
        $"'{name}' is {Display.Bytes(size)}; the upload limit is {Display.Bytes(maxBytes)} (Dashboard:MaxUploadMegabytes in appsettings.json).";
}
