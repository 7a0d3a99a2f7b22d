using System.Reflection;
using System.Reflection.Emit;

namespace Drills.Orchestrator.Tests.Layers;

/// <summary>
/// Which namespace (folder) of an assembly uses which other, read from the compiled code: signatures,
/// attributes and every type, method and field token in the method bodies. Compiler-generated types
/// (closures, async state machines) count for the type that declares them.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), HashSet<string>> _witnesses = new();

    private NamespaceGraph(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            if (owner.Namespace is not { } from || owner.Assembly != assembly)
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                var target = Outermost(used);
                if (target.Assembly == assembly && target.Namespace is { } to && to != from)
                {
                    Add(from, to, $"{owner.Name} → {target.Name}");
                }
            }
        }
    }

    public static NamespaceGraph Of(Assembly assembly) => new(assembly);

    public IEnumerable<string> Namespaces => _edges.Keys;

    public IReadOnlySet<string> UsesOf(string ns) => _edges.TryGetValue(ns, out var set) ? set : new HashSet<string>();

    /// <summary>A few type pairs behind an edge, to name in a failure.</summary>
    public string Witness(string from, string to) =>
        _witnesses.TryGetValue((from, to), out var w) ? string.Join(", ", w.Order(StringComparer.Ordinal).Take(4)) : "";

    private void Add(string from, string to, string witness)
    {
        if (!_edges.TryGetValue(from, out var set))
        {
            _edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(to);
        if (!_witnesses.TryGetValue((from, to), out var w))
        {
            _witnesses[(from, to)] = w = new HashSet<string>(StringComparer.Ordinal);
        }

        w.Add(witness);
    }

    private static Type Outermost(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        return type;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.Add(baseType);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }

            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(BodyTypes(method));
        }

        return found.SelectMany(Expand);
    }

    /// <summary>A type with its element and generic argument types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Expand))
            : [type];
    }

    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            var operand = OperandSize(code.OperandType, il, i);
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = Resolve(module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (member is not null)
                {
                    yield return member;
                }
            }

            i += operand;
        }
    }

    private static Type? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs) switch
            {
                Type t => t,
                MethodInfo m => m.DeclaringType,
                ConstructorInfo c => c.DeclaringType,
                FieldInfo f => f.DeclaringType,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
