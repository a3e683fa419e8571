package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.adjudication.AdjudicationSettings;
import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.mturk.HitCommand;
import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.HitWork.Phase;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskKey;
import io.imagecontains.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A HIT's life through the pure lifecycle. Workers are trusted at 0.9 and confidence is 0.99, so
 * one answer weighs logit(0.9) ≈ 2.2 against a threshold of logit(0.99) ≈ 4.6: three agreeing
 * answers decide, two do not.
 */
class HitLifecycleTest {

  static final long SECOND = 1000;
  static final LifecycleSettings SETTINGS =
      new LifecycleSettings(
          60 * SECOND,
          3600 * SECOND,
          30 * SECOND,
          600 * SECOND,
          60 * SECOND,
          attempt -> (10L << Math.min(attempt, 6)) * SECOND);
  static final AdjudicationSettings TRUSTING =
      new AdjudicationSettings(0.9, 0.9, 0.99, 9, 0.5, 4, 0.98, 1000, 1);

  private final HitLifecycle lifecycle = new HitLifecycle(new Adjudicator(TRUSTING), SETTINGS);
  private final WorkerReliability nobody = WorkerReliability.empty();
  private long now = 1_000_000;
  private int assignment;

  @Test
  void aNewTaskAsksForTheFewestAnswersThatCouldDecide() {
    HitStep step = lifecycle.start(created(), nobody, now);

    HitCommand.CreateHit create = (HitCommand.CreateHit) step.commands().get(0);
    assertThat(create.maxAssignments()).isEqualTo(3);
    assertThat(create.token()).startsWith("ic-").hasSizeLessThanOrEqualTo(64);
    assertThat(create.label()).isEqualTo("dog");
    assertThat(step.task().work().phase()).isEqualTo(Phase.CREATING);
    assertThat(step.task().work().wakeAt()).isEqualTo(now + 60 * SECOND);
  }

  @Test
  void retryingTheCreationReusesTheTokenSoMTurkMakesOneHit() {
    HitStep first = lifecycle.start(created(), nobody, now);
    now += 60 * SECOND;

    HitStep retry = lifecycle.onWake(first.task(), now);

    assertThat(((HitCommand.CreateHit) retry.commands().get(0)).token())
        .isEqualTo(((HitCommand.CreateHit) first.commands().get(0)).token());
    assertThat(retry.task().work().wakeAt()).isEqualTo(now + 60 * SECOND);
  }

