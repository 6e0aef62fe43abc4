using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.OllamaEmulator;

/// <summary>Builds the emulator as a web application, standalone (<c>Program</c>) or in-process (<see cref="OllamaEmulatorServer"/>).</summary>
public static class OllamaEmulatorApplication
{
    /// <summary>Where Ollama listens unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:11434";

    /// <summary>The standalone app: options from the command line (<c>--slots 2 --fault-busy 0.1 --urls ...</c>).</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = EmulatorOptions.FromConfiguration(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var app = Build(builder, options);
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Ollama emulator on {Urls}: models {Models}, {Slots} slot(s), queue {MaxQueue}, {TokensPerSecond} tokens/s",
            string.Join(' ', app.Urls), string.Join(',', options.ModelNames), options.Slots, options.MaxQueue, options.TokensPerSecond));
        return app;
    }

    /// <summary>Adds the emulator to a builder the caller has set up (listening address, logging).</summary>
    public static WebApplication Build(WebApplicationBuilder builder, EmulatorOptions options)
    {
        builder.Services.AddOllamaEmulator(options);
        var app = builder.Build();
        app.MapOllamaEmulator();
        return app;
    }
}
