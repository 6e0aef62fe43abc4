using System.Net.Http.Headers;
using System.Text;
using Grid.Grains.Outbound;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

/// <summary>Makes one attempt of a delivery through the outbound guard; never throws, the attempt says how it went.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options)
{
    public async Task<WebhookAttempt> SendAsync(WebhookRequest delivery, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Grid-Signature", WebhookSignature.Sign(body, settings.Secret ?? ""));
        request.Headers.Add("X-Grid-Delivery", delivery.DeliveryId);
        request.Headers.Add("X-Grid-Event", delivery.Event);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var http = clients.CreateClient(OutboundServiceCollectionExtensions.ClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(status, response.IsSuccessStatusCode ? null : $"the receiver answered {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException error) when (OutboundRefusedException.Within(error) is { } refused)
        {
            return new WebhookAttempt(null, refused.Message, Refused: true);
        }
        catch (HttpRequestException error)
        {
            return new WebhookAttempt((int?)error.StatusCode, error.InnerException?.Message ?? error.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, $"no answer within {settings.Timeout} (Grid:Webhooks:Timeout)");
        }
    }
}
