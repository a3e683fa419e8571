package io.imagecontains.workforce.protocol;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Decides, call by call, whether to inject a fault and how long to hold the response. Rates come
 * from {@link FaultSettings} and can be changed at run time; {@link #injectNext} queues exact
 * faults for deterministic tests. Thread-safe (synchronized; decisions are cheap).
 */
public final class FaultInjector {
  /** A decision for one call: the fault, and the added response latency. */
  public record Decision(Fault fault, Duration delay) {}

  /** For calls refused before faults apply (unsigned, unknown operation). */
  static final Decision NO_DELAY = new Decision(Fault.NONE, Duration.ZERO);

  private final Random random;
  private final Deque<Fault> queued = new ArrayDeque<>();
  private FaultSettings settings;

  public FaultInjector(FaultSettings settings, long seed) {
    this.settings = settings;
    this.random = new Random(seed);
  }

  public synchronized void update(FaultSettings newSettings) {
    this.settings = newSettings;
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /** The next {@code count} calls get {@code fault}, ahead of the random rates. */
  public synchronized void injectNext(Fault fault, int count) {
    for (int i = 0; i < count; i++) {
      queued.add(fault);
    }
  }

  public synchronized Decision decide() {
    Fault fault = queued.isEmpty() ? draw() : queued.poll();
    Duration delay = settings.fixedLatency();
    if (settings.spikeRate() > 0 && random.nextDouble() < settings.spikeRate()) {
      delay = delay.plus(settings.spikeLatency());
    }
    return new Decision(fault, delay);
  }

  private Fault draw() {
    double d = random.nextDouble();
    if (d < settings.throttleRate()) {
      return Fault.THROTTLE;
    }
    d -= settings.throttleRate();
    if (d < settings.serverErrorRate()) {
      return Fault.SERVER_ERROR;
    }
    d -= settings.serverErrorRate();
    return d < settings.lostResponseRate() ? Fault.LOST_RESPONSE : Fault.NONE;
  }
}
