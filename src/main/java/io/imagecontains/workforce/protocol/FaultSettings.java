package io.imagecontains.workforce.protocol;

import java.time.Duration;

/**
 * Faults the Requester API injects, per call, to exercise a client's retry and idempotency:
 *
 * <ul>
 *   <li>{@code throttleRate}: refused with {@code ThrottlingException: Rate exceeded} (HTTP 400),
 *       which the AWS SDK retries with its throttling backoff;
 *   <li>{@code serverErrorRate}: refused with {@code ServiceFault} (HTTP 500) before acting;
 *   <li>{@code lostResponseRate}: the call <em>takes effect</em> but the client gets a {@code
 *       ServiceFault}, as when a response is lost: retries must be idempotent;
 *   <li>{@code fixedLatency} added to every response, plus {@code spikeLatency} on a {@code
 *       spikeRate} share of them (real time, not simulated time: it is network delay).
 * </ul>
 */
public record FaultSettings(
    double throttleRate,
    double serverErrorRate,
    double lostResponseRate,
    Duration fixedLatency,
    double spikeRate,
    Duration spikeLatency) {

  public static final FaultSettings NONE =
      new FaultSettings(0, 0, 0, Duration.ZERO, 0, Duration.ZERO);

  public FaultSettings {
    double refusals = throttleRate + serverErrorRate + lostResponseRate;
    if (throttleRate < 0 || serverErrorRate < 0 || lostResponseRate < 0 || refusals > 1) {
      throw new IllegalArgumentException("fault rates must be >= 0 and sum to at most 1");
    }
    if (spikeRate < 0 || spikeRate > 1 || fixedLatency.isNegative() || spikeLatency.isNegative()) {
      throw new IllegalArgumentException("latency settings must be non-negative, spikeRate <= 1");
    }
  }

  public FaultSettings withThrottleRate(double rate) {
    return new FaultSettings(
        rate, serverErrorRate, lostResponseRate, fixedLatency, spikeRate, spikeLatency);
  }

  public FaultSettings withServerErrorRate(double rate) {
    return new FaultSettings(
        throttleRate, rate, lostResponseRate, fixedLatency, spikeRate, spikeLatency);
  }

  public FaultSettings withLostResponseRate(double rate) {
    return new FaultSettings(
        throttleRate, serverErrorRate, rate, fixedLatency, spikeRate, spikeLatency);
  }

  public FaultSettings withLatency(Duration fixed, double spikes, Duration spike) {
    return new FaultSettings(throttleRate, serverErrorRate, lostResponseRate, fixed, spikes, spike);
  }
}