  @Test
  void agreeingAnswersCompleteTheTaskThenTheHitIsApprovedAndDeletedWithoutExpiring() {
    Task task = collecting(3);
    now += 10 * SECOND;
    HitStep poll = lifecycle.onWake(task, now);
    assertThat(poll.commands()).singleElement().isInstanceOf(HitCommand.ListAssignments.class);

    HitStep decided =
        lifecycle.onEvent(poll.task(), listed(poll.task(), true, true, true), nobody, now);

    assertThat(decided.task().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(decided.task().containsTarget()).isTrue();
    assertThat(decided.task().work().confidence()).isGreaterThanOrEqualTo(0.99);
    assertThat(decided.read()).as("answers to learn from").hasSize(3);
    assertThat(decided.commands()).singleElement().isInstanceOf(HitCommand.Approve.class);
    HitCommand.Approve approve = (HitCommand.Approve) decided.commands().get(0);
    assertThat(approve.assignmentIds()).hasSize(3);

    HitStep approved =
        lifecycle.onEvent(
            decided.task(),
            new HitEvent.Approved(key(), "HIT1", approve.assignmentIds()),
            nobody,
            now);
    assertThat(approved.commands()).singleElement().isInstanceOf(HitCommand.DeleteHit.class);

    HitStep deleted =
        lifecycle.onEvent(approved.task(), new HitEvent.HitDeleted(key(), "HIT1"), nobody, now);
    assertThat(deleted.task().work().phase()).isEqualTo(Phase.DONE);
    assertThat(deleted.task().work().wakeAt()).isZero();
  }

  @Test
  void disagreementExtendsTheHitByTheFewestAnswersThatCouldDecide() {
    Task task = collecting(3);

    HitStep step = lifecycle.onEvent(task, listed(task, true, true, false), nobody, now);

    assertThat(step.task().state()).isEqualTo(TaskState.PROCESSING);
    HitCommand.AddAssignments add = (HitCommand.AddAssignments) step.commands().get(0);
    assertThat(add.count()).isEqualTo(2); // +2.2 so far; two more agreeing reach 6.6 ≥ 4.6
    assertThat(add.round()).isEqualTo(1);
    assertThat(step.task().work().maxAssignments()).isEqualTo(5);
    assertThat(add.token()).isNotEqualTo(step.task().work().token());
  }

  @Test
  void aRepeatedListingChangesNothing() {
    Task task = collecting(3);
    HitEvent.AssignmentsListed twoAnswers = listed(task, true, true);
    HitStep first = lifecycle.onEvent(task, twoAnswers, nobody, now);

    HitStep again = lifecycle.onEvent(first.task(), twoAnswers, nobody, now);

    assertThat(again.task().work().answers()).hasSize(2);
    assertThat(again.commands()).isEmpty();
    assertThat(again.task().state()).isEqualTo(TaskState.PROCESSING);
  }

  @Test
  void newAnswersResetThePollingBackoff() {
    Task task = collecting(3);
    for (int i = 0; i < 3; i++) {
      now += task.work().wakeAt() - now;
      task = lifecycle.onWake(task, now).task();
      task = lifecycle.onEvent(task, listed(task), nobody, now).task(); // nothing new yet
    }
    assertThat(task.work().pollAttempt()).isEqualTo(3);
    long quietDelay = task.work().wakeAt() - now;

    Task answered = lifecycle.onEvent(task, listed(task, true), nobody, now).task();

    assertThat(answered.work().pollAttempt()).isZero();
    assertThat(answered.work().wakeAt() - now).isLessThan(quietDelay);
  }

  @Test
  void theCapWithoutConfidenceFailsWithInsufficientAgreement() {
    Task task = collecting(9);

    HitStep step =
        lifecycle.onEvent(
            task,
            listed(task, true, false, true, false, true, false, true, false, true),
            nobody,
            now);

    assertThat(step.task().state()).isEqualTo(TaskState.FAILED);
    assertThat(step.task().problem().code()).isEqualTo("InsufficientAgreement");
    assertThat(step.commands()).singleElement().isInstanceOf(HitCommand.Approve.class);
  }

  @Test
  void pastTheLifetimeTheTaskFailsExpiredAndTheOpenHitIsExpiredNow() {
    Task task = collecting(3);
    task = lifecycle.onEvent(task, listed(task, true), nobody, now).task();
    now = task.work().expiresAt() + 600 * SECOND;

    HitStep step = lifecycle.onWake(task, now);

    assertThat(step.task().state()).isEqualTo(TaskState.FAILED);
    assertThat(step.task().problem().code()).isEqualTo("Expired");
    assertThat(step.task().problem().message())
        .isEqualTo("Not enough Workers provided answers for your task within the allotted time.");
    assertThat(step.commands())
        .hasExactlyElementsOfTypes(HitCommand.Approve.class, HitCommand.ExpireHit.class);

    HitStep approved =
        lifecycle.onEvent(
            step.task(),
            new HitEvent.Approved(key(), "HIT1", step.task().work().toApprove()),
            nobody,
            now);
    assertThat(approved.commands()).isEmpty(); // not deletable while assignable
    HitStep expired =
        lifecycle.onEvent(approved.task(), new HitEvent.HitExpired(key(), "HIT1"), nobody, now);
    assertThat(expired.commands()).singleElement().isInstanceOf(HitCommand.DeleteHit.class);
  }

  @Test
  void unreadableAnswersUseAnAssignmentButCastNoVote() {
    Task task = collecting(3);
    List<HitEvent.WorkerAnswer> answers = new ArrayList<>(listed(task, true, true).answers());
    answers.add(
        new HitEvent.WorkerAnswer("A-bad", "W-bad", null, "malformed XML", "Submitted", now));

    HitStep step =
        lifecycle.onEvent(
            task, new HitEvent.AssignmentsListed(key(), "HIT1", answers), nobody, now);

    assertThat(step.task().work().unreadable()).containsExactly("A-bad");
    assertThat(step.task().state()).isEqualTo(TaskState.PROCESSING);
    assertThat(step.commands()).singleElement().isInstanceOf(HitCommand.AddAssignments.class);
  }

  @Test
  void aRefusedCreationFailsTheTaskAndLeavesNothingToClean() {
    Task task = lifecycle.start(created(), nobody, now).task();

    HitStep step =
        lifecycle.onEvent(
            task,
            new HitEvent.CallFailed(
                key(), null, "CreateHit", "InsufficientFunds", "no money", false),
            nobody,
            now);

    assertThat(step.task().state()).isEqualTo(TaskState.FAILED);
    assertThat(step.task().problem().code()).isEqualTo("HitCreationFailed");
    assertThat(step.task().work().phase()).isEqualTo(Phase.DONE);
    assertThat(step.commands()).isEmpty();
  }

  @Test
  void aHitReportedAfterTheTaskGaveUpIsStillCleanedUp() {
    Task task = lifecycle.start(created(), nobody, now).task();
    now += 3600 * SECOND;
    Task gaveUp = lifecycle.onWake(task, now).task();
    assertThat(gaveUp.state()).isEqualTo(TaskState.FAILED);

    HitStep late =
        lifecycle.onEvent(
            gaveUp, new HitEvent.HitCreated(key(), "HIT9", 3, now + 3600 * SECOND), nobody, now);

    assertThat(late.commands()).extracting(c -> c.getClass().getSimpleName()).contains("ExpireHit");
  }

  @Test
  void aWakeWhileAPollIsQueuedSendsNothingMore() {
    Task task = collecting(3);
    now = task.work().wakeAt();
    HitStep polled = lifecycle.onWake(task, now);
    assertThat(polled.commands()).hasSize(1);
    assertThat(polled.task().work().pendingCalls()).isEqualTo(1);

    now = polled.task().work().wakeAt();
    HitStep again = lifecycle.onWake(polled.task(), now);

    assertThat(again.commands()).isEmpty();
    assertThat(again.task().work().wakeAt()).isGreaterThan(now);
    assertThat(again.task().work().pollAttempt()).isEqualTo(polled.task().work().pollAttempt());
  }

  @Test
  void aCallUnansweredPastTheTimeoutIsSentAgain() {
    Task task = collecting(3);
    now = task.work().wakeAt();
    Task polled = lifecycle.onWake(task, now).task();

    now += 60 * SECOND; // SETTINGS' call timeout
    HitStep again = lifecycle.onWake(polled, now);

    assertThat(again.commands()).singleElement().isInstanceOf(HitCommand.ListAssignments.class);
  }

  @Test
  void theAnswerToAPollSettlesItSoTheNextWakePollsAgain() {
    Task task = collecting(3);
    now = task.work().wakeAt();
    Task polled = lifecycle.onWake(task, now).task();
    Task answered = lifecycle.onEvent(polled, listed(polled, true), nobody, now).task();
    assertThat(answered.work().pendingCalls()).isZero();

    now = answered.work().wakeAt();
    assertThat(lifecycle.onWake(answered, now).commands())
        .singleElement()
        .isInstanceOf(HitCommand.ListAssignments.class);
  }

  @Test
  void aReviewableHitIsReadAtOnceInsteadOfAtItsNextPoll() {
    Task task = collecting(3);

    HitStep step =
        lifecycle.onEvent(task, new HitEvent.HitReviewable(key(), "HIT1", 3, false), nobody, now);

    assertThat(step.commands())
        .singleElement()
        .isEqualTo(new HitCommand.ListAssignments(key(), "HIT1"));
    assertThat(step.task().work().pendingCalls()).isEqualTo(1);
  }

  @Test
  void aReviewableReportIsNotTheAnswerToACall() {
    Task task = collecting(3);
    Task polled =
        lifecycle
            .onEvent(task, new HitEvent.HitReviewable(key(), "HIT1", 3, false), nobody, now)
            .task();

    HitStep repeat =
        lifecycle.onEvent(polled, new HitEvent.HitReviewable(key(), "HIT1", 3, false), nobody, now);

    assertThat(repeat.commands()).isEmpty(); // the listing on its way will show the answers
    assertThat(repeat.task().work().pendingCalls()).isEqualTo(1);
  }

  @Test
  void aReviewableReportOfAnotherHitOrAFinishedTaskChangesNothing() {
    Task task = collecting(3);
    assertThat(
            lifecycle
                .onEvent(task, new HitEvent.HitReviewable(key(), "HIT2", 3, false), nobody, now)
                .task())
        .isEqualTo(task);

    Task decided = lifecycle.onEvent(task, listed(task, true, true, true), nobody, now).task();
    assertThat(decided.work().phase()).isEqualTo(Phase.CLEANUP);
    HitStep late =
        lifecycle.onEvent(
            decided, new HitEvent.HitReviewable(key(), "HIT1", 3, false), nobody, now);
    assertThat(late.commands()).isEmpty();
  }

  @Test
  void aReviewableReportFromBeforeAnExtensionIsStale() {
    Task task = collecting(3);
    Task extended = lifecycle.onEvent(task, listed(task, true, true, false), nobody, now).task();
    HitCommand.AddAssignments add =
        (HitCommand.AddAssignments)
            lifecycle.onEvent(task, listed(task, true, true, false), nobody, now).commands().get(0);
    Task confirmed =
        lifecycle
            .onEvent(
                extended,
                new HitEvent.AssignmentsAdded(key(), "HIT1", add.round(), add.count()),
                nobody,
                now)
            .task();

    HitStep stale =
        lifecycle.onEvent(
            confirmed, new HitEvent.HitReviewable(key(), "HIT1", 3, false), nobody, now);

    assertThat(stale.commands()).isEmpty();
    assertThat(stale.task()).isEqualTo(confirmed);
  }

  @Test
  void aHitThatExpiredUnfilledFailsTheTaskAsExpiredOnceItsAnswersAreRead() {
    Task task = collecting(3);
    HitStep read =
        lifecycle.onEvent(task, new HitEvent.HitReviewable(key(), "HIT1", 3, true), nobody, now);
    assertThat(read.commands()).singleElement().isInstanceOf(HitCommand.ListAssignments.class);

    HitStep step = lifecycle.onEvent(read.task(), listed(read.task(), true), nobody, now);

    assertThat(step.task().state()).isEqualTo(TaskState.FAILED);
    assertThat(step.task().problem().code()).isEqualTo("Expired");
    assertThat(step.commands()) // the answer received is paid; the expired HIT is not expired again
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("Approve");
  }

  @Test
  void anExtensionThatFailedForNowIsAskedForAgainWithTheSameToken() {
    Task task = collecting(3);
    HitStep split = lifecycle.onEvent(task, listed(task, true, true, false), nobody, now);
    HitCommand.AddAssignments add = (HitCommand.AddAssignments) split.commands().get(0);
    assertThat(split.task().work().extending()).isEqualTo(add.count());

    HitStep retried =
        lifecycle.onEvent(
            split.task(),
            new HitEvent.CallFailed(
                key(), "HIT1", "AddAssignments", "ThrottlingException", "slow down", true),
            nobody,
            now);

    assertThat(retried.commands()).singleElement().isEqualTo(add);
    assertThat(retried.task().work().maxAssignments())
        .isEqualTo(split.task().work().maxAssignments());
  }

  @Test
  void aConfirmedExtensionIsNotAskedForAgain() {
    Task task = collecting(3);
    HitStep split = lifecycle.onEvent(task, listed(task, true, true, false), nobody, now);
    HitCommand.AddAssignments add = (HitCommand.AddAssignments) split.commands().get(0);
    Task confirmed =
        lifecycle
            .onEvent(
                split.task(),
                new HitEvent.AssignmentsAdded(key(), "HIT1", add.round(), add.count()),
                nobody,
                now)
            .task();

    assertThat(confirmed.work().extending()).isZero();
    HitStep failedLater =
        lifecycle.onEvent(
            confirmed,
            new HitEvent.CallFailed(
                key(), "HIT1", "AddAssignments", "ServiceUnavailable", "try later", true),
            nobody,
            now);
    assertThat(failedLater.commands()).isEmpty();
  }

  private Task collecting(int maxAssignments) {
    Task task = lifecycle.start(created(), nobody, now).task();
    HitStep step =
        lifecycle.onEvent(
            task,
            new HitEvent.HitCreated(key(), "HIT1", maxAssignments, now + 3600 * SECOND),
            nobody,
            now);
    assertThat(step.task().work().phase()).isEqualTo(Phase.COLLECTING);
    assertThat(step.task().work().wakeAt()).isEqualTo(now + 10 * SECOND);
    return step.task();
  }

  private HitEvent.AssignmentsListed listed(Task task, boolean... yes) {
    List<HitEvent.WorkerAnswer> answers = new ArrayList<>();
    for (boolean answer : yes) {
      assignment++;
      answers.add(
          new HitEvent.WorkerAnswer(
              "A" + assignment, "W" + assignment, answer, null, "Submitted", now));
    }
    return new HitEvent.AssignmentsListed(key(), "HIT1", answers);
  }

  private Task created() {
    return Task.created(
        new TaskKey("image-contains", "t1"), TaskInput.of("https://x.org/a.jpg", "dog"), "c1", now);
  }

  private static String key() {
    return "image-contains/t1";
  }
}
