namespace Feedback.Reliability.Tests;

/// <summary>Sizes of the runs: small by default so the suite stays fast; <c>FEEDBACK_SOAK=1</c> runs the long variants.</summary>
public static class Soak
{
    public static bool Enabled => Environment.GetEnvironmentVariable("FEEDBACK_SOAK") == "1";

    public static int Pick(int normal, int soak) => Enabled ? soak : normal;

    /// <summary>Bounds a wait on the child processes; generous because the machine may be busy. Never asserted on.</summary>
    public static TimeSpan Patience => TimeSpan.FromMinutes(Enabled ? 20 : 3);
}
