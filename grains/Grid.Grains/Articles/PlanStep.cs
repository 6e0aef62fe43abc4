namespace Grid.Grains.Articles;

/// <summary>What an article's grain does next, as its plan decides (<see cref="ArticlePlan.Advance"/>).</summary>
public enum PlanStep
{
    /// <summary>Run the one glossary call: the units' prompts and keys wait for its entries.</summary>
    ExtractGlossary,

    /// <summary>
    /// Ask the paragraph cache for every paragraph (<see cref="ArticlePlan.ParagraphKeys"/>), then pack the rest; or, later,
    /// ask again about the paragraphs whose wait on another article's claim ran out (<see cref="ArticlePlan.ParagraphsToAsk"/>).
    /// </summary>
    LookUpParagraphs,

    /// <summary>New work was just planned (glossary retries): send it now.</summary>
    Dispatch,

    /// <summary>Work is out: its answers come by callback, and the watchdog re-asks for them.</summary>
    Wait,

    /// <summary>Every paragraph has its answer and the glossary pass is done: make the summary.</summary>
    Summarize,

    /// <summary>The article cannot go on (<see cref="ArticlePlan.Failure"/> says why).</summary>
    Fail,
}
