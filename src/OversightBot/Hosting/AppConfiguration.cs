namespace OversightBot.Hosting;

/// <summary>
/// Where settings come from, lowest priority first: appsettings.json beside the app, appsettings.json in the
/// current directory, the file named by OVERSIGHTBOT_CONFIG, environment variables (Teams__AppId), the command line.
/// </summary>
public static class AppConfiguration
{
    public static IConfigurationRoot Build(string[] args)
    {
        var builder = new ConfigurationBuilder();
        Apply(builder, args);
        return builder.Build();
    }

    public static void Apply(IConfigurationBuilder builder, string[] args)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        var local = Path.GetFullPath("appsettings.json");
        if (!string.Equals(local, Path.Combine(AppContext.BaseDirectory, "appsettings.json"), StringComparison.Ordinal))
        {
            builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        if (Environment.GetEnvironmentVariable("OVERSIGHTBOT_CONFIG") is { Length: > 0 } file)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args);
    }
}
