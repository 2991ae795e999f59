using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Trail;

/// <summary>One row of a product's audit trail, as pages and the API show it.</summary>
public sealed record TrailEntry(long Id, DateTime At, string Actor, TrailAction Action, string Subject, string? Before, string? After);
