using DataProductDashboard.Bench;
using DataProductDashboard.Hosting;

if (args is ["bench", .. var benchArgs])
    return await BenchCommand.RunAsync(benchArgs);

var builder = WebApplication.CreateBuilder(args);
builder.AddRootSettings(args);
builder.Services.AddDashboardCore();
builder.Services.AddDashboardAccess();
builder.Services.AddDashboardNotifications();
builder.Services.AddDashboardUi();
builder.AddDashboardApi();

var app = builder.Build();
app.MapDashboard();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app.</summary>
public partial class Program;
