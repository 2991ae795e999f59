namespace DataProductDashboard.Hosting;

/// <summary>The web app as every host composes it: the dashboard's settings, services, API and UI, mapped. Program.cs
/// runs it; the bench verbs start it in-process on a loopback port.</summary>
public static class DashboardApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddRootSettings(args);
        builder.Services.AddDashboardCore();
        builder.Services.AddDashboardAccess();
        builder.Services.AddDashboardNotifications();
        builder.Services.AddDashboardUi();
        builder.AddDashboardApi();
        builder.Services.AddDashboardInputRules();
        builder.AddDashboardOperations();
        var app = builder.Build();
        app.MapDashboard();
        return app;
    }
}
