using System.Globalization;
using System.Text.RegularExpressions;
using Drills.Scenarios.Backups;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The options of the network, pressure, configuration and backup steps (format additions of version 1).</summary>
internal static partial class AttackOptionsReader
{
    /// <summary>disconnect-network and reconnect-network: the system's own network unless one is named.</summary>
    public static string? Network(StepText step, out bool valid)
    {
        valid = false;
        if (step.Options(["network"]) is not { } fields)
        {
            return null;
        }

        if (fields.Optional("network") is { } node)
        {
            var name = step.Reader.Text(node, $"'network' of {step.What}");
            if (name is not null && !NetworkNames.IsValid(name))
            {
                step.Reader.Report(node, $"'network' of {step.What} is '{Shown.Quote(name)}', not a Docker network name.", "write the system's network, such as 'drills-portal-net'");
                return null;
            }

            valid = name is not null;
            return name;
        }

        if (step.Scope.System is { DeclaresNetwork: false } system)
        {
            step.Reader.Report(step.KeyNode, $"{step.What} names no network, and system '{system.Id}' declares none.",
                $"add 'network: drills-{system.Id}-net' to system '{system.Id}' (drills creates it and labels it for the system), or write '{step.Kind}: {{ network: NAME }}'");
            return null;
        }

        valid = true;
        return null;
    }

    public static ExhaustStep? Exhaust(StepText step)
    {
        var before = step.Reader.Errors.Count;
        if (step.Options(["cpu", "memory", "for"], "{ cpu: 1, memory: 64MiB, for: 30s }") is not { } fields)
        {
            return null;
        }

        var cpu = fields.OptionalInteger("cpu", 0, ExhaustStep.MaxCpu) ?? 0;
        var memory = fields.Optional("memory") is { } m ? Size(step, m, $"'memory' of {step.What}") : 0;
        var written = fields.Optional("for");
        var length = fields.OptionalDuration("for");
        if (step.Reader.Errors.Count == before && cpu == 0 && memory == 0)
        {
            step.Reader.Report(fields.Node, $"{step.What} puts no pressure on the target: it names neither cpu nor memory.",
                "write '{ cpu: 1, for: 30s }', '{ memory: 64MiB, for: 30s }' or both");
        }

        var span = length ?? WrittenDuration.Of(ExhaustStep.DefaultFor);
        if (step.Reader.Errors.Count == before)
        {
            step.Scope.FitsBudget(step.Reader, written ?? step.KeyNode, span, written is null ? $"the default 'for' of {step.What}" : $"'for' of {step.What}");
        }

        return step.Reader.Errors.Count > before ? null : new ExhaustStep(cpu, memory ?? 0, span.Value, step.At);
    }

    /// <summary>A size such as 64MiB, 512KiB or 1GiB (binary units), up to <see cref="ExhaustStep.MaxMemoryBytes"/>.</summary>
    private static long? Size(StepText step, YamlNode node, string what)
    {
        if (step.Reader.Text(node, what) is not { } text)
        {
            return null;
        }

        var match = SizePattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            step.Reader.Report(node, $"{what} is '{Shown.Quote(text)}', not a size.", "write a whole number with a binary unit, such as 64MiB, 512KiB or 1GiB");
            return null;
        }

        var unit = match.Groups[2].Value switch { "KiB" => 1024L, "MiB" => 1024L * 1024, "GiB" => 1024L * 1024 * 1024, _ => 1L };
        if (amount > ExhaustStep.MaxMemoryBytes / unit || amount * unit > ExhaustStep.MaxMemoryBytes)
        {
            step.Reader.Report(node, $"{what} is {text}, more than the {ExhaustStep.MaxMemoryBytes / 1024 / 1024 / 1024} GiB an exhaust step may hold.",
                "write 4GiB or less: enough to starve a system, bounded so a drill cannot take the host down");
            return null;
        }

