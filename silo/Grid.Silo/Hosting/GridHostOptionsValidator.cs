namespace Grid.Silo.Hosting;

/// <summary>Checked before the silo starts: a wrong key should stop the process with a sentence, not fail later.</summary>
public static class GridHostOptionsValidator
{
    private static readonly string[] SupportedClustering = ["Localhost"];
    private static readonly string[] SupportedStorage = ["Memory"];

    public static GridHostOptions Validated(GridHostOptions options)
    {
        var errors = new List<string>();
        if (!SupportedClustering.Contains(options.Clustering, StringComparer.OrdinalIgnoreCase))
            errors.Add($"Grid:Clustering '{options.Clustering}' is not supported by this build; use {string.Join(", ", SupportedClustering)}.");
        if (!SupportedStorage.Contains(options.Storage, StringComparer.OrdinalIgnoreCase))
            errors.Add($"Grid:Storage '{options.Storage}' is not supported by this build; use {string.Join(", ", SupportedStorage)}.");
        if (options.Silo.SiloPort is < 1 or > 65535 || options.Silo.GatewayPort is < 1 or > 65535)
            errors.Add("Grid:Silo:SiloPort and Grid:Silo:GatewayPort must be TCP ports (1-65535).");
        if (options.Silo.SiloPort == options.Silo.GatewayPort)
            errors.Add($"Grid:Silo:SiloPort and Grid:Silo:GatewayPort are both {options.Silo.SiloPort}: they must differ.");
        return errors.Count == 0 ? options : throw new InvalidOperationException("Invalid Grid configuration:\n  " + string.Join("\n  ", errors));
    }
}
