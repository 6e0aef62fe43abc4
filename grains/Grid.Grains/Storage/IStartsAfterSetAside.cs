namespace Grid.Grains.Storage;

/// <summary>A grain state that can tell its reader it began empty because the stored one could not be read.</summary>
public interface IStartsAfterSetAside
{
    void StartedAfterSetAside(string keptAt);
}
