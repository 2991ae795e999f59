using DataProductDashboard.Bench;
using DataProductDashboard.Commands;
using DataProductDashboard.Hosting;

if (args is ["bench", .. var benchArgs])
    return await BenchCommand.RunAsync(benchArgs);
if (AccessCommand.Handles(args))
    return await AccessCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
if (UnknownCommand.Check(args) is { } unknown)
{
    await Console.Error.WriteLineAsync(unknown);
    return 2;
}

await DashboardApp.Build(args).RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app.</summary>
public partial class Program;
