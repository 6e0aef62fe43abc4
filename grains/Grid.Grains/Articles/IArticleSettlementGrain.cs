using Orleans.Concurrency;

namespace Grid.Grains.Articles;

/// <summary>What the watchdog asks an article it indexes: may it be forgotten?</summary>
[Alias("grid.IArticleSettlementGrain")]
public interface IArticleSettlementGrain : IGrainWithStringKey
{
    /// <summary>
    /// True when the article is gone, or finished with its final state stored. A finished article whose
    /// last save failed is not settled: only what is stored survives a crash, and that is still unfinished.
    /// </summary>
    [Alias("settled"), ReadOnly, AlwaysInterleave]
    Task<bool> IsSettledAsync();
}
