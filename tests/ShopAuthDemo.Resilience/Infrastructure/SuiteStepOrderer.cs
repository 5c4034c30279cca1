using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace ShopAuthDemo.Resilience.Infrastructure;

/// <summary>Runs the test classes in the order of their <see cref="SuiteStepAttribute"/>.</summary>
public sealed class SuiteStepOrderer : ITestClassOrderer
{
    public IReadOnlyCollection<TTestClass?> OrderTestClasses<TTestClass>(IReadOnlyCollection<TTestClass?> testClasses)
        where TTestClass : ITestClass =>
        [.. testClasses.OrderBy(StepOf).ThenBy(testClass => testClass?.TestClassName, StringComparer.Ordinal)];

    private static int StepOf<TTestClass>(TTestClass? testClass) where TTestClass : ITestClass =>
        (testClass as IXunitTestClass)?.Class.GetCustomAttribute<SuiteStepAttribute>()?.Step ?? int.MaxValue;
}
