using OversightBot.Bench;

return await BenchCommandLine.RunAsync(args);
