namespace Grid.OllamaEmulator;

/// <summary>How a request ended; each request counts under exactly one outcome.</summary>
public static class RequestOutcomes
{
    /// <summary>Answered in full with <c>done_reason</c> "stop".</summary>
    public const string Ok = "ok";

    /// <summary>Answered, cut at the request's <c>num_predict</c> (<c>done_reason</c> "length").</summary>
    public const string Length = "length";

    /// <summary>503: the queue was full.</summary>
    public const string Busy = "busy";

    public const string NotFound = "not_found";

    public const string BadRequest = "bad_request";

    /// <summary>The client went away while queued or while being answered.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A bug in the emulator: answered 500 with the exception message.</summary>
    public const string ServerError = "server_error";

    public const string FaultBusy = "fault_busy";
    public const string FaultHang = "fault_hang";

    /// <summary>Headers and part of the answer sent, then silence until the client hung up.</summary>
    public const string FaultStall = "fault_stall";
    public const string FaultMidstreamError = "fault_midstream_error";
    public const string FaultTruncate = "fault_truncate";
    public const string FaultPreamble = "fault_preamble";
    public const string FaultUntranslated = "fault_untranslated";

    /// <summary>A translation that rendered its glossary's names in another spelling.</summary>
    public const string FaultNameVariant = "fault_name_variant";

    /// <summary>A translation that obeyed an instruction planted in its text (in one paragraph, or with the whole answer).</summary>
    public const string FaultObeyedInjection = "fault_obeyed_injection";
}
