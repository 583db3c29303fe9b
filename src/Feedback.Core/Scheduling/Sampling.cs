using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Feedback.Core.Scheduling;

/// <summary>Deterministic sampling: the same customer and subject always fall on the same side of a rate.</summary>
public static class Sampling
{
    public static bool IsSampledIn(string customerId, string subjectId, double rate)
    {
        if (rate >= 1)
        {
            return true;
        }
        if (rate <= 0)
        {
            return false;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{customerId}\n{subjectId}"));
        var position = BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue;
        return position < rate;
    }
}
