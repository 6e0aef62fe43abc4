namespace Grid.Silo.Api.LibreTranslate;

/// <summary>An error as LibreTranslate gives it: <c>{ "error": "..." }</c>.</summary>
public sealed record LibreTranslateError(string Error);
