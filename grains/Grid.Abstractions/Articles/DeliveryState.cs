namespace Grid.Abstractions.Articles;

/// <summary>Where one webhook delivery is. Serialized in lower case on the HTTP API.</summary>
[GenerateSerializer, Alias("grid.delivery-state")]
public enum DeliveryState
{
    /// <summary>Not answered with 2xx yet; tried again with backoff.</summary>
    Pending = 0,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,
    /// <summary>No 2xx within <c>Grid:Webhooks:GiveUpAfter</c>, or the target may not be reached at all.</summary>
    GivenUp = 2,
}
