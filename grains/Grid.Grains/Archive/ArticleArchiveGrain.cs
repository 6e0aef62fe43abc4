using Grid.Abstractions.Articles;
using Orleans.Concurrency;

namespace Grid.Grains.Archive;

/// <summary><inheritdoc cref="IArticleArchiveGrain"/> A stateless worker: activations on every silo, as many as calls need.</summary>
[StatelessWorker]
public sealed class ArticleArchiveGrain(IArticleIndex index) : Grain, IArticleArchiveGrain
{
    public Task<ArticleListPage> ListAsync(ArticleListQuery query)
    {
        if ((query.Problem ?? ArchiveQueryCheck.SearchProblem(query)) is { } problem)
            throw new ArgumentException(problem, nameof(query));
        return index.ListAsync(query);
    }
}
