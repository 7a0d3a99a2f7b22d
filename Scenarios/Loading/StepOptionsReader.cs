using System.Text;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The options written after a step's kind, with the format's defaults filled in.</summary>
internal static class StepOptionsReader
{
    public const string DefaultNote = "README_RESTORE.txt";
    public const string DefaultExtension = ".locked";
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest file name Linux file systems hold, in UTF-8 bytes.</summary>
    private const int MaxFileNameBytes = 255;

    private static readonly string[] Signals =
        ["SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGSTOP"];

    public static StepDefinition? Read(StepText step)
    {
        return step.Kind switch
        {
            "kill" => Kill(step),
            "stop" => step.Options(["timeout"]) is { } f ? Stop(step, f) : null,
            "pause" => step.Options([]) is null ? null : new PauseStep(step.At),
            "remove" => step.Options([]) is null ? null : new RemoveStep(step.At),
            "encrypt-files" => EncryptFiles(step),
            "delete-files" => DeleteFiles(step),
            "deface" => Deface(step),
            "exec" => ExecStepReader.Read(step),
            "restart" => step.Options([]) is null ? null : new RestartStep(step.At),
            "start" => step.Options([]) is null ? null : new StartStep(step.At),
            "unpause" => step.Options([]) is null ? null : new UnpauseStep(step.At),
            "redeploy" => step.Options([]) is null ? null : new RedeployStep(step.At),
            "restore-backup" => AttackOptionsReader.RestoreBackup(step),
            "disconnect-network" => AttackOptionsReader.Network(step, out var cut) is var away && cut ? new DisconnectNetworkStep(away, step.At) : null,
            "reconnect-network" => AttackOptionsReader.Network(step, out var joined) is var back && joined ? new ReconnectNetworkStep(back, step.At) : null,
            "exhaust" => AttackOptionsReader.Exhaust(step),
            "corrupt-config" => AttackOptionsReader.CorruptConfig(step),
            "delete-backups" => AttackOptionsReader.DeleteBackups(step),
            "wait" => Wait(step),
            "manual" => ManualStepReader.Read(step),
            _ => throw new InvalidOperationException($"Step kind '{step.Kind}' is listed as supported but has no reader."),
        };
    }

    private static KillStep? Kill(StepText step)
    {
        if (step.Options(["signal"]) is not { } fields)
        {
            return null;
        }

        if (fields.OptionalText("signal") is not { } written)
        {
            return fields.Optional("signal") is null ? new KillStep("SIGKILL", step.At) : null;
        }

        var upper = written.ToUpperInvariant();
        var signal = upper.StartsWith("SIG", StringComparison.Ordinal) ? upper : "SIG" + upper;
        if (Signals.Contains(signal))
        {
            return new KillStep(signal, step.At);
        }

        step.Reader.Report(fields.Optional("signal")!, $"'{written}' in {step.What} is not a signal drills can send.",
            Suggestions.Fix(signal, Signals));
        return null;
    }

    private static StopStep? Stop(StepText step, Fields fields)
    {
        var written = fields.Optional("timeout");
        var timeout = fields.OptionalDuration("timeout");
        if (written is not null && timeout is null)
        {
            return null;
        }

        var what = written is null ? $"the default timeout of {step.What}" : $"'timeout' of {step.What}";
        return step.Scope.FitsStop(step.Reader, written ?? step.KeyNode, timeout ?? WrittenDuration.Of(DefaultStopTimeout), what)
            ? new StopStep(timeout?.Value ?? DefaultStopTimeout, step.At)
            : null;
    }

    private static EncryptFilesStep? EncryptFiles(StepText step)
    {
        var before = step.Reader.Errors.Count;
        if (step.Options(["paths", "note", "extension"], "{ paths: [/srv/www] }") is not { } fields)
        {
            return null;
        }

        var paths = fields.Required("paths", "[/srv/www]") is { } p ? AttackedPaths(step, p) : null;
        var note = FileNamePart(step, fields, "note", DefaultNote, mustStartWithDot: false);
        var extension = FileNamePart(step, fields, "extension", DefaultExtension, mustStartWithDot: true);
        return step.Reader.Errors.Count > before ? null : new EncryptFilesStep(paths!, note!, extension!, step.At);
    }

