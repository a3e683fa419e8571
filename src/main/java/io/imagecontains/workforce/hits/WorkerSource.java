package io.imagecontains.workforce.hits;

/**
 * Where the people (or simulated people) who answer HITs come from. The registry tells every source
 * when an assignment slot opens; a source answers through the {@link Workplace}: it accepts the
 * slot for one of its workers, later submits an answer, or lets it time out. The simulated crowd is
 * one source; a web page for human workers is another.
 *
 * <p>Callbacks run under the registry lock, on whichever thread moved the simulation: they must be
 * quick and must not block. A source that needs time schedules with {@link Workplace#at}.
 */
public interface WorkerSource {

  /** One more assignment of {@code hit} can be accepted now. Called once per opened slot. */
  void slotOpened(Hit hit, Workplace workplace);
}
