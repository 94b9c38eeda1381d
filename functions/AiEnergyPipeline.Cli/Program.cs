using AiEnergyPipeline.Cli;

return await AienergyCommand.InvokeAsync(args);
