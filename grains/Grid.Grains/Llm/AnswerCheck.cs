using System.Collections.Immutable;

namespace Grid.Grains.Llm;

/// <summary>The verdict on one answer: accepted with its value (and what was repaired), or a problem worth a retry.</summary>
public sealed record AnswerCheck<T>(T? Value, string? Problem, ImmutableArray<string> Repairs)
{
    public bool Accepted => Problem is null;

    public static AnswerCheck<T> Accept(T value, ImmutableArray<string> repairs = default) =>
        new(value, null, repairs.IsDefault ? [] : repairs);

    public static AnswerCheck<T> Reject(string problem) => new(default, problem, []);
}
