package io.imagecontains.core;

import io.imagecontains.adjudication.AdjudicationSettings;
import io.imagecontains.adjudication.Adjudicator;
import io.imagecontains.adjudication.Decision;
import io.imagecontains.adjudication.WorkerAnswer;
import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.mturk.HitCommand;
import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.HitWork;
import io.imagecontains.task.HitWork.Phase;
import io.imagecontains.task.Problem;
import io.imagecontains.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The life of an {@code image-contains} task's HIT, as a pure function: create it, poll it with
 * backoff, adjudicate the answers, extend it while answers disagree, then approve, expire and
 * delete it. Each call takes the task and what happened (an event from the gateway, or the task's
 * wake-up time) and returns the {@link HitStep}: the task afterwards and the calls to make.
 */
public final class HitLifecycle {

  /** The seed's message for a task that ran out of time. */
  static final Problem EXPIRED =
      new Problem(
          "Expired", "Not enough Workers provided answers for your task within the allotted time.");

  private final Adjudicator adjudicator;
  private final LifecycleSettings settings;
  private final HitCleanup cleanup;

  public HitLifecycle(Adjudicator adjudicator, LifecycleSettings settings) {
    this.adjudicator = adjudicator;
    this.settings = settings;
    this.cleanup = new HitCleanup(settings);
  }

  /** Also learns who to trust, from the answers the steps report read (see {@link WorkerBook}). */
  public Adjudicator adjudicator() {
    return adjudicator;
  }

  /** A new task: ask for the fewest answers that could reach confidence. */
  public HitStep start(Task created, WorkerReliability workers, long now) {
    int initial =
        adjudicator.decide(List.of(), workers) instanceof Decision.NeedMore more
            ? more.additionalAnswers()
            : 1;
    String key = created.key().toString();
    HitWork work =
        HitWork.creating(
            HitTokens.create(key, created.createdBy()), initial, now + settings.createRetry());
    Task task = created.withWork(work);
    return tracked(HitStep.of(task, List.of(createHit(task))), now);
  }

  /** The task's wake-up time has come. */
  public HitStep onWake(Task task, long now) {
    return tracked(wake(task, now), now);
  }

  /**
   * An event from the gateway about this task's HIT. An answer to a call (anything but {@link
   * HitEvent.HitReviewable}) settles one pending call.
   */
  public HitStep onEvent(Task task, HitEvent event, WorkerReliability workers, long now) {
    Task settled =
        event instanceof HitEvent.HitReviewable ? task : task.withWork(task.work().answered());
    return tracked(react(settled, event, workers, now), now);
  }

  /** Counts the step's calls as pending, so wake-ups do not repeat them while they queue. */
  private static HitStep tracked(HitStep step, long now) {
    if (step.commands().isEmpty()) {
      return step;
    }
    Task task = step.task().withWork(step.task().work().sent(step.commands().size(), now));
    return new HitStep(task, step.commands(), step.read());
  }

  private HitStep wake(Task task, long now) {
    HitWork work = task.work();
    boolean awaiting = work.awaiting(now, settings.callTimeout());
    return switch (work.phase()) {
      case CREATING -> {
        if (now - task.createdAt() >= settings.giveUpCreating()) {
          yield fail(task, EXPIRED, now); // cleanup still adopts and removes a HIT reported late
        }
        Task later = task.withWork(work.withWakeAt(now + settings.createRetry()));
        yield awaiting ? HitStep.unchanged(later) : HitStep.of(later, List.of(createHit(task)));
      }
      case COLLECTING -> {
        if (pastExpiry(work, now)) {
          yield fail(task, EXPIRED, now);
        }
        yield awaiting ? schedulePoll(task, now) : poll(task, now);
      }
      case CLEANUP ->
          awaiting
              ? HitStep.unchanged(task.withWork(work.withWakeAt(now + settings.cleanupInterval())))
              : cleanup.onWake(task, now);
      case DONE -> HitStep.unchanged(task.withWork(work.withWakeAt(0)));
    };
  }

  private HitStep react(Task task, HitEvent event, WorkerReliability workers, long now) {
    HitWork work = task.work();
    if (work.phase() == Phase.CLEANUP) {
      return cleanup.onEvent(task, event, now);
    }
    if (event instanceof HitEvent.HitCreated created && work.phase() == Phase.CREATING) {
      HitWork collecting =
          work.withHit(created.hitId(), created.maxAssignments(), created.expiresAt())
              .withPhase(Phase.COLLECTING)
              .withPollAttempt(0)
              .withWakeAt(now + settings.schedule().delay(0));
      return HitStep.unchanged(task.withWork(collecting));
    }
    if (event instanceof HitEvent.CallFailed failed) {
      return failed.retryable() ? afterFailure(task, failed) : onRefusal(task, failed, now);
    }
    if (work.phase() != Phase.COLLECTING || !Objects.equals(event.hitId(), work.hitId())) {
      return HitStep.unchanged(task); // duplicates, stale events
    }
    if (event instanceof HitEvent.AssignmentsAdded added && added.round() == work.round()) {
      return HitStep.unchanged(task.withWork(work.withExtensionConfirmed()));
    }
    if (event instanceof HitEvent.AssignmentsListed listed) {
      HitWork merged = AnswerMerge.merge(work, listed);
      List<WorkerAnswer> answers = workerAnswers(merged);
      return adjudicate(task.withWork(merged), workers, now)
          .withRead(answers.subList(work.answers().size(), answers.size()));
    }
    if (event instanceof HitEvent.HitReviewable reviewable) {
      if (reviewable.maxAssignments() < work.maxAssignments()) {
        return HitStep.unchanged(task); // seen before our extension took effect: stale
      }
      // Every assignment asked for is in (or the HIT expired): read them now, unless a call of
      // ours is still on its way, whose answer will show them or lead to the next poll.
      Task seen = reviewable.expired() ? task.withWork(work.withExpired()) : task;
      return work.awaiting(now, settings.callTimeout()) ? HitStep.unchanged(seen) : poll(seen, now);
    }
    return HitStep.unchanged(task); // acknowledgements
  }

