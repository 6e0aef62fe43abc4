namespace Grid.Grains.Storage;

/// <summary>Moves one stored grain state out of the grain's way, kept where an operator can look at it.</summary>
public interface IStateSetAside
{
    /// <returns>Where the state is kept now, in words for a log line.</returns>
    Task<string> SetAsideAsync(string stateName, GrainId grainId);
}
