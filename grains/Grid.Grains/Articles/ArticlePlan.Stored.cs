using System.Collections.Immutable;
using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// How the plan's units and glossary retries are stored: without what they repeat of <see cref="Paragraphs"/>
/// (<see cref="PlanUnit.WithoutRepeats"/>), put back as the plan is read. Lines stored before carry it all and read as
/// they are. Code from before this cannot read a plan stored so: its units would lack their texts.
/// </summary>
public sealed partial class ArticlePlan
{
    [JsonProperty(nameof(Units))]
    private ImmutableArray<PlanUnit> StoredUnits
    {
        get => WithoutRepeats(Units);
        set => Units = value;
    }

    [JsonProperty(nameof(GlossaryRetries))]
    private ImmutableArray<PlanUnit> StoredGlossaryRetries
    {
        get => WithoutRepeats(GlossaryRetries);
        set => GlossaryRetries = value;
    }

    private ImmutableArray<PlanUnit> WithoutRepeats(ImmutableArray<PlanUnit> units) =>
        units.IsDefault ? units : [.. units.Select(unit => unit.WithoutRepeats(Paragraphs))];

    [OnDeserialized]
    private void PutBackRepeats(StreamingContext context)
    {
        if (!Units.IsDefault)
            Units = [.. Units.Select(unit => unit.WithRepeats(Paragraphs))];
        if (!GlossaryRetries.IsDefault)
            GlossaryRetries = [.. GlossaryRetries.Select(unit => unit.WithRepeats(Paragraphs))];
    }
}
