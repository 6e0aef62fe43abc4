using Grid.Abstractions.Articles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Abstractions;

/// <summary>
/// A submission's answer is a receipt (with the article's id) or a refusal, never a receipt without an id:
/// each crosses a grain call as what it is, so a caller can tell them apart by type.
/// </summary>
public sealed class SubmitResultTests
{
    private static readonly Serializer<SubmitResult> Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<SubmitResult>>();

    [Fact]
    public void AReceiptCrossesAGrainCallAsAReceiptWithItsId()
    {
        SubmitResult sent = new SubmitReceipt("kx3f9a", ArticleStatus.Queued, AlreadyKnown: true);

        var received = Wire.Deserialize(Wire.SerializeToArray(sent));

        Assert.Equal(sent, Assert.IsType<SubmitReceipt>(received));
    }

    [Fact]
    public void ARefusalCrossesAGrainCallAsARejectionWithItsKindAndDetail()
    {
        SubmitResult sent = new SubmitRejection(RejectionKind.NoArabic, "The text has no Arabic in it.");

        var received = Wire.Deserialize(Wire.SerializeToArray(sent));

        Assert.Equal(sent, Assert.IsType<SubmitRejection>(received));
    }
}
