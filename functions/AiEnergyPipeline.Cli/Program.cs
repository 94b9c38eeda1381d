using AiEnergyPipeline.Cli;

return await AienergyCommand.Create().Parse(args).InvokeAsync();
