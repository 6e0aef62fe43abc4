using Grid.OllamaEmulator.Settings;
using Grid.OllamaEmulator.Stats;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.Endpoints;

/// <summary>The emulator's own routes for tests and demos: stats, reset and run-time fault settings.</summary>
internal sealed class ControlEndpoints(EmulatorStats stats, RuntimeSettingsStore settings)
{
    public Task StatsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(stats.Snapshot(), EmulatorJsonContext.Default.EmulatorStatsSnapshot, cancellationToken: context.RequestAborted);

    public Task ResetAsync(HttpContext context)
    {
        stats.Reset();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task GetFaultsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(settings.Current, EmulatorJsonContext.Default.RuntimeSettings, cancellationToken: context.RequestAborted);

    public async Task SetFaultsAsync(HttpContext context)
    {
        try
        {
            var patch = await RequestBodyReader.ReadObjectAsync(context.Request, "RuntimeSettings", context.RequestAborted).ConfigureAwait(false);
            var updated = settings.Update(current => RuntimeSettingsPatch.Apply(current, patch));
            await context.Response.WriteAsJsonAsync(updated, EmulatorJsonContext.Default.RuntimeSettings, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadRequestException or ArgumentException)
        {
            await OllamaResponses.ErrorAsync(context.Response, StatusCodes.Status400BadRequest, e.Message, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
