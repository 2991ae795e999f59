using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Deletes a product with all its data once its name is typed exactly (Admins); closes with the
/// <see cref="ProductDeletion"/>.</summary>
public sealed partial class DeleteProductDialog
{
    private string? _typed;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _errors;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required ProductDetail Product { get; set; }
    [Inject] public required ProductLifecycleService Lifecycle { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }

    private async Task DeleteAsync()
    {
        if (_busy || !await Guard.DemandAsync(DashboardRoles.Admins))
            return;
        _busy = true;
        _error = null;
        _errors = null;
        try
        {
            var deleted = await Lifecycle.DeleteAsync(Product.Id, _typed, Actors.Ui, CancellationToken.None);
            MudDialog.Close(DialogResult.Ok(deleted));
        }
        catch (InputValidationException ex)
        {
            _error = ex.Message;
            _errors = ex.Errors;
        }
        catch (DashboardException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Cancel() => MudDialog.Cancel();
}
