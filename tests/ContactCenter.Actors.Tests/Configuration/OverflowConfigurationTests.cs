using ContactCenter.Actors.Configuration;
using ContactCenter.Actors.Queues;
using Xunit;

namespace ContactCenter.Actors.Tests.Configuration;

/// <summary>Callbacks, escalation steps and hypercare in the configuration file.</summary>
public sealed class OverflowConfigurationTests
{
    private static string File(string queueExtra) => $$"""
        {
          "version": 1,
          "name": "test",
          "queues": [
            {
              "id": "pladsanvisning",
              "name": "Pladsanvisning",
              "requiredSkill": "pladsanvisning",
              "minLevel": 4,
              {{queueExtra}}
            }
          ],
          "agents": []
        }
        """;

    [Fact]
    public void A_queue_in_the_file_carries_its_callback_rule_escalation_steps_and_hypercare_period()
    {
        var (config, errors) = CenterConfiguration.Parse(File("""
              "callbacks": { "offerWhenMoreWaitingThan": 5, "offerWhenWaitAbove": "00:01:00", "maxAttempts": 3, "retryBackoff": "00:05:00" },
              "escalation": [ { "after": "00:00:45", "minLevel": 2 }, { "after": "00:02:00", "queueId": "hovednummer" } ],
              "hypercare": { "goLive": "2026-05-15T00:00:00+02:00", "weeks": 12, "department": "BUF", "skill": "buf-pladsanvisning",
                             "oldestWaitAbove": "00:01:30", "serviceLevelBelowPercent": 70 },
              "whenClosed": { "action": "Callback" }
            """));

        Assert.Empty(errors);
        var queue = config!.Queues[0].ToConfig();
        Assert.Equal(5, queue.Callbacks!.OfferWhenMoreWaitingThan);
        Assert.Equal(TimeSpan.FromMinutes(5), queue.Callbacks.RetryBackoff);
        Assert.Equal([TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(2)], queue.EffectiveEscalation.Select(s => s.After).ToArray());
        Assert.Equal("hovednummer", queue.EffectiveEscalation[1].QueueId);
        Assert.Equal(new DateTimeOffset(2026, 8, 7, 0, 0, 0, TimeSpan.FromHours(2)), queue.Hypercare!.Ends);
        Assert.Equal(ClosedAction.Callback, queue.EffectiveWhenClosed.Action);
    }

    [Fact]
    public void Bad_overflow_settings_in_the_file_name_the_field_and_the_line()
    {
        var (_, errors) = CenterConfiguration.Parse(File("""
              "callbacks": { "maxAttempts": 20 },
              "hypercare": { "goLive": "2026-05-15T00:00:00+02:00", "weeks": 0, "department": "BUF" }
            """));

        Assert.Contains(errors, e => e.Contains("$.queues[0].callbacks.maxAttempts: 20 is outside 1-10", StringComparison.Ordinal) && e.StartsWith("line ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.queues[0].hypercare.weeks: 0 is outside 1-104", StringComparison.Ordinal));
    }
}
