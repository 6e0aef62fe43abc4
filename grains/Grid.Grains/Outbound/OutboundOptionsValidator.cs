using Microsoft.Extensions.Options;

namespace Grid.Grains.Outbound;

/// <summary>Refuses to start with connections that never give up or redirect chains without an end.</summary>
public sealed class OutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var errors = new List<string>();
        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(2))
            errors.Add($"Grid:Outbound:ConnectTimeout is {options.ConnectTimeout}: use more than 0 and at most 00:02:00.");
        if (options.MaxRedirects is < 1 or > 10)
            errors.Add($"Grid:Outbound:MaxRedirects is {options.MaxRedirects}: use 1 to 10.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
