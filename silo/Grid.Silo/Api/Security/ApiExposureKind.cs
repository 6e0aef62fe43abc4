namespace Grid.Silo.Api.Security;

public enum ApiExposureKind
{
    /// <summary>No keys: the API listens on loopback only.</summary>
    LoopbackOnly,
    /// <summary>No keys, and <c>Grid:Api:AllowAnonymousRemote=true</c>: anyone who reaches it is served.</summary>
    AnonymousRemote,
    /// <summary>Every call needs one of <c>Grid:Api:Keys</c>.</summary>
    Keys,
}
