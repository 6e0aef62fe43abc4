using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Translation;

/// <summary>Refuses to start with a configured glossary that could not be used, or a context budget that makes no sense.</summary>
public sealed class TranslationOptionsValidator : IValidateOptions<TranslationOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslationOptions options)
    {
        var errors = new List<string>();
        if (options.ContextChars is < 0 or > 4000)
            errors.Add($"Grid:Translation:ContextChars is {options.ContextChars}: use 0 (no context) to 4000.");
        if (GlossaryRules.ProblemWith(options.ConfiguredGlossary()) is { } problem)
            errors.Add($"Grid:Translation:Glossary cannot be used: {problem}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
