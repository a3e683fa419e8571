package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.Assignment;
import software.amazon.awssdk.services.mturk.model.AssignmentStatus;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.HITStatus;
import software.amazon.awssdk.services.mturk.model.RequestErrorException;

/** MTurk's rules as the simulator enforces them, seen through the real SDK. */
class SimHitRulesTest {
  private static final String IMAGE = "https://img.example.org/a.jpg";
  private SimulatorFixture sim = SimulatorFixture.withCrowd("perfect-crowd.json");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aHitCreatedUnderTenCannotBeExtendedToTen() {
    HIT five = sim.create(hitFor(IMAGE, "dog", 5));
    extend(five.hitId(), 4, "extend-1");
    assertThat(getHit(five.hitId()).maxAssignments()).isEqualTo(9);

    assertThatThrownBy(() -> extend(five.hitId(), 1, "extend-2"))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e ->
                assertThat(e.turkErrorCode())
                    .isEqualTo("AWS.MechanicalTurk.InvalidMaximumAssignmentsIncrease"));
    assertThat(getHit(five.hitId()).maxAssignments()).isEqualTo(9);

    HIT ten = sim.create(hitFor(IMAGE, "cat", 10));
    extend(ten.hitId(), 5, "extend-3");
    assertThat(getHit(ten.hitId()).maxAssignments()).isEqualTo(15);
  }

  @Test
  void extendingAFinishedHitReopensItForNewWorkers() {
    HIT hit = sim.create(hitFor(IMAGE, "dog", 3));
    sim.advance(Duration.ofMinutes(5));
    assertThat(getHit(hit.hitId()).hitStatus()).isEqualTo(HITStatus.REVIEWABLE);

    extend(hit.hitId(), 2, "more-1");
    assertThat(getHit(hit.hitId()).hitStatus()).isEqualTo(HITStatus.ASSIGNABLE);
    sim.advance(Duration.ofMinutes(5));

    var assignments =
        await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hit.hitId()))).assignments();
    assertThat(assignments).hasSize(5).extracting(Assignment::workerId).doesNotHaveDuplicates();
  }

  @Test
  void anExtensionTokenIsHonouredOnce() {
    HIT hit = sim.create(hitFor(IMAGE, "dog", 3));
    extend(hit.hitId(), 2, "round-2");
    assertThatThrownBy(() -> extend(hit.hitId(), 2, "round-2"))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> assertThat(e.getMessage()).contains(hit.hitId()).contains("round-2"));
    assertThat(getHit(hit.hitId()).maxAssignments()).isEqualTo(5);
  }

  @Test
  void aRepeatedCreateTokenNamesTheExistingHitForTwentyFourHours() {
    HIT first = sim.create(hitFor(IMAGE, "dog", 3).uniqueRequestToken("task-42-r0"));

    assertThatThrownBy(() -> sim.create(hitFor(IMAGE, "dog", 3).uniqueRequestToken("task-42-r0")))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> {
              assertThat(e.turkErrorCode()).isEqualTo("AWS.MechanicalTurk.HitAlreadyExists");
              assertThat(e.getMessage()).contains(first.hitId());
            });
    assertThat(sim.server.inspection().hitsCreatedFor("image-contains/dog-task")).isEqualTo(1);

    sim.advance(Duration.ofHours(24)); // MTurk forgets tokens after a day
    HIT second = sim.create(hitFor(IMAGE, "dog", 3).uniqueRequestToken("task-42-r0"));
    assertThat(second.hitId()).isNotEqualTo(first.hitId());
    assertThat(sim.server.inspection().duplicateTasks())
        .containsEntry("image-contains/dog-task", 2L);
  }

  @Test
  void expiringEarlyStopsNewWorkButLetsAcceptedWorkFinish() {
    HIT hit = sim.create(hitFor(IMAGE, "dog", 5));
    sim.advance(Duration.ofSeconds(30)); // all five accepted, none submitted
    expireNow(hit.hitId());

    HIT expired = getHit(hit.hitId());
    assertThat(expired.hitStatus()).isEqualTo(HITStatus.UNASSIGNABLE);
    assertThat(expired.expiration()).isBeforeOrEqualTo(sim.clock.instant());
    sim.advance(Duration.ofMinutes(2));
    assertThat(getHit(hit.hitId()).hitStatus()).isEqualTo(HITStatus.REVIEWABLE);
    assertThat(sim.answersOf(hit.hitId())).hasSize(5);
  }

  @Test
  void expiringAnUntouchedHitMakesItReviewableAtOnce() {
    HIT hit = sim.create(hitFor(IMAGE, "dog", 3));
    expireNow(hit.hitId());
    HIT expired = getHit(hit.hitId());
    assertThat(expired.hitStatus()).isEqualTo(HITStatus.REVIEWABLE);
    sim.advance(Duration.ofHours(1));
    assertThat(sim.answersOf(hit.hitId())).isEmpty(); // nobody may accept an expired HIT
  }

  @Test
  void aHitExpiresAtTheEndOfItsLifetime() {
    sim.close();
    sim = SimulatorFixture.withCrowd("absent-crowd.json");
    HIT hit = sim.create(hitFor(IMAGE, "dog", 3).lifetimeInSeconds(600L));
    assertThat(hit.expiration()).isEqualTo(hit.creationTime().plusSeconds(600));

    sim.advance(Duration.ofSeconds(599));
    assertThat(getHit(hit.hitId()).hitStatus()).isEqualTo(HITStatus.ASSIGNABLE);
    sim.advance(Duration.ofSeconds(1));
    assertThat(getHit(hit.hitId()).hitStatus()).isEqualTo(HITStatus.REVIEWABLE);
    assertThat(sim.answersOf(hit.hitId())).isEmpty();
  }

  @Test
  void deletionNeedsAReviewableHitWithEveryAssignmentReviewed() {
    HIT hit = sim.create(hitFor(IMAGE, "dog", 2));
    assertThatThrownBy(() -> delete(hit.hitId()))
        .isInstanceOfSatisfying(
            RequestErrorException.class, e -> assertThat(e.getMessage()).contains("Assignable"));

    sim.advance(Duration.ofMinutes(5));
    var assignments =
        await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hit.hitId()))).assignments();
    await(sim.mturk.approveAssignment(b -> b.assignmentId(assignments.get(0).assignmentId())));
    assertThatThrownBy(() -> delete(hit.hitId()))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> assertThat(e.getMessage()).contains("not yet approved or rejected"));

    await(
        sim.mturk.rejectAssignment(
            b -> b.assignmentId(assignments.get(1).assignmentId()).requesterFeedback("no")));
    delete(hit.hitId());
    assertThat(getHit(hit.hitId()).hitStatus()).isEqualTo(HITStatus.DISPOSED);
    assertThat(await(sim.mturk.listReviewableHITs(b -> {})).hiTs()).isEmpty();
    assertThatThrownBy(() -> delete(hit.hitId())).isInstanceOf(RequestErrorException.class);
  }

  @Test
  void submittedAssignmentsAreApprovedAutomaticallyAfterTheDelay() {
    HIT hit = sim.create(hitFor(IMAGE, "dog", 2).autoApprovalDelayInSeconds(3600L));
    sim.advance(Duration.ofMinutes(5));
    var submitted = await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hit.hitId()))).assignments();
    assertThat(submitted)
        .extracting(Assignment::assignmentStatus)
        .containsOnly(AssignmentStatus.SUBMITTED);

    sim.advance(Duration.ofHours(1));
    var approved = await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hit.hitId()))).assignments();
    assertThat(approved)
        .extracting(Assignment::assignmentStatus)
        .containsOnly(AssignmentStatus.APPROVED);
    Assignment a = approved.get(0);
    assertThat(a.approvalTime()).isEqualTo(a.submitTime().plusSeconds(3600));
    delete(hit.hitId()); // everything reviewed: deletable
  }

  private HIT getHit(String hitId) {
    return await(sim.mturk.getHIT(b -> b.hitId(hitId))).hit();
  }

  private void extend(String hitId, int n, String token) {
    await(
        sim.mturk.createAdditionalAssignmentsForHIT(
            b -> b.hitId(hitId).numberOfAdditionalAssignments(n).uniqueRequestToken(token)));
  }

  private void expireNow(String hitId) {
    await(sim.mturk.updateExpirationForHIT(b -> b.hitId(hitId).expireAt(Instant.EPOCH)));
  }

  private void delete(String hitId) {
    await(sim.mturk.deleteHIT(b -> b.hitId(hitId)));
  }
}
