using System.Text.Json.Nodes;
using Grid.OllamaEmulator.Catalog;
using Grid.OllamaEmulator.Stats;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.Endpoints;

/// <summary>The routes around inference: liveness, version, the model list, running models, show and pull.</summary>
internal sealed class ModelEndpoints(EmulatorOptions options, ModelCatalog catalog, EmulatorStats stats, TimeProvider clock)
{
    /// <summary>An Ollama version with the API surface emulated here.</summary>
    public const string OllamaVersion = "0.12.6";

    public async Task RootAsync(HttpContext context)
    {
        Log(context, RequestKinds.Root).Complete(StatusCodes.Status200OK, RequestOutcomes.Ok);
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.WriteAsync("Ollama is running", context.RequestAborted).ConfigureAwait(false);
    }

    public Task VersionAsync(HttpContext context) =>
        OkAsync(context, Log(context, RequestKinds.Version), new JsonObject { ["version"] = OllamaVersion });

    public Task TagsAsync(HttpContext context)
    {
        var models = new JsonArray([.. catalog.Models.Select(model => (JsonNode)new JsonObject
        {
            ["name"] = model.Name,
            ["model"] = model.Name,
            ["modified_at"] = OllamaJson.Timestamp(model.ModifiedAt),
            ["size"] = model.SizeBytes,
            ["digest"] = model.Digest,
            ["details"] = Details(model),
        })]);
        return OkAsync(context, Log(context, RequestKinds.Tags), new JsonObject { ["models"] = models });
    }

    public Task PsAsync(HttpContext context)
    {
        var models = new JsonArray([.. catalog.Loaded().Select(loaded => (JsonNode)new JsonObject
        {
            ["name"] = loaded.Model.Name,
            ["model"] = loaded.Model.Name,
            ["size"] = loaded.Model.SizeBytes,
            ["digest"] = loaded.Model.Digest,
            ["details"] = Details(loaded.Model),
            ["expires_at"] = OllamaJson.Timestamp(loaded.ExpiresAt == DateTimeOffset.MaxValue ? new DateTimeOffset(2318, 1, 1, 0, 0, 0, TimeSpan.Zero) : loaded.ExpiresAt),
            ["size_vram"] = loaded.Model.SizeBytes,
            ["context_length"] = loaded.ContextLength,
        })]);
        return OkAsync(context, Log(context, RequestKinds.Ps), new JsonObject { ["models"] = models });
    }

    public async Task ShowAsync(HttpContext context)
    {
        var log = Log(context, RequestKinds.Show);
        string name;
        try
        {
            name = await ModelNameFromBodyAsync(context).ConfigureAwait(false);
        }
        catch (BadRequestException e)
        {
            await FailAsync(context, log, StatusCodes.Status400BadRequest, RequestOutcomes.BadRequest, e.Message).ConfigureAwait(false);
            return;
        }
        log.Describe(name);
        if (catalog.Find(name) is not { } model)
        {
            await FailAsync(context, log, StatusCodes.Status404NotFound, RequestOutcomes.NotFound, $"model '{name}' not found").ConfigureAwait(false);
            return;
        }
        await OkAsync(context, log, ShowBody.For(model, options.ContextLength)).ConfigureAwait(false);
    }

    /// <summary>Pretends to download: a few progress lines, then "success"; the model is then listed.</summary>
    public async Task PullAsync(HttpContext context)
    {
        var log = Log(context, RequestKinds.Pull);
        string name;
        bool stream;
        try
        {
            var body = await RequestBodyReader.ReadObjectAsync(context.Request, "api.PullRequest", context.RequestAborted).ConfigureAwait(false);
            name = NameOf(body);
            stream = body["stream"] is not JsonValue flag || !flag.TryGetValue(out bool value) || value;
        }
        catch (BadRequestException e)
        {
            await FailAsync(context, log, StatusCodes.Status400BadRequest, RequestOutcomes.BadRequest, e.Message).ConfigureAwait(false);
            return;
        }
        log.Describe(name);
        var model = catalog.Add(name);
        log.Complete(StatusCodes.Status200OK, RequestOutcomes.Ok);
        if (!stream)
        {
            await OllamaResponses.JsonAsync(context.Response, StatusCodes.Status200OK, OllamaJson.Node(new JsonObject { ["status"] = "success" }), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var layer = "sha256:" + model.Digest;
        JsonObject[] progress =
        [
            new() { ["status"] = "pulling manifest" },
            new() { ["status"] = "pulling " + model.Digest[..12], ["digest"] = layer, ["total"] = model.SizeBytes, ["completed"] = model.SizeBytes / 2 },
            new() { ["status"] = "pulling " + model.Digest[..12], ["digest"] = layer, ["total"] = model.SizeBytes, ["completed"] = model.SizeBytes },
            new() { ["status"] = "verifying sha256 digest" },
            new() { ["status"] = "writing manifest" },
            new() { ["status"] = "success" },
        ];
        foreach (var line in progress)
            await OllamaResponses.LineAsync(context.Response, OllamaJson.Node(line), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<string> ModelNameFromBodyAsync(HttpContext context) =>
        NameOf(await RequestBodyReader.ReadObjectAsync(context.Request, "api.ShowRequest", context.RequestAborted).ConfigureAwait(false));

    // Ollama still accepts the deprecated "name" field where "model" is missing.
    private static string NameOf(JsonObject body)
    {
        foreach (var field in new[] { "model", "name" })
        {
            if (body[field] is JsonValue value && value.TryGetValue(out string? name) && !string.IsNullOrWhiteSpace(name))
                return name;
        }
        throw new BadRequestException("model is required");
    }

    private static JsonObject Details(CatalogModel model) => new()
    {
        ["parent_model"] = "",
        ["format"] = "gguf",
        ["family"] = model.Family,
        ["families"] = new JsonArray(model.Family),
        ["parameter_size"] = model.ParameterSize,
        ["quantization_level"] = "Q4_K_M",
    };

    private RequestLogEntry Log(HttpContext context, string kind) => new(stats, clock, kind, context);

    private static Task OkAsync(HttpContext context, RequestLogEntry log, JsonNode body)
    {
        log.Complete(StatusCodes.Status200OK, RequestOutcomes.Ok);
        return OllamaResponses.JsonAsync(context.Response, StatusCodes.Status200OK, OllamaJson.Node(body), context.RequestAborted);
    }

    private static Task FailAsync(HttpContext context, RequestLogEntry log, int status, string outcome, string message)
    {
        log.Complete(status, outcome, message);
        return OllamaResponses.ErrorAsync(context.Response, status, message, context.RequestAborted);
    }
}
