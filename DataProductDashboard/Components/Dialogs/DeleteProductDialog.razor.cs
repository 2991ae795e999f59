using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Deletes a product with all its data once its name is typed exactly (Admins); closes with the
/// <see cref="ProductDeletion"/>.</summary>
public sealed partial class DeleteProductDialog : FormDialogBase
{
    private string? _typed;

    [Parameter, EditorRequired] public required ProductDetail Product { get; set; }
    [Inject] public required ProductLifecycleService Lifecycle { get; init; }

    private Task DeleteAsync() =>
        SubmitAsync(DashboardRoles.Admins, async () => await Lifecycle.DeleteAsync(Product.Id, _typed, Actors.Ui, CancellationToken.None));
}
