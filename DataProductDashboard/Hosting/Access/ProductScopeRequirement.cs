using Microsoft.AspNetCore.Authorization;

namespace DataProductDashboard.Hosting.Access;

/// <summary>A key restricted to some products may only touch those: checked from the route before the body is read.</summary>
public sealed class ProductScopeRequirement : IAuthorizationRequirement;
