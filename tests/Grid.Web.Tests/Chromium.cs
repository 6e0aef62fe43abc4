using Microsoft.Playwright;

namespace Grid.Web.Tests;

/// <summary>Debian's chromium, driven by Playwright's own driver: nothing is downloaded, and the browser reaches nothing but the silo.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };
}
