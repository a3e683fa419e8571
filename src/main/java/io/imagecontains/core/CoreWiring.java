package io.imagecontains.core;

import java.time.Duration;

/**
 * What the core's processor needs besides its stores.
 *
 * @param hitEventsTopic records from this topic are HIT events; all others are task commands
 * @param tick how often to look for tasks due to wake up
 */
public record CoreWiring(
    HitLifecycle lifecycle,
    TaskMetrics metrics,
    String hitEventsTopic,
    Duration tick,
    int maxWakeupsPerTick) {}
