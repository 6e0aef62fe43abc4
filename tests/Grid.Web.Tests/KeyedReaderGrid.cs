namespace Grid.Web.Tests;

/// <summary>The reader on a silo whose API needs a key.</summary>
public sealed class KeyedReaderGrid : ReaderGrid
{
    public override string? ApiKey => "reader-page-key-7c41e9b2";
}
