using System.Reflection;
using System.Reflection.Emit;

namespace ThreatCrowd.Batch.Tests.Architecture;

/// <summary>
/// The types one type of the program uses, read from the compiled assembly: its base and interfaces, fields,
/// properties, method signatures, local variables, caught exceptions, every type, method and field its IL names,
/// and the types those methods and fields take and give.
/// Reading the IL rather than the sources catches fully qualified names and ignores comments; compiler-made types
/// (lambdas, async state machines) are nested in the type they came from, so their uses count as its uses.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Expand(t, found);
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var f in type.GetFields(Declared))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(Declared))
        {
            Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo method)
            {
                Add(method.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            var body = m.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                Add(local.LocalType);
            }

            foreach (var clause in body.ExceptionHandlingClauses)
            {
                if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
                {
                    Add(clause.CatchType);
                }
            }

            foreach (var member in MembersNamedIn(m, body.GetILAsByteArray() ?? []))
            {
                Add(member as Type ?? member.DeclaringType);

                // What a call hands over or gets back counts too (a connection passed along is a connection used).
                // Such a use is one the callee's own folder has already, so it never makes a folder cycle of its own.
                if (member is MethodBase callee)
                {
                    Add((callee as MethodInfo)?.ReturnType);
                    foreach (var p in callee.GetParameters())
                    {
                        Add(p.ParameterType);
                    }
                }
                else if (member is FieldInfo field)
                {
                    Add(field.FieldType);
                }

                if (member is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        Add(argument);
                    }
                }
            }
        }

        return found;
    }

    private static void Expand(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Expand(type.GetElementType(), found);
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Expand(argument, found);
            }

            type = type.GetGenericTypeDefinition();
        }

        found.Add(type);
    }

    private static IEnumerable<MemberInfo> MembersNamedIn(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    var member = Resolve(module, BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                    if (member is not null)
                    {
                        yield return member;
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += OperandSize(op.OperandType);
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