  /**
   * A call failed after the gateway's own retries, but may succeed later. Polls and cleanup calls
   * are simply made again at the next wake-up; an extension is sent again now, with its round's
   * token, since waiting for answers it never asked for would end the task as Expired.
   */
  private HitStep afterFailure(Task task, HitEvent.CallFailed failed) {
    HitWork work = task.work();
    if (failed.command().equals("AddAssignments")
        && work.phase() == Phase.COLLECTING
        && work.extending() > 0) {
      return HitStep.of(task, List.of(extend(task, work)));
    }
    return HitStep.unchanged(task);
  }

  private HitStep adjudicate(Task task, WorkerReliability workers, long now) {
    HitWork work = task.work();
    List<WorkerAnswer> answers = workerAnswers(work);
    Decision decision = adjudicator.decide(answers, workers);
    if (decision instanceof Decision.Decided decided) {
      Task completed =
          task.completed(decided.containsTarget(), now)
              .withWork(work.withConfidence(decided.confidence()));
      return cleanup.begin(completed, now);
    }
    if (decision instanceof Decision.Undecidable undecidable) {
      return fail(
          task.withWork(work.withConfidence(undecidable.confidence())), insufficient(), now);
    }
    return askForMore(task, ((Decision.NeedMore) decision).additionalAnswers(), now);
  }

  /** Wait for outstanding answers, or extend the HIT by the fewest that could decide. */
  private HitStep askForMore(Task task, int needed, long now) {
    HitWork work = task.work();
    if (work.expired()) {
      return fail(task, EXPIRED, now); // MTurk stopped offering it: no more answers can come
    }
    int outstanding = work.maxAssignments() - work.received();
    int extra =
        Math.min(
            needed - outstanding, AdjudicationSettings.MAX_ANSWERS_LIMIT - work.maxAssignments());
    if (needed <= outstanding || extra <= 0) {
      return outstanding > 0 ? schedulePoll(task, now) : fail(task, insufficient(), now);
    }
    HitWork extended = work.withExtension(extra);
    return HitStep.of(
        schedulePoll(task.withWork(extended), now).task(), List.of(extend(task, extended)));
  }

  /** The call asking for the latest extension round's assignments; its token makes it once. */
  private static HitCommand extend(Task task, HitWork work) {
    String key = task.key().toString();
    return new HitCommand.AddAssignments(
        key,
        work.hitId(),
        work.round(),
        HitTokens.extend(key, task.createdBy(), work.round()),
        work.extending());
  }

  private HitStep poll(Task task, long now) {
    HitWork work = task.work().withPollAttempt(task.work().pollAttempt() + 1);
    HitStep scheduled = schedulePoll(task.withWork(work), now);
    return HitStep.of(
        scheduled.task(),
        List.of(new HitCommand.ListAssignments(task.key().toString(), work.hitId())));
  }

  private HitStep schedulePoll(Task task, long now) {
    HitWork work = task.work();
    long next = now + settings.schedule().delay(work.pollAttempt());
    if (work.expiresAt() > 0) {
      next = Math.min(next, work.expiresAt() + settings.expiryGrace());
    }
    return HitStep.unchanged(task.withWork(work.withWakeAt(Math.max(next, now + 1))));
  }

  private HitStep onRefusal(Task task, HitEvent.CallFailed failed, long now) {
    if (failed.command().equals("CreateHit")) {
      Problem problem =
          new Problem(
              "HitCreationFailed",
              "MTurk refused to create the HIT: " + failed.code() + ": " + failed.message());
      return HitStep.of(
          task.failed(problem, now).withWork(task.work().withPhase(Phase.DONE).withWakeAt(0)),
          List.of());
    }
    if (failed.command().equals("AddAssignments") && task.work().phase() == Phase.COLLECTING) {
      return fail(task, insufficient(), now); // the HIT cannot grow: no more answers can come
    }
    return HitStep.unchanged(task);
  }

  private HitStep fail(Task task, Problem problem, long now) {
    return cleanup.begin(task.failed(problem, now), now);
  }

  private static Problem insufficient() {
    return new Problem(
        "InsufficientAgreement",
        "Workers' answers did not agree enough to reach the required confidence.");
  }

  private boolean pastExpiry(HitWork work, long now) {
    return work.expiresAt() > 0 && now >= work.expiresAt() + settings.expiryGrace();
  }

  private static List<WorkerAnswer> workerAnswers(HitWork work) {
    List<WorkerAnswer> answers = new ArrayList<>();
    work.answers()
        .forEach(
            a -> answers.add(new WorkerAnswer(a.workerId(), a.assignmentId(), a.containsTarget())));
    return answers;
  }

  static HitCommand createHit(Task task) {
    return new HitCommand.CreateHit(
        task.key().toString(),
        task.work().token(),
        task.input().image().url(),
        task.input().target().label(),
        task.work().maxAssignments());
  }
}
