using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grid.Grains.Llm;

/// <summary>One LLM request: the messages, and for structured output the JSON schema the answer must match.</summary>
/// <param name="Purpose">What the call is for ("translate", "summarize"), for logs and errors.</param>
/// <param name="MaxOutputTokens">Sent as <c>num_predict</c>; an answer that reaches it is truncated.</param>
public sealed record LlmPrompt(
    string Purpose,
    IReadOnlyList<ChatMessage> Messages,
    int MaxOutputTokens,
    JsonElement? JsonSchema = null)
{
    /// <summary>
    /// How many answers to this prompt were rejected already. The first ask is reproducible
    /// (temperature 0, the fixed seed); each ask after a rejection varies the seed and warms the
    /// temperature, since the same request would bring the same rejected answer back.
    /// </summary>
    public int Rejections { get; init; }

    /// <summary>Where the request waits for a slot: its article's priority and owner (see <see cref="Slots.SlotLane"/>).</summary>
    public Slots.SlotLane Lane { get; init; } = Slots.SlotLane.Shared;

    /// <summary>For work that other articles may join while it waits (a chunk): its lane, which rises with theirs; <see cref="Lane"/> is then unused.</summary>
    public Slots.RisingLane? RisingLane { get; init; }
}
