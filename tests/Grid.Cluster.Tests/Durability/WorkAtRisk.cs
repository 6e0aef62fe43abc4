using Grid.OllamaEmulator;
using Grid.OllamaEmulator.Content;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// What a crash may legitimately cost again, read from the emulator's records once the dust has
/// settled: the translation requests that reached the backend before the crash was over and whose
/// paragraphs were not yet known to be saved. A paragraph is known saved once an article shows its
/// English, because a chunk grain stores its translation before it calls the article back. An answer
/// the backend has just sent may still be on its way to storage when the silo dies.
/// </summary>
internal static class WorkAtRisk
{
    /// <summary>Served translation requests (not glossary, critique or other structured calls), as the emulator counts them.</summary>
    public static bool IsTranslation(RequestRecord request) =>
        request.Served && request.Task == RequestTasks.Translation && !request.FormatPresent;

    /// <summary>The request's source holds one of these Arabic paragraphs.</summary>
    public static bool Carries(RequestRecord request, IReadOnlyCollection<string> paragraphs) =>
        request.LastUserMessage is { } prompt && paragraphs.Any(paragraph => prompt.Contains(paragraph, StringComparison.Ordinal));

    /// <summary>Translation requests received before <paramref name="crashOver"/> for paragraphs not in <paramref name="saved"/>.</summary>
    public static int Count(IEnumerable<RequestRecord> requests, IReadOnlyCollection<string> saved, DateTimeOffset crashOver) =>
        requests.Count(request => IsTranslation(request) && request.ReceivedAt <= crashOver && !Carries(request, saved));
}
