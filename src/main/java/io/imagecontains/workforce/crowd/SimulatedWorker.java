package io.imagecontains.workforce.crowd;

import java.time.Duration;
import java.util.Random;

/** One member of the simulated crowd, drawn from a {@link WorkerGroup}. */
public record SimulatedWorker(
    String id, String group, Behaviour behaviour, double accuracy, WorkerGroup spec) {

  /** Whether this worker answers "yes" for a HIT whose truth is {@code truth}. */
  public boolean answersYes(boolean truth, Random random) {
    return behaviour.answer(truth, accuracy, random);
  }

  Duration answerLatency(Random random) {
    return spec.latency().sample(random);
  }

  boolean abandons(Random random) {
    return random.nextDouble() < spec.abandonmentRate();
  }
}