        return amount * unit;
    }

    public static CorruptConfigStep? CorruptConfig(StepText step)
    {
        var before = step.Reader.Errors.Count;
        if (step.Options(["path", "content", "append"], "{ path: /etc/nginx/conf.d/default.conf, content: \"broken\" }") is not { } fields)
        {
            return null;
        }

        var path = fields.RequiredText("path", "/etc/nginx/conf.d/default.conf");
        if (path is not null && step.Reader.AbsolutePath(fields.Optional("path")!, path, $"'path' of {step.What}") && Paths.ContainerPath.IsRoot(path))
        {
            step.Reader.Report(fields.Optional("path")!, $"'path' of {step.What} is '/', a folder; corrupt-config changes one file.", "name the configuration file, such as '/etc/nginx/conf.d/default.conf'");
        }

        var hasContent = fields.Contains("content");
        var hasAppend = fields.Contains("append");
        if (hasContent == hasAppend)
        {
            step.Reader.Report(fields.Node, hasContent
                    ? $"{step.What} has both 'content' and 'append'; it either replaces the file or appends to it."
                    : $"{step.What} says neither what to write ('content') nor what to append ('append').",
                "write 'content: \"broken\"' to replace the file, or 'append: \"invalid directive;\"' to add to it");
        }

        var content = hasContent ? Text(step, fields, "content") : null;
        var append = hasAppend ? Text(step, fields, "append") : null;
        return step.Reader.Errors.Count > before ? null : new CorruptConfigStep(Paths.ContainerPath.Normalize(path!), content, append, step.At);
    }

    // Empty text is allowed (an emptied configuration file is a real corruption); only a non-text value is wrong.
    private static string? Text(StepText step, Fields fields, string key) =>
        fields.Optional(key) is { } node ? step.Reader.Text(node, $"'{key}' of {step.What}") : "";

    public static DeleteBackupsStep? DeleteBackups(StepText step)
    {
        if (step.Options([]) is null)
        {
            return null;
        }

        if (step.Scope.System is { DeclaresBackup: false } system)
        {
            step.Reader.Report(step.KeyNode, $"{step.What} destroys the backups of system '{system.Id}', which declares none.",
                $"add 'backup: {{ method: files, share: /backups }}' to system '{system.Id}' (share: where the system itself can reach its backups)");
            return null;
        }

        return new DeleteBackupsStep(step.At);
    }

    private static readonly string[] Sources = ["latest", "baseline"];
    private static readonly string[] Fallbacks = ["none", "next-intact"];

    /// <summary><c>restore-backup: latest | baseline | ID</c> or <c>{ from: ..., fallback: none | next-intact }</c>.</summary>
    public static RestoreBackupStep? RestoreBackup(StepText step)
    {
        var fields = step.Args is YamlMappingNode ? step.Options(["from", "fallback"]) : null;
        if (step.Args is YamlMappingNode && fields is null)
        {
            return null;
        }

        var node = fields is null ? step.Args : fields.Required("from", "latest");
        if (node is null)
        {
            return null;
        }

        if (NodeReader.IsNull(node))
        {
            step.Reader.Report(step.KeyNode, $"{step.What} does not say which backup to restore.", $"write 'restore-backup: latest', 'restore-backup: baseline' or a backup id such as 'restore-backup: {BackupIds.Example}'");
            return null;
        }

        var fallback = fields?.Optional("fallback") is { } f ? Fallback(step, f) : BackupFallback.None;
        var source = Source(step, node);
        return source is null || fallback is null ? null : source with { Fallback = fallback.Value };
    }

    private static RestoreBackupStep? Source(StepText step, YamlNode node)
    {
        var text = step.Reader.Text(node, $"the source of {step.What}");
        switch (text)
        {
            case null: return null;
            case "baseline": return new RestoreBackupStep(BackupSource.Baseline, step.At);
            case "latest": return new RestoreBackupStep(BackupSource.Latest, step.At);
        }

        if (!BackupIds.IsValid(text))
        {
            step.Reader.Report(node, $"'{Shown.Quote(text)}' in {step.What} is neither 'latest', 'baseline' nor a backup id.",
                Suggestions.Nearest(text, Sources) is not null
                    ? Suggestions.Fix(text, Sources)
                    : $"write 'latest', 'baseline', or a backup id as 'drills backups' lists it, such as {BackupIds.Example}");
            return null;
        }

        if (step.Scope.System is { DeclaresBackup: false } system)
        {
            step.Reader.Report(node, $"{step.What} names backup {text}, but system '{system.Id}' declares no backup.",
                $"add 'backup: {{ method: files }}' to system '{system.Id}', or write 'restore-backup: baseline'");
            return null;
        }

        return new RestoreBackupStep(BackupSource.Id, step.At) { BackupId = text };
    }

    private static BackupFallback? Fallback(StepText step, YamlNode node)
    {
        switch (step.Reader.Text(node, $"'fallback' of {step.What}"))
        {
            case "none": return BackupFallback.None;
            case "next-intact": return BackupFallback.NextIntact;
            case null: return null;
            case var other:
                step.Reader.Report(node, $"'fallback' of {step.What} is '{Shown.Quote(other)}'.", Suggestions.Fix(other, Fallbacks));
                return null;
        }
    }

    [GeneratedRegex(@"^([0-9]{1,12})(B|KiB|MiB|GiB)\z", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
