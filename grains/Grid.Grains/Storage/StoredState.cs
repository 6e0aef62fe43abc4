namespace Grid.Grains.Storage;

/// <summary>A grain state as it is in the file: its serialized bytes and the ETag of the write that put them there.</summary>
internal sealed record StoredState(string ETag, byte[] Data);
