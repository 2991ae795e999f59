using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace DataProductDashboard.Hosting;

/// <summary>Strict input for the API: binding failures throw (in every environment) so that
/// <see cref="ApiExceptionHandler"/> answers them as problem details naming the parameter or JSON path
/// (<see cref="BindingFailure"/>), and enum values in JSON bodies are names only (5 is not a task).</summary>
public static class InputRulesExtensions
{
    public static IServiceCollection AddDashboardInputRules(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Insert(0, new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
        return services;
    }
}
