package io.imagecontains.mturk;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Runs a {@link ReviewableScan} every {@code mturk.reviewable.interval} while the service runs (one
 * at a time: a tick that comes while a scan is still running is skipped). A failed scan is logged
 * once per run of failures and tried again at the next tick. Every replica scans; the core ignores
 * the repeats this makes.
 */
@ApplicationScoped
public class ReviewableScanner {

  private static final Logger LOG = Logger.getLogger(ReviewableScanner.class);

  private final MTurkConfig.Reviewable config;
  private final ReviewableScan scan;
  private volatile Cancellable running;
  private volatile boolean failing;

  public ReviewableScanner(MTurkConfig config, HitCalls calls, HitEventSender events, Clock clock) {
    this.config = config.reviewable();
    this.scan =
        new ReviewableScan(
            calls::reviewable, events::send, clock, this.config.reReport(), this.config.maxPages());
  }

  void start(@Observes StartupEvent started) {
    if (!config.enabled()) {
      LOG.info("ListReviewableHITs scan off (mturk.reviewable.enabled=false): polling only");
      return;
    }
    running =
        Multi.createFrom()
            .ticks()
            .startingAfter(config.interval())
            .every(config.interval())
            .onOverflow()
            .drop()
            .onItem()
            .transformToUniAndConcatenate(
                tick -> scan.scan().onFailure().recoverWithItem(this::failed))
            .subscribe()
            .with(this::scanned);
  }

  void stop(@Observes ShutdownEvent stopping) {
    Cancellable r = running;
    if (r != null) {
      r.cancel();
    }
  }

  private void scanned(int reported) {
    if (reported < 0) {
      return; // failed, logged
    }
    if (failing) {
      failing = false;
      LOG.info("ListReviewableHITs scan works again");
    }
    if (reported > 0) {
      LOG.debugf("%d reviewable HITs reported to the core", reported);
    }
  }

  private int failed(Throwable error) {
    if (!failing) {
      failing = true;
      LOG.warnf("ListReviewableHITs scan failed (will retry every tick): %s", error.getMessage());
    }
    return -1;
  }
}
