using AiEnergyPipeline.Functions;
using Microsoft.Extensions.Hosting;

var builder = AppHost.CreateBuilder(args);
// Every setting before any function runs; the host logs the worker's standard error.
if (StartupSettings.Check(builder.Configuration, Console.Error) is { } exitCode)
{
    return exitCode;
}

AppHost.Compose(builder).Build().Run();
return 0;
