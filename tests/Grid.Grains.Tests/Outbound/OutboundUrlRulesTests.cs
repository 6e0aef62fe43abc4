using Grid.Grains.Outbound;

namespace Grid.Grains.Tests.Outbound;

public sealed class OutboundUrlRulesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://[fd00::1]/hook")]
    public void ALiteralPrivateAddressIsRefusedNamingTheSetting(string url)
    {
        var problem = OutboundUrlRules.Problem(url, allowPrivateNetworks: false);

        Assert.NotNull(problem);
        Assert.Contains("Grid:Outbound:AllowPrivateNetworks", problem);
        Assert.Null(OutboundUrlRules.Problem(url, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com/")]
    [InlineData("/relative/hook")]
    [InlineData("not a url")]
    public void OnlyAbsoluteHttpUrlsAreUsable(string url)
    {
        Assert.Contains("not an absolute http or https URL", OutboundUrlRules.Problem(url, allowPrivateNetworks: true));
    }

    [Fact]
    public void CredentialsInTheUrlAreRefused() =>
        Assert.Contains("user name or password", OutboundUrlRules.Problem("https://user:secret@example.com/hook", allowPrivateNetworks: false));

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("http://8.8.8.8/hook")]
    // A name is checked where it is resolved, at connect time: what it resolves to then is what counts.
    [InlineData("http://localhost:5000/hook")]
    public void PublicAddressesAndNamesPass(string url) =>
        Assert.Null(OutboundUrlRules.Problem(url, allowPrivateNetworks: false));
}
