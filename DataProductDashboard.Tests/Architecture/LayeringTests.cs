using NetArchTest.Rules;

namespace DataProductDashboard.Tests.Architecture;

public sealed class LayeringTests
{
    private static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MudBlazor", "Plotly.Blazor", "Microsoft.ML"];

    [Theory]
    [InlineData("DataProductDashboard.Analysis")]
    [InlineData("DataProductDashboard.Domain")]
    public void Layer_DependsOnNoFrameworkForStorageWebOrUi(string layer)
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny(Forbidden)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{layer} depends on a framework: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Components_NeverDependOnTheDbContext()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("DataProductDashboard.Components")
            .ShouldNot().HaveDependencyOnAny("DataProductDashboard.Data.DashboardDbContext", "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Data_NeverDependsOnServices()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("DataProductDashboard.Data")
            .ShouldNot().HaveDependencyOn("DataProductDashboard.Services")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Data depends on Services: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
