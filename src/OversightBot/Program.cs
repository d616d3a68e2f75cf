using OversightBot.Cli;

return await CommandLine.RunAsync(args);
