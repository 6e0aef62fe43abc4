using Microsoft.Extensions.Options;

namespace Grid.Client.Http;

/// <summary>Checked when the client starts (or is first used): a wrong setting should stop it with a sentence, not fail a call later.</summary>
public sealed class GridHttpClientOptionsValidator : IValidateOptions<GridHttpClientOptions>
{
    public ValidateOptionsResult Validate(string? name, GridHttpClientOptions options)
    {
        var errors = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
            errors.Add("The Grid URL must be an absolute http:// or https:// address.");
        if (options.Timeout <= TimeSpan.Zero)
            errors.Add("The Grid HTTP timeout must be above zero.");
        if (options.Retries is < 0 or > 10 || options.RetryDelay < TimeSpan.Zero)
            errors.Add("Grid HTTP retries must be 0 to 10, after a delay of zero or more.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
