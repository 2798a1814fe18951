using System;
using System.IO;
using System.Linq;
using LoanWebhooks.Sdk.Fuzzing;
using LoanWebhooks.Sdk.Testing;
using SharpFuzz;

// Modes (see README "Fuzzing"):
//   libfuzzer            run under libfuzzer-dotnet against an instrumented LoanWebhooks.Sdk.dll (default)
//   afl                  run under afl-fuzz
//   seed <dir>           write every documented sample as a corpus file
//   replay <file|dir>... run inputs once without instrumentation (reproduce a crash, check a corpus)
string mode = args.Length > 0 ? args[0] : "libfuzzer";
switch (mode)
{
    case "libfuzzer":
        Fuzzer.LibFuzzer.Run(WebhookFuzzTarget.Run);
        return 0;
    case "afl":
        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            WebhookFuzzTarget.Run(buffer.ToArray());
        });
        return 0;
    case "seed" when args.Length == 2:
        Directory.CreateDirectory(args[1]);
        foreach (var sample in DocumentedSamples.All)
        {
            File.WriteAllBytes(Path.Combine(args[1], sample.Name.Replace('/', '_')), WebhookFuzzTarget.InputFor(sample.Provider, sample.Body.Span));
        }

        Console.WriteLine($"Wrote {DocumentedSamples.All.Count} seeds to {args[1]}.");
        return 0;
    case "replay" when args.Length > 1:
        var files = args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p) : new[] { p }).ToList();
        foreach (string file in files)
        {
            WebhookFuzzTarget.Run(File.ReadAllBytes(file));
        }

        Console.WriteLine($"Replayed {files.Count} inputs: no invariant violated.");
        return 0;
    default:
        Console.Error.WriteLine("usage: LoanWebhooks.Sdk.Fuzzing [libfuzzer | afl | seed <dir> | replay <file|dir>...]");
        return 2;
}
