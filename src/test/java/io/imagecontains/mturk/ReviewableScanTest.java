package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The scan reports each reviewable HIT to the core once, again only after {@code re-report}, and
 * never reads more pages than allowed; a moved clock stands in for time.
 */
class ReviewableScanTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
  private final List<HitEvent> sent = new ArrayList<>();
  private final AtomicInteger pagesRead = new AtomicInteger();
  private List<List<HitEvent.HitReviewable>> listing = List.of();

  private ReviewableScan scan(int maxPages) {
    return new ReviewableScan(
        this::page,
        e -> {
          sent.add(e);
          return Uni.createFrom().voidItem();
        },
        clock,
        Duration.ofMinutes(2),
        maxPages);
  }

  @Test
  void eachHitIsReportedOnceWhileItStaysListed() {
    ReviewableScan scan = scan(10);
    listing = List.of(List.of(hit(1), hit(2)), List.of(hit(3)));

    assertThat(scan.scan().await().indefinitely().reported()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(10));
    assertThat(scan.scan().await().indefinitely().reported()).isZero();

    assertThat(sent).containsExactly(hit(1), hit(2), hit(3));
  }

  @Test
  void aHitStillListedAfterTheReReportTimeIsReportedAgain() {
    ReviewableScan scan = scan(10);
    listing = List.of(List.of(hit(1)));
    scan.scan().await().indefinitely();

    clock.advance(Duration.ofMinutes(2));
    listing = List.of(List.of(hit(1), hit(2)));
    assertThat(scan.scan().await().indefinitely().reported()).isEqualTo(2);

    assertThat(sent).containsExactly(hit(1), hit(1), hit(2));
  }

  @Test
  void aHitThatLeftTheListIsNewAgainWhenItComesBack() {
    ReviewableScan scan = scan(10);
    listing = List.of(List.of(hit(1)));
    scan.scan().await().indefinitely();
    listing = List.of(List.of()); // extended: Assignable again
    scan.scan().await().indefinitely();

    listing = List.of(List.of(hit(1))); // its new answers are all in
    assertThat(scan.scan().await().indefinitely().reported()).isEqualTo(1);
    assertThat(sent).containsExactly(hit(1), hit(1));
  }

  @Test
  void onlyHitsNotListedBeforeCountAsFresh() {
    ReviewableScan scan = scan(10);
    listing = List.of(List.of(hit(1)));
    assertThat(scan.scan().await().indefinitely()).isEqualTo(new ReviewableScan.Scanned(1, 1));

    clock.advance(Duration.ofMinutes(2));
    listing = List.of(List.of(hit(1), hit(2)));
    assertThat(scan.scan().await().indefinitely()).isEqualTo(new ReviewableScan.Scanned(2, 1));
    assertThat(scan.scan().await().indefinitely()).isEqualTo(new ReviewableScan.Scanned(0, 0));
  }

  @Test
  void aScanReadsNoMorePagesThanAllowed() {
    ReviewableScan scan = scan(2);
    listing = List.of(List.of(hit(1)), List.of(hit(2)), List.of(hit(3)));

    assertThat(scan.scan().await().indefinitely().reported()).isEqualTo(2);
    assertThat(pagesRead).hasValue(2);
    assertThat(sent).containsExactly(hit(1), hit(2));
  }

  private Uni<ReviewablePage> page(String token) {
    pagesRead.incrementAndGet();
    int index = token == null ? 0 : Integer.parseInt(token);
    String next = index + 1 < listing.size() ? String.valueOf(index + 1) : null;
    return Uni.createFrom().item(new ReviewablePage(listing.get(index), next));
  }

  private static HitEvent.HitReviewable hit(int n) {
    return new HitEvent.HitReviewable("image-contains/t" + n, "HIT" + n, 2, false);
  }
}
