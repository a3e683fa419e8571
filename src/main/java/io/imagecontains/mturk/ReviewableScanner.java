package io.imagecontains.mturk;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs a {@link ReviewableScan} while the service runs, one at a time, each after the wait {@link
 * ScanPace} sets: {@code mturk.reviewable.interval} while scans find newly reviewable HITs, up to
 * {@code mturk.reviewable.max-interval} while they find none. A failed scan is logged once per run
 * of failures and counts as finding nothing. Every replica scans; the core ignores the repeats this
 * makes.
 */
@ApplicationScoped
public class ReviewableScanner {

  private static final Logger LOG = Logger.getLogger(ReviewableScanner.class);

  /** What a failed scan counts as: nothing found (so scans slow down while MTurk fails). */
  private static final ReviewableScan.Scanned FAILED = new ReviewableScan.Scanned(0, 0);

  private final MTurkConfig.Reviewable config;
  private final ReviewableScan scan;
  private final ScanPace pace;
  private volatile ScheduledExecutorService timer;
  private volatile boolean failing;

  public ReviewableScanner(MTurkConfig config, HitCalls calls, HitEventSender events, Clock clock) {
    this.config = config.reviewable();
    this.scan =
        new ReviewableScan(
            calls::reviewable, events::send, clock, this.config.reReport(), this.config.maxPages());
    this.pace = new ScanPace(this.config.interval(), this.config.maxInterval());
  }

  void start(@Observes StartupEvent started) {
    if (!config.enabled()) {
      LOG.info("ListReviewableHITs scan off (mturk.reviewable.enabled=false): polling only");
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "reviewable-scan");
              thread.setDaemon(true);
              return thread;
            });
    schedule(config.interval());
  }

  void stop(@Observes ShutdownEvent stopping) {
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
  }

  private void schedule(Duration wait) {
    ScheduledExecutorService t = timer;
    if (t != null && !t.isShutdown()) {
      t.schedule(this::scanOnce, wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void scanOnce() {
    try {
      scan.scan()
          .onFailure()
          .recoverWithItem(this::failed)
          .subscribe()
          .with(
              scanned -> {
                scanned(scanned);
                schedule(pace.after(scanned.fresh()));
              },
              error -> schedule(pace.after(0)));
    } catch (RuntimeException e) {
      failed(e); // thrown before the scan began: the loop must go on all the same
      schedule(pace.after(0));
    }
  }

  private void scanned(ReviewableScan.Scanned scanned) {
    if (scanned == FAILED) {
      return; // logged
    }
    if (failing) {
      failing = false;
      LOG.info("ListReviewableHITs scan works again");
    }
    if (scanned.reported() > 0) {
      LOG.debugf("%d reviewable HITs reported to the core", scanned.reported());
    }
  }

  private ReviewableScan.Scanned failed(Throwable error) {
    if (!failing) {
      failing = true;
      LOG.warnf(
          "ListReviewableHITs scan failed (will retry, slowing down to max-interval): %s",
          error.getMessage());
    }
    return FAILED;
  }
}
