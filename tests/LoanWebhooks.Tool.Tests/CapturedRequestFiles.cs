using System;
using System.IO;

namespace LoanWebhooks.Tool.Tests;

/// <summary>A temporary folder for the files a user would capture (body, headers, a key), removed after the test.</summary>
internal sealed class CapturedRequestFiles : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("loanwebhooks-tool-");

    public string Write(string name, byte[] content)
    {
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content)
    {
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder.FullName, name);

    public void Dispose() => _folder.Delete(recursive: true);
}
