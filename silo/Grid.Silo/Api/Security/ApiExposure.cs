namespace Grid.Silo.Api.Security;

/// <summary>Who the API answers, and where it listens as configured and as it actually does.</summary>
public sealed record ApiExposure(ApiExposureKind Kind, IReadOnlyList<string> ConfiguredUrls, IReadOnlyList<string> Urls);
