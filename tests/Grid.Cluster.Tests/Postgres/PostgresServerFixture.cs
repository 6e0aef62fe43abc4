using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>
/// A real PostgreSQL (Debian's binaries under <c>/usr/lib/postgresql/N/bin</c>), made with <c>initdb</c> in a temporary
/// folder and run on a free loopback port; stopped and removed after the tests that share it. As root it runs as the
/// <c>postgres</c> user, since PostgreSQL refuses root. Each test takes a database of its own from
/// <see cref="CreateDatabaseAsync"/>. Nothing here is Grid's: any test that needs a PostgreSQL can use it.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    /// <summary>The superuser initdb makes; TCP logins need its password (scram-sha-256), as a real server's would.</summary>
    public const string User = "grid";

    public const string Password = "grid-test-password";

    private const string OsUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("grid-postgres-").FullName;
    private Process? _process;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>The <c>postgres</c> maintenance database, as the superuser: for creating databases and looking inside.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>What the server wrote, for a failure message.</summary>
    public string Log => string.Join('\n', _log);

    public async Task InitializeAsync()
    {
        var bin = FindBinaries();
        var data = Path.Combine(_folder, "data");
        var passwordFile = Path.Combine(_folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (IsRoot)
            await RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", _folder]);
        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", User, $"--pwfile={passwordFile}", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

        // A port found free can be taken before the server binds it; then it exits and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPorts.Free();
            _process = Start(Path.Combine(bin, "postgres"), data);
            if (await AcceptsLoginAsync())
                return;
            await StopProcessAsync();
            if (attempt == 3)
                throw new InvalidOperationException($"PostgreSQL did not accept a login within {StartTimeout} on a free port; its output:\n{Log}");
        }
    }

    /// <summary>A new, empty database owned by <see cref="User"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "grid")
    {
        var name = $"{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = User, Password = Password }.ConnectionString;

    public async Task DisposeAsync()
    {
        await StopProcessAsync();
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Process Start(string postgres, string data)
    {
        string[] args =
        [
            "-D", data, "-p", $"{Port}", "-k", _folder, "-c", "listen_addresses=127.0.0.1",
            // The tests kill silos, never this server: durability against its own crash is not what they measure.
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=300",
        ];
        var process = new Process { StartInfo = AsServerUser(postgres, args) };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>As root, <c>setpriv</c> becomes the postgres user and then <em>is</em> the program (exec, no child), so its id is the server's.</summary>
    private static ProcessStartInfo AsServerUser(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(IsRoot ? "setpriv" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (IsRoot)
            foreach (var arg in new[] { $"--reuid={OsUser}", $"--regid={OsUser}", "--init-groups", "--", program })
                start.ArgumentList.Add(arg);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // initdb and postgres read LC_* and refuse a locale they cannot load; the test's own environment should not matter.
        start.Environment["LC_ALL"] = "C.UTF-8";
        return start;
    }

    private async Task RunAsync(string program, string[] args)
    {
        var start = program == "chown" ? new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true } : AsServerUser(program, args);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {StartTimeout}.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    /// <summary>Polls until the server takes a password login over TCP; false when it exits first or never does.</summary>
    private async Task<bool> AcceptsLoginAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!_process!.HasExited)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false;Timeout=2");
                await connection.OpenAsync(timeout.Token);
                return true;
            }
            catch (Exception error) when (error is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // Not listening, or still starting up.
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            try
            {
                await tick.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>SIGINT is PostgreSQL's fast shutdown: sessions are cut, the server stops at once, cleanly.</summary>
    private async Task StopProcessAsync()
    {
        if (_process is null)
            return;
        using var process = _process;
        _process = null;
        if (!process.HasExited)
        {
            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await interrupt.WaitForExitAsync();
        }
        using var stopped = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(stopped.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _log.Enqueue(line);
        while (_log.Count > 200)
            _log.TryDequeue(out _);
    }

    /// <summary>The newest PostgreSQL installed the Debian way.</summary>
    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : -1))
                .Where(candidate => File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Folder, "bin"))
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): these tests run a real one. Install it with `apt-get install -y postgresql` (.ci/run does).");
    }
}
