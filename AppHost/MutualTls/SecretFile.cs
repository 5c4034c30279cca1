namespace ShopAuthDemo.AppHost.MutualTls;

/// <summary>Writes a key file readable by its owner only, whole or not at all (a reader never sees half of it).</summary>
internal static class SecretFile
{
    public static void WriteAtomically(string path, string content, bool replace, bool secret = true)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, options)) writer.Write(content);
        try
        {
            File.Move(temporary, path, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
