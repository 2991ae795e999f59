using DataProductDashboard.Commands;

namespace DataProductDashboard.Tests.Commands;

public sealed class UnknownCommandTests
{
    [Theory]
    [InlineData("keys", "create")]
    [InlineData("user")]
    [InlineData("serve")]
    public void Check_UnknownVerb_NamesItAndTheCommands(params string[] args)
    {
        var message = UnknownCommand.Check(args);

        Assert.NotNull(message);
        Assert.StartsWith($"'{args[0]}' is not a command", message);
        Assert.Contains("apikeys", message);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("Dashboard:SeedDemo=false")]
    [InlineData("apikeys", "list")]
    [InlineData("bench", "ingest")]
    public void Check_NoCommandASettingOrAKnownVerb_LetsItThrough(params string[] args) =>
        Assert.Null(UnknownCommand.Check(args));
}
