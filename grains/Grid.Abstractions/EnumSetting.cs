namespace Grid.Abstractions;

/// <summary>
/// A configuration value that names one of an enum's members. Checked before binding: the binder's own error for a
/// wrong name names neither the choices nor always the key, and it takes a number ("7") for a member it is not.
/// </summary>
public static class EnumSetting
{
    /// <summary>Null when <paramref name="value"/> is absent or names a member (any case); otherwise a sentence naming the key and the allowed values.</summary>
    public static string? Problem<TEnum>(string key, string? value) where TEnum : struct, Enum =>
        string.IsNullOrEmpty(value) || IsMember<TEnum>(value)
            ? null
            : $"{key} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.";

    /// <summary>A member's name, in any case; never a number, which the binder would take for a member that does not exist.</summary>
    public static bool IsMember<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
}
