using System.Text;
using Grid.Grains.Articles;
using Newtonsoft.Json.Linq;

namespace Grid.Grains.Tests.Storage;

/// <summary>
/// Grid's storage serializer (<see cref="Grid.Grains.Storage.GridStorageSerializer"/>) against what is stored already:
/// a line of every state kind as Orleans' serializer wrote it (Stored/, made from <see cref="RealisticStates"/> before
/// Grid had its own) reads as Orleans' serializer reads it; a state Grid writes reads back the same, by Grid and by a
/// silo still on Orleans' serializer (all but the article's); and Grid's lines carry no <c>$id</c>, and a <c>$type</c> only where needed.
/// </summary>
public sealed class StoredStateLinesTests
{
    public static TheoryData<string> Kinds => [.. RealisticStates.All.Keys];

    /// <summary>
    /// Every kind but the article, whose line leaves out what it repeats (ArticleState.Stored.cs): code from before that
    /// cannot read it, and Orleans' serializer here runs today's code, so it would prove nothing for the article.
    /// </summary>
    public static TheoryData<string> KindsOlderSilosRead => [.. RealisticStates.All.Keys.Where(kind => kind != "article")];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ALineOrleansWroteReadsAsOrleansReadsIt(string kind)
    {
        var type = RealisticStates.All[kind]().GetType();
        var line = StoredStateLines.Line(kind);

        var byGrid = StoredStateLines.Read(StoredStateLines.Grid, type, line);

        Assert.Equal(StateDescription.Of(StoredStateLines.Read(StoredStateLines.Orleans, type, line)), StateDescription.Of(byGrid));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AStateGridWritesReadsBackTheSame(string kind)
    {
        var state = RealisticStates.All[kind]();

        var read = StoredStateLines.Read(StoredStateLines.Grid, state.GetType(), StoredStateLines.Write(StoredStateLines.Grid, state.GetType(), state));

        Assert.Equal(StateDescription.Of(state), StateDescription.Of(read));
    }

    /// <summary>A rolling upgrade: a silo still on Orleans' serializer reads a line a silo on Grid's wrote.</summary>
    [Theory]
    [MemberData(nameof(KindsOlderSilosRead))]
    public void AStateGridWritesReadsTheSameWithOrleansSerializer(string kind)
    {
        var state = RealisticStates.All[kind]();

        var read = StoredStateLines.Read(StoredStateLines.Orleans, state.GetType(), StoredStateLines.Write(StoredStateLines.Grid, state.GetType(), state));

        Assert.Equal(StateDescription.Of(state), StateDescription.Of(read));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GridsLinesCarryNoReferencesAndNoTypeTheDeclarationGives(string kind)
    {
        var state = RealisticStates.All[kind]();

        var json = StoredStateLines.Write(StoredStateLines.Grid, state.GetType(), state).ToString();

        Assert.DoesNotContain("\"$id\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$type\"", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reading without <c>$id</c> gives each member an instance of its own: fine only while no state shares a mutable one.
    /// Orleans' lines say where states share: every <c>$ref</c> in them points to an immutable record.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void NoStateSharesAMutableInstanceBetweenMembers(string kind)
    {
        var state = RealisticStates.All[kind]();
        var line = JToken.Parse(StoredStateLines.Write(StoredStateLines.Orleans, state.GetType(), state).ToString());
        var byId = line.SelectTokens("$..['$id']").ToDictionary(id => (string)id!, id => (JObject)id.Parent!.Parent!);

        foreach (var reference in line.SelectTokens("$..['$ref']"))
        {
            var typeName = (string)byId[(string)reference!]["$type"]!;
            var type = Type.GetType(typeName, throwOnError: true)!;
            Assert.True(type.IsDefined(typeof(ImmutableAttribute), inherit: false), $"{kind}: {type.Name} is shared by two members but is not immutable");
        }
    }

    [Fact]
    public void AnArticleMidWayTakesAFractionOfTheBytesOrleansWrites()
    {
        var article = RealisticStates.Article();

        var (orleans, grid) = (StoredStateLines.Write(StoredStateLines.Orleans, typeof(ArticleState), article), StoredStateLines.Write(StoredStateLines.Grid, typeof(ArticleState), article));

        Assert.True(grid.ToMemory().Length < orleans.ToMemory().Length * 0.75, $"Grid writes {grid.ToMemory().Length} bytes, Orleans {orleans.ToMemory().Length}");
        Assert.Equal(Encoding.UTF8.GetString(grid.ToArray()), grid.ToString());
    }
}
