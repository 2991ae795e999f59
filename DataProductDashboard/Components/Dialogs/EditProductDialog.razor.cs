using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Renames a product and sets its description, owner, display time zone, retention (through
/// <see cref="ProductService"/>) and expected batch cadence (through the gate service, which owns the missing-batch
/// alert); a refused value stays in the dialog with its reason. Closes with the updated <see cref="ProductDetail"/>.</summary>
public sealed partial class EditProductDialog : FormDialogBase
{
    private string? _name;
    private string? _owner;
    private string? _description;
    private string? _timeZone;
    private double? _cadenceHours;
    private int? _retentionDays;
    private static readonly Lazy<string[]> Zones = new(() => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order().ToArray());

    [Parameter, EditorRequired] public required ProductDetail Product { get; set; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required Services.Gates.GateService Gates { get; init; }

    protected override void OnInitialized()
    {
        _name = Product.Name;
        _owner = Product.Owner;
        _description = Product.Description;
        _timeZone = Product.TimeZone;
        _cadenceHours = Product.ExpectedCadenceHours;
        _retentionDays = Product.RetentionDays;
    }

    private Task<IEnumerable<string>> SearchZones(string? text, CancellationToken ct) =>
        Task.FromResult(Zones.Value.Where(z => string.IsNullOrWhiteSpace(text) || z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private Task SaveAsync() =>
        SubmitAsync(DashboardRoles.Managers, async () =>
        {
            var saved = await Products.UpdateDetailsAsync(Product.Id, new ProductDetailsInput(_name, _description, _owner, _timeZone, _retentionDays),
                Actors.Ui, CancellationToken.None);
            if (_cadenceHours == Product.ExpectedCadenceHours)
                return saved;
            await Gates.SetExpectedCadenceAsync(Product.Id, _cadenceHours, Actors.Ui, CancellationToken.None);
            return await Products.GetAsync(Product.Id, CancellationToken.None);
        });
}
