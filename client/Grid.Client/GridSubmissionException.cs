using Grid.Abstractions.Articles;

namespace Grid.Client;

/// <summary>A submission Grid refused: empty, too large, not text, no Arabic...</summary>
public sealed class GridSubmissionException(SubmitRejection rejection) : Exception(rejection.Detail)
{
    public SubmitRejection Rejection { get; } = rejection;
}
