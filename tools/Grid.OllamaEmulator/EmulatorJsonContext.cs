using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grid.OllamaEmulator;

/// <summary>Source-generated JSON (camelCase) for the emulator's own control routes under <c>/_emulator</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EmulatorStatsSnapshot))]
[JsonSerializable(typeof(RuntimeSettings))]
public sealed partial class EmulatorJsonContext : JsonSerializerContext;
