using Grid.Grains.Storage;

namespace Grid.Grains.Articles;

public sealed partial class ArticleState : IStartsAfterSetAside
{
    /// <summary>Said in the warnings of the article submitted next under this id, so its reader knows an earlier copy was lost to storage.</summary>
    public void StartedAfterSetAside(string keptAt) =>
        Warnings.Add($"An earlier stored state of this article could not be read; it was set aside ({keptAt}) and the article started again.");
}
