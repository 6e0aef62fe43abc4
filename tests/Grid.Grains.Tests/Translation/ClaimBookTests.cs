using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

/// <summary>
/// The claim on translating one paragraph or sentence (<see cref="ClaimBook{TNote}"/>): the first article to ask holds it, the
/// others wait and are told once when it settles; its holder renews it; one never renewed lapses, and the next to ask holds it.
/// </summary>
public sealed class ClaimBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public void TheFirstToAskHoldsTheClaimAndAnotherWaitsWithTheHoldersNoteAndWhatIsLeftOfItsLease()
    {
        var book = new ClaimBook<string>();

        var (yours, hold, lapsed) = book.Claim("a", Lease, "a's note", Start);
        Assert.True(yours);
        Assert.Equal(new ClaimHold<string>("a", Lease, "a's note"), hold);
        Assert.Null(lapsed);

        (yours, hold, _) = book.Claim("b", Lease, "b's note", Start.AddSeconds(30));
        Assert.False(yours);
        Assert.Equal(new ClaimHold<string>("a", TimeSpan.FromSeconds(90), "a's note"), hold);
        Assert.True(book.IsHeldBy("a"));
        Assert.Equal(hold, book.Holder(Start.AddSeconds(30)));
    }

    [Fact]
    public void ARenewedClaimRunsALeaseFromItsRenewalSoAWaiterAskingLaterStillWaits()
    {
        var book = new ClaimBook<string>();
        book.Claim("a", Lease, "", Start);

        Assert.True(book.Claim("a", Lease, "", Start.AddSeconds(100)).Yours);

        var (yours, hold, _) = book.Claim("b", Lease, "", Start.AddSeconds(150));
        Assert.False(yours);
        Assert.Equal(TimeSpan.FromSeconds(70), hold.ExpiresIn);
    }

    [Fact]
    public void AClaimNeverRenewedLapsesAndTheNextToAskHoldsItNamingTheOneWhoseClaimLapsed()
    {
        var book = new ClaimBook<string>();
        book.Claim("a", Lease, "", Start);

        Assert.Null(book.Holder(Start + Lease));
        var (yours, hold, lapsed) = book.Claim("b", Lease, "", Start + Lease);

        Assert.True(yours);
        Assert.Equal("b", hold.Claimant);
        Assert.Equal("a", lapsed);
    }

    [Fact]
    public void SettlingEndsTheClaimAndNamesEveryWaiterOnceAndNoneOfThemAgain()
    {
        var book = new ClaimBook<string>();
        book.Claim("a", Lease, "", Start);
        book.Claim("b", Lease, "", Start);
        book.Claim("c", Lease, "", Start);
        book.Claim("b", Lease, "", Start.AddSeconds(1));

        Assert.Equal(["b", "c"], book.Settle().Order());

        Assert.Null(book.Holder(Start));
        Assert.False(book.IsHeldBy("a"));
        Assert.Empty(book.Settle());
        Assert.True(book.Claim("c", Lease, "", Start).Yours);
    }

    [Fact]
    public void AWaiterThatTakesTheClaimIsNoLongerAWaiter()
    {
        var book = new ClaimBook<string>();
        book.Claim("a", Lease, "", Start);
        book.Claim("b", Lease, "", Start);

        book.Claim("b", Lease, "", Start + Lease);

        Assert.Empty(book.Settle());
    }
}
