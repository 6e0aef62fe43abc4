using System.Collections;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;

namespace Grid.Grains.Tests.Storage;

/// <summary>
/// A stored state written out member by member (public properties, collections item by item; what is computed from
/// them, marked [JsonIgnore] and no [Id], left out), one line each: two states read the same when their descriptions are equal,
/// and a difference names its path.
/// </summary>
internal static class StateDescription
{
    public static string Of(object? state)
    {
        var lines = new StringBuilder();
        Describe(state, "state", lines, depth: 0);
        return lines.ToString();
    }

    private static void Describe(object? value, string path, StringBuilder lines, int depth)
    {
        if (depth > 20)
            throw new InvalidOperationException($"{path}: nested too deep; a cycle?");
        if (value is null)
        {
            lines.AppendLine($"{path} = null");
            return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or DateTimeOffset or DateTime or TimeSpan or Guid or GrainId)
        {
            lines.AppendLine($"{path} = {value}");
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(value)!)
        {
            lines.AppendLine($"{path} = default");
            return;
        }
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
                Describe(item, $"{path}[{index++}]", lines, depth + 1);
            lines.AppendLine($"{path}.count = {index}");
            return;
        }
        lines.AppendLine($"{path} : {type.Name}");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(property => property.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || (property.IsDefined(typeof(JsonIgnoreAttribute)) && !property.IsDefined(typeof(IdAttribute))) || property.Name == "EqualityContract")
                continue;
            Describe(property.GetValue(value), $"{path}.{property.Name}", lines, depth + 1);
        }
    }
}
