using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Renames a product and sets its description and owner through <see cref="ProductService"/>; a refused
/// name (taken, empty, too long) stays in the dialog. Closes with the updated <see cref="ProductDetail"/>.</summary>
public sealed partial class EditProductDialog
{
    private string? _name;
    private string? _owner;
    private string? _description;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required ProductDetail Product { get; set; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }

    protected override void OnInitialized()
    {
        _name = Product.Name;
        _owner = Product.Owner;
        _description = Product.Description;
    }

    private async Task SaveAsync()
    {
        if (_busy || !await Guard.DemandAsync(DashboardRoles.Managers))
            return;
        _busy = true;
        _error = null;
        _errors = null;
        try
        {
            var saved = await Products.UpdateDetailsAsync(Product.Id, new ProductDetailsInput(_name, _description, _owner), Actors.Ui, CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(saved));
        }
        catch (InputValidationException ex)
        {
            _error = ex.Message;
            _errors = ex.Errors;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();
}
