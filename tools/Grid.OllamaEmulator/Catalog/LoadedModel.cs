namespace Grid.OllamaEmulator.Catalog;

/// <summary>A model "in memory", as <c>/api/ps</c> lists it.</summary>
internal sealed record LoadedModel(CatalogModel Model, DateTimeOffset ExpiresAt, int ContextLength);
