package io.imagecontains.core;

import io.imagecontains.adjudication.ExclusionRule;
import java.time.Duration;

/**
 * What the core's processor needs besides its stores.
 *
 * @param hitEventsTopic records from this topic are HIT events; all others are task commands
 * @param tick how often to look for tasks due to wake up
 * @param exclusion which workers to keep off future HITs; null for none
 */
public record CoreWiring(
    HitLifecycle lifecycle,
    ExclusionRule exclusion,
    TaskMetrics metrics,
    String hitEventsTopic,
    Duration tick,
    int maxWakeupsPerTick) {}
