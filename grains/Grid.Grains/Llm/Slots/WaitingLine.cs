using Grid.Abstractions.Articles;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// The requests waiting for one endpoint's slots, in the order they are to be served: the highest priority first;
/// within a priority the owners take turns (an owner served goes to the back of its priority's rotation); an owner's
/// own requests first come, first served. Every operation is O(1) but for the few priorities.
/// Not thread-safe: the slot ledger's guard covers it.
/// </summary>
public sealed class WaitingLine<T>
{
    private readonly SortedDictionary<ArticlePriority, Rotation> _lanes = new(Comparer<ArticlePriority>.Create((a, b) => b.CompareTo(a)));

    public int Count { get; private set; }

    /// <summary>The next to be served, or null when nobody waits.</summary>
    public T? First => Count == 0 ? default : _lanes.Values.First().Owners.First!.Value.Waiting.First!.Value.Item;

    public Place Add(SlotLane lane, T item)
    {
        if (!_lanes.TryGetValue(lane.Priority, out var rotation))
            _lanes[lane.Priority] = rotation = new Rotation();
        if (!rotation.ByOwner.TryGetValue(lane.Owner, out var owner))
            rotation.ByOwner[lane.Owner] = owner = rotation.Owners.AddLast(new OwnerQueue(lane.Owner));
        var place = new Place(lane.Priority, owner.Value, item);
        place.Node = owner.Value.Waiting.AddLast(place);
        Count++;
        return place;
    }

    /// <summary>Takes the next to be served out of the line; its owner goes to the back of the rotation.</summary>
    public T TakeFirst()
    {
        var rotation = _lanes.Values.First();
        var owner = rotation.Owners.First!;
        var place = owner.Value.Waiting.First!.Value;
        Remove(place);
        if (owner.List is not null && owner.Value.Waiting.Count > 0)
        {
            rotation.Owners.Remove(owner);
            rotation.Owners.AddLast(owner);
        }
        return place.Item;
    }

    /// <summary>
    /// Moves a waiting item into another lane (its work rose in priority): it goes to the back of its new owner's
    /// requests there, as if it had just arrived, so the owners of that priority keep their turns. Returns its new place.
    /// </summary>
    public Place Move(Place place, SlotLane lane)
    {
        if (place.Node?.List is null)
            return place;
        Remove(place);
        return Add(lane, place.Item);
    }

    public void Remove(Place place)
    {
        if (place.Node?.List is null)
            return;
        var owner = place.Owner;
        owner.Waiting.Remove(place.Node);
        place.Node = null;
        Count--;
        if (owner.Waiting.Count > 0)
            return;
        var rotation = _lanes[place.Priority];
        rotation.Owners.Remove(rotation.ByOwner[owner.Name]);
        rotation.ByOwner.Remove(owner.Name);
        if (rotation.Owners.Count == 0)
            _lanes.Remove(place.Priority);
    }

    /// <summary>Everyone waiting, in no promised order.</summary>
    public IEnumerable<T> All => _lanes.Values.SelectMany(rotation => rotation.Owners).SelectMany(owner => owner.Waiting).Select(place => place.Item);

    public void Clear()
    {
        foreach (var place in _lanes.Values.SelectMany(rotation => rotation.Owners).SelectMany(owner => owner.Waiting))
            place.Node = null;
        _lanes.Clear();
        Count = 0;
    }

    /// <summary>Where one item waits: what <see cref="Remove"/> needs to take it out in O(1).</summary>
    public sealed class Place(ArticlePriority priority, OwnerQueue owner, T item)
    {
        public T Item { get; } = item;

        public ArticlePriority Priority { get; } = priority;

        internal OwnerQueue Owner { get; } = owner;

        internal LinkedListNode<Place>? Node { get; set; }
    }

    public sealed class OwnerQueue(string name)
    {
        internal string Name { get; } = name;

        internal LinkedList<Place> Waiting { get; } = new();
    }

    private sealed class Rotation
    {
        public LinkedList<OwnerQueue> Owners { get; } = new();

        public Dictionary<string, LinkedListNode<OwnerQueue>> ByOwner { get; } = [];
    }
}
