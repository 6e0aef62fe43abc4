using Grid.Abstractions.Articles;
using Grid.Grains.Outbound;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

/// <summary>The checks a submission's <c>callbackUrl</c> gets before the article is stored.</summary>
public sealed class CallbackUrlCheck(IOptions<WebhookOptions> webhooks, IOptions<OutboundOptions> outbound)
{
    public SubmitRejection? Check(ArticleSubmission submission)
    {
        if (submission.CallbackUrl is not { } url)
            return null;
        if (!webhooks.Value.Enabled)
            return new(RejectionKind.InvalidCallback, "Webhooks are off on this cluster: 'callbackUrl' needs Grid:Webhooks:Secret to be set. Leave it out, or ask the operator to set the secret.");
        return OutboundUrlRules.Problem(url, outbound.Value.AllowPrivateNetworks) is { } problem
            ? new(RejectionKind.InvalidCallback, $"'callbackUrl' cannot be used: {problem}")
            : null;
    }
}
