package io.imagecontains.mturk;

import java.util.List;

/**
 * One page of {@code ListReviewableHITs}, reduced to the HITs this service created (those whose
 * RequesterAnnotation names a task).
 *
 * @param hits one {@link HitEvent.HitReviewable} per HIT of ours on the page
 * @param nextToken the next page's token; null on the last page
 */
public record ReviewablePage(List<HitEvent.HitReviewable> hits, String nextToken) {

  public ReviewablePage {
    hits = List.copyOf(hits);
  }
}
