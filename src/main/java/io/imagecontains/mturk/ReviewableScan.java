package io.imagecontains.mturk;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One scan of the HITs MTurk lists as Reviewable: each HIT of ours is reported to the core once,
 * and again if it is still listed {@code reReport} later (the core may have been busy with a call
 * for it, or the HIT waits on its cleanup). What was reported is remembered only while the HIT is
 * still listed, so the memory is bounded by the list. Scans run one at a time.
 */
final class ReviewableScan {

  private final Function<String, Uni<ReviewablePage>> pages;
  private final Function<HitEvent, Uni<Void>> events;
  private final Clock clock;
  private final Duration reReport;
  private final int maxPages;
  private final Map<String, Long> reported = new HashMap<>();

  ReviewableScan(
      Function<String, Uni<ReviewablePage>> pages,
      Function<HitEvent, Uni<Void>> events,
      Clock clock,
      Duration reReport,
      int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("mturk.reviewable.max-pages must be at least 1");
    }
    this.pages = pages;
    this.events = events;
    this.clock = clock;
    this.reReport = reReport;
    this.maxPages = maxPages;
  }

  /** Reads the list and reports what is new or due again. */
  Uni<Scanned> scan() {
    return read(null, new ArrayList<>(), 1).chain(this::report);
  }

  private Uni<Listing> read(String token, List<HitEvent.HitReviewable> seen, int page) {
    return pages
        .apply(token)
        .chain(
            p -> {
              seen.addAll(p.hits());
              boolean more = p.nextToken() != null && !p.nextToken().equals(token);
              if (more && page < maxPages) {
                return read(p.nextToken(), seen, page + 1);
              }
              return Uni.createFrom().item(new Listing(seen, !more));
            });
  }

  private Uni<Scanned> report(Listing listing) {
    long now = clock.millis();
    List<HitEvent.HitReviewable> due = new ArrayList<>();
    int fresh = 0;
    Set<String> listed = new HashSet<>();
    synchronized (reported) {
      for (HitEvent.HitReviewable hit : listing.hits()) {
        listed.add(hit.hitId());
        Long at = reported.get(hit.hitId());
        if (at == null || now - at >= reReport.toMillis()) {
          reported.put(hit.hitId(), now);
          due.add(hit);
          fresh += at == null ? 1 : 0;
        }
      }
      if (listing.complete()) {
        reported.keySet().retainAll(listed); // deleted or back to Assignable: forget it
      }
    }
    Scanned scanned = new Scanned(due.size(), fresh);
    if (due.isEmpty()) {
      return Uni.createFrom().item(scanned);
    }
    return Uni.join().all(due.stream().map(events).toList()).andFailFast().replaceWith(scanned);
  }

  /**
   * What one scan did.
   *
   * @param reported HITs reported to the core (new ones and those due again)
   * @param fresh of those, HITs not listed at the previous scan: answers newly all in
   */
  record Scanned(int reported, int fresh) {}

  /** HITs read, and whether the list was read to its end. */
  private record Listing(List<HitEvent.HitReviewable> hits, boolean complete) {}
}