    // The note and the extension end up inside file names written into the attacked folders: '/', '.' or '..' would
    // escape them, a control character or NUL would corrupt the archive entry, and a name over 255 bytes cannot exist.
    private static string? FileNamePart(StepText step, Fields fields, string key, string fallback, bool mustStartWithDot)
    {
        if (fields.Optional(key) is not { } node)
        {
            return fallback;
        }

        var text = step.Reader.Text(node, $"'{key}' of {step.What}");
        if (text is null || FileNameProblem(text, mustStartWithDot) is not { } problem)
        {
            return text;
        }

        var shape = mustStartWithDot ? "a dot followed by a name, such as '.locked'" : "a file name, such as 'README_RESTORE.txt'";
        step.Reader.Report(node, $"'{key}' of {step.What} is '{Shown.Quote(text)}', which {problem}; it must be {shape}.",
            $"write '{key}: {fallback}' (printable characters, no '/', at most {MaxFileNameBytes} bytes)");
        return null;
    }

    /// <summary>Why the text cannot be (the end of) one file name in a folder, or null when it can.</summary>
    private static string? FileNameProblem(string text, bool mustStartWithDot) => text switch
    {
        _ when string.IsNullOrWhiteSpace(mustStartWithDot && text.StartsWith('.') ? text[1..] : text) => "is blank",
        "." or ".." => "names a folder, not a file",
        _ when text.Contains('/', StringComparison.Ordinal) => "holds '/', which would reach another folder",
        _ when text.Any(Shown.IsInvisible) => "holds a control or invisible character",
        _ when Encoding.UTF8.GetByteCount(text) > MaxFileNameBytes => $"is longer than {MaxFileNameBytes} bytes, the longest file name",
        _ when mustStartWithDot && !text.StartsWith('.') => "does not start with '.'",
        _ => null,
    };

    private static DeleteFilesStep? DeleteFiles(StepText step)
    {
        if (step.Options(["paths"], "{ paths: [/srv/www] }") is not { } fields || fields.Required("paths", "[/srv/www]") is not { } node)
        {
            return null;
        }

        return AttackedPaths(step, node) is { } paths ? new DeleteFilesStep(paths, step.At) : null;
    }

    /// <summary>Absolute paths, each inside the data paths of the scenario's system.</summary>
    private static IReadOnlyList<string>? AttackedPaths(StepText step, YamlNode node)
    {
        var what = $"'paths' of {step.What}";
        return step.Reader.AbsolutePaths(node, what) is { } paths && step.Scope.CoversAll(step.Reader, node, paths, what) ? paths : null;
    }

    private static DefaceStep? Deface(StepText step)
    {
        if (step.Options(["path", "content"], "{ path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }") is not { } fields)
        {
            return null;
        }

        var path = fields.RequiredText("path", "/srv/www/index.html");
        var pathWhat = $"'path' of {step.What}";
        var valid = path is not null && step.Reader.AbsolutePath(fields.Optional("path")!, path, pathWhat)
            && step.Scope.Covers(step.Reader, fields.Optional("path")!, path, pathWhat)
            && step.Scope.IsFileUnderData(step.Reader, fields.Optional("path")!, path, pathWhat);
        var content = ReadContent(step, fields);
        if (!valid || content is null)
        {
            return null;
        }

        return new DefaceStep(path!, content, step.At);
    }

    // Content may legitimately be empty (a blanked page), so only a missing key is an error.
    private static string? ReadContent(StepText step, Fields fields)
    {
        if (!fields.Contains("content"))
        {
            step.Reader.Report(fields.Node, $"{step.What} has no 'content'.", "add 'content: \"<h1>Hacked</h1>\"'");
            return null;
        }

        var node = fields.Optional("content");
        return node is null ? "" : step.Reader.Text(node, $"'content' of {step.What}");
    }

    private static WaitStep? Wait(StepText step)
    {
        var node = step.Args is YamlMappingNode ? step.Options(["duration"])?.Required("duration", "30s") : step.Args;
        if (node is not null && NodeReader.IsNull(node))
        {
            step.Reader.Report(step.KeyNode, $"{step.What} has no duration.", "write 'wait: 30s'");
            return null;
        }

        var what = $"the duration of {step.What}";
        return node is not null && step.Reader.WrittenDuration(node, what) is { } duration && step.Scope.FitsBudget(step.Reader, node, duration, what)
            ? new WaitStep(duration.Value, step.At)
            : null;
    }
}
