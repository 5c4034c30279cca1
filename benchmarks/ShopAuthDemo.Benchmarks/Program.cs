using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ShopAuthDemo.Benchmarks  (or benchmarks/run.sh)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
