using Microsoft.Extensions.Options;

namespace Grid.Grains.Articles;

/// <summary>Refuses to start with a list that cannot hold anything or is never written.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var errors = new List<string>();
        if (options.MaxEntries is < 1 or > 1_000_000)
            errors.Add($"Grid:Catalog:MaxEntries is {options.MaxEntries}: use 1 to 1000000.");
        if (options.SaveDelay < TimeSpan.Zero || options.SaveDelay > TimeSpan.FromMinutes(10))
            errors.Add($"Grid:Catalog:SaveDelay is {options.SaveDelay}: use 00:00:00 to 00:10:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
