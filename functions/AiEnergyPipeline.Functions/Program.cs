using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Every setting before any function runs; the host logs the worker's standard error.
if (StartupSettings.Check(builder.Configuration, Console.Error) is { } exitCode)
{
    return exitCode;
}

builder.Services.AddAiEnergyPipeline(builder.Configuration);
builder.Build().Run();
return 0;
