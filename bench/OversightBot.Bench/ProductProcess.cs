using System.Diagnostics;
using OversightBot.Cli;

namespace OversightBot.Bench;

/// <summary>How the benchmarks start the product as its own process: the OversightBot build copied beside them.</summary>
public static class ProductProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = typeof(CommandLine).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "OversightBot.exe" : "OversightBot");
        var info = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { dll } };
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
