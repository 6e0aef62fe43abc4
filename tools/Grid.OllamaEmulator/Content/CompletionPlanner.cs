using System.Text.Json.Nodes;
using Grid.OllamaEmulator.Faults;
using Grid.OllamaEmulator.Wire;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Decides the answer: a transliteration of the text to translate, or a document matching the
/// requested schema; then applies the drawn faults and <c>num_predict</c>.
/// </summary>
internal static class CompletionPlanner
{
    public const string Preamble = "Here is the translation:\n\n";

    public static CompletionPlan Plan(CompletionRequest request, FaultDraw faults, int numCtx)
    {
        var fitted = PromptFitter.Fit(request, numCtx);
        var structured = request.Format is not null;
        // Grid sends its glossary in an earlier user turn; other clients may put one in the system message.
        var glossary = GlossaryLine.Parse(string.Join('\n', request.System, request.EarlierTurns));
        var task = TaskOf(request);
        var usedVariant = false;
        var obeyed = false;
        string answer;
        switch (task)
        {
            case RequestTasks.Glossary:
                answer = GlossaryExtractionRule.Answer(fitted.SourceText).ToJsonString(OllamaJson.NodeOptions);
                break;
            case RequestTasks.Structured:
                answer = StructuredAnswer(request.Format!, fitted.SourceText);
                break;
            case RequestTasks.Critique:
                answer = CritiqueWriter.Write(request.LastUserMessage!, glossary);
                break;
            default:
                (answer, usedVariant) = faults.Untranslated ? (fitted.SourceText, false) : GlossaryTranslation.Translate(fitted.SourceText, glossary, faults.NameVariant);
                if (!faults.Untranslated && (faults.ObeyInjection || faults.ObeyInjectionWhole)
                    && PlantedInstruction.Obey(fitted.SourceText, answer, whole: faults.ObeyInjectionWhole) is { } obedient)
                    (answer, obeyed) = (obedient, true);
                break;
        }
        if (faults.Preamble)
            answer = Preamble + answer;

        var tokens = TokenEstimator.Split(answer);
        var doneReason = "stop";
        var truncatedByFault = faults.Truncate && tokens.Count > 1;
        if (truncatedByFault)
        {
            tokens = [.. tokens.Take(tokens.Count / 2)];
            doneReason = "length";
        }
        var truncatedByLimit = request.Options.NumPredict is > 0 and var limit && tokens.Count > limit;
        if (truncatedByLimit)
        {
            tokens = [.. tokens.Take(request.Options.NumPredict!.Value)];
            doneReason = "length";
        }
        int? stallAfter = faults.Stall ? Math.Min(tokens.Count, Math.Max(1, tokens.Count / 3)) : null;
        int? errorAfter = faults.MidstreamError && !faults.Stall ? Math.Min(tokens.Count, Math.Max(1, tokens.Count / 3)) : null;

        var outcome = faults.Stall ? RequestOutcomes.FaultStall
            : faults.MidstreamError ? RequestOutcomes.FaultMidstreamError
            : truncatedByFault ? RequestOutcomes.FaultTruncate
            : truncatedByLimit ? RequestOutcomes.Length
            : faults.Preamble ? RequestOutcomes.FaultPreamble
            : faults.Untranslated && task == RequestTasks.Translation ? RequestOutcomes.FaultUntranslated
            : obeyed ? RequestOutcomes.FaultObeyedInjection
            : usedVariant ? RequestOutcomes.FaultNameVariant
            : RequestOutcomes.Ok;
        return new CompletionPlan(tokens, doneReason, errorAfter, outcome, fitted.PromptTokens, fitted.PromptEvalCount, structured, task, stallAfter);
    }

    /// <summary>A structured request that speaks of a glossary wants one; a free-text one that shows a translation wants a review.</summary>
    public static string TaskOf(CompletionRequest request) =>
        request.Format is not null
            ? request.System?.Contains("glossary", StringComparison.OrdinalIgnoreCase) == true ? RequestTasks.Glossary : RequestTasks.Structured
            : CritiqueWriter.IsCritique(request.LastUserMessage) ? RequestTasks.Critique : RequestTasks.Translation;

    private static string StructuredAnswer(JsonNode format, string source)
    {
        var digest = new SourceDigest(source);
        var document = format is JsonObject schema
            ? new SchemaDocumentGenerator(schema, digest).Generate()
            : new JsonObject { ["text"] = digest.Latin(0) };
        return document?.ToJsonString(OllamaJson.NodeOptions) ?? "null";
    }
}
