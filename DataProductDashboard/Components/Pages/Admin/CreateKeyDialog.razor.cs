using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>Creates an API key: name, role (Ingest too), optional products and expiry day; closes with the
/// <see cref="CreatedApiKey"/> whose key the page shows once.</summary>
public sealed partial class CreateKeyDialog
{
    private string? _name;
    private string _role = DashboardRoles.Ingest;
    private IReadOnlyCollection<int> _products = [];
    private DateTime? _expires;
    private bool _busy;

    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Parameter, EditorRequired] public required IReadOnlyList<ProductSummary> Products { get; set; }
    [Inject] public required ApiKeyService Keys { get; init; }
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private FieldErrors Errors { get; } = new("name", "role", "products", "expires");

    private DateTime Tomorrow => Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);

    private string ProductName(int id) => Products.FirstOrDefault(p => p.Id == id)?.Name ?? $"#{id}";

    private async Task SaveAsync()
    {
        _busy = true;
        var products = _products.ToList();
        var request = new CreateApiKeyRequest(_name ?? "", _role, products.Count == 0 ? null : products,
            _expires is { } day ? DateOnly.FromDateTime(day) : null);
        var created = await Errors.RunAsync(() => Keys.CreateAsync(request, Actors.Ui, CancellationToken.None));
        _busy = false;
        if (created is not null)
            MudDialog.Close(DialogResult.Ok(created));
    }

    private void Cancel() => MudDialog.Cancel();
}
