namespace Grid.Grains.Llm.Slots;

/// <summary>Finds the keeper of an endpoint's slots: the cluster's slot grain in a silo, an in-process ledger elsewhere.</summary>
public interface ILlmSlotDirectory
{
    ILlmSlotGrain For(string endpointUrl);
}
