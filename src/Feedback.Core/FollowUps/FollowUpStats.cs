namespace Feedback.Core.FollowUps;

/// <summary>
/// The close-the-loop figures of a set of follow-ups: how many were opened and resolved, how many are still open and of
/// those overdue, the share of the resolved ones resolved by their due time, and the median hours from opening to
/// resolving (both null when none is resolved).
/// </summary>
public sealed record FollowUpStats(long Opened, long Resolved, long Open, long Overdue, double? ResolvedWithinDue, double? MedianHoursToResolve)
{
    public sealed class Tally
    {
        private readonly List<double> _hoursToResolve = [];
        private long _opened;
        private long _overdue;
        private long _withinDue;

        public void Add(FollowUp followUp)
        {
            _opened++;
            if (followUp.Status == FollowUpStatus.Resolved && followUp.ResolvedAt is { } resolvedAt)
            {
                _hoursToResolve.Add((resolvedAt - followUp.CreatedAt).TotalHours);
                _withinDue += resolvedAt <= followUp.DueAt ? 1 : 0;
            }
            else if (followUp.Overdue)
            {
                _overdue++;
            }
        }

        public FollowUpStats ToStats()
        {
            long resolved = _hoursToResolve.Count;
            return new(_opened, resolved, _opened - resolved, _overdue,
                resolved == 0 ? null : (double)_withinDue / resolved, resolved == 0 ? null : Median(_hoursToResolve));
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            var middle = values.Count / 2;
            return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
    }
}
