package io.imagecontains.mturk;

import io.imagecontains.mturk.HitEvent.CallFailed;
import io.imagecontains.task.TaskMdc;
import org.jboss.logging.Logger;

/** Turns a command that did not succeed into the {@link CallFailed} event the core acts on. */
final class HitFailures {

  private static final Logger LOG = Logger.getLogger(HitFailures.class);

  private HitFailures() {}

  /** Retryable when MTurk was throttling, failing (5xx) or unreachable to the last attempt. */
  static CallFailed callFailed(HitCommand command, Throwable error) {
    boolean retryable = error instanceof TurkCallException t && t.failure().retryable();
    return callFailed(command, error, retryable);
  }

  static CallFailed callFailed(HitCommand command, Throwable error, boolean retryable) {
    try (TaskMdc mdc = TaskMdc.of(command.taskKey())) {
      return logged(command, error, retryable);
    }
  }

  private static CallFailed logged(HitCommand command, Throwable error, boolean retryable) {
    String type = command.getClass().getSimpleName();
    if (error instanceof TurkCallException t) {
      // A refusal is MTurk's answer (the core acts on it); failing to the last attempt is trouble.
      LOG.logf(
          t.failure().retryable() ? Logger.Level.WARN : Logger.Level.INFO,
          "%s %s failed (retryable: %s): %s",
          type,
          command.taskKey(),
          retryable,
          t.getMessage());
      return new CallFailed(
          command.taskKey(),
          hitIdOf(command),
          type,
          t.failure().code(),
          t.failure().message(),
          retryable);
    }
    if (error instanceof IllegalArgumentException) {
      LOG.warnf(
          "%s %s refused before calling MTurk: %s", type, command.taskKey(), error.getMessage());
    } else {
      LOG.errorf(error, "%s %s failed unexpectedly", type, command.taskKey());
    }
    return new CallFailed(
        command.taskKey(),
        hitIdOf(command),
        type,
        error.getClass().getSimpleName(),
        String.valueOf(error.getMessage()),
        retryable);
  }

  static String hitIdOf(HitCommand command) {
    if (command instanceof HitCommand.ListAssignments c) {
      return c.hitId();
    } else if (command instanceof HitCommand.AddAssignments c) {
      return c.hitId();
    } else if (command instanceof HitCommand.Approve c) {
      return c.hitId();
    } else if (command instanceof HitCommand.ExpireHit c) {
      return c.hitId();
    } else if (command instanceof HitCommand.DeleteHit c) {
      return c.hitId();
    }
    return null;
  }
}
