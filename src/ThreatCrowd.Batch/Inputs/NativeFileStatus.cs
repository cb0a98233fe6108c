using System.Runtime.InteropServices;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>The runtime's stat(2), whose result layout it defines itself (the fields up to the inode are used).</summary>
internal static partial class NativeFileStatus
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct Status
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Stat(string path, out Status status);
}
