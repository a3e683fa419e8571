package io.imagecontains.mturk;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.mturk.model.HIT;

/**
 * Answers {@link HitCommand.CreateHit}. The command's {@code UniqueRequestToken} makes a repeat
 * (redelivery, a lost response, a restart) find the HIT the first attempt made: MTurk refuses it
 * with {@code HitAlreadyExists} naming that HIT, which is read back and reported as created. So no
 * task ever gets two HITs, within MTurk's 24 hours of memory for tokens.
 */
final class HitCreation {

  private static final Logger LOG = Logger.getLogger(HitCreation.class);

  /** MTurk's HIT ids: upper-case letters and digits (30 of them today). */
  private static final Pattern HIT_ID = Pattern.compile("\\b[A-Z0-9]{20,64}\\b");

  private final MTurkOperations mturk;
  private final HitRequests requests;
  private final WorkerExclusion exclusion;

  /**
   * @param exclusion when not null, every HIT requires workers not to have its qualification
   */
  HitCreation(MTurkOperations mturk, HitRequests requests, WorkerExclusion exclusion) {
    this.mturk = mturk;
    this.requests = requests;
    this.exclusion = exclusion;
  }

  Uni<HitEvent> create(HitCommand.CreateHit c) {
    Uni<String> excluded = exclusion == null ? Uni.createFrom().nullItem() : exclusion.typeId();
    return excluded
        .chain(typeId -> mturk.createHit(requests.create(c, typeId)))
        .onFailure(TurkCallException.withCode(TurkFailure.HIT_ALREADY_EXISTS))
        .recoverWithUni(error -> existingHit(c, (TurkCallException) error))
        .map(hit -> created(c, hit));
  }

  private Uni<HIT> existingHit(HitCommand.CreateHit c, TurkCallException error) {
    Optional<String> hitId =
        hitIdIn(error.failure().message(), HitRequests.requestToken(c.token()));
    if (hitId.isEmpty()) {
      return Uni.createFrom().failure(error); // nothing to look up: report MTurk's refusal
    }
    LOG.debugf("%s: token %s already made HIT %s", c.taskKey(), c.token(), hitId.get());
    return mturk.getHit(hitId.get());
  }

  /** The last HIT-id-shaped word of MTurk's message that is not our own token. */
  static Optional<String> hitIdIn(String message, String token) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = HIT_ID.matcher(message);
    String last = null;
    while (m.find()) {
      if (!m.group().equals(token)) {
        last = m.group();
      }
    }
    return Optional.ofNullable(last);
  }

  private static HitEvent created(HitCommand.CreateHit c, HIT hit) {
    return new HitEvent.HitCreated(
        c.taskKey(), hit.hitId(), hit.maxAssignments(), hit.expiration().toEpochMilli());
  }
}
