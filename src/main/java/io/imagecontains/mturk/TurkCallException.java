package io.imagecontains.mturk;

/**
 * An MTurk call that did not succeed: refused by MTurk (a client error, not retried) or failing for
 * good after {@code mturk.max-attempts} attempts.
 */
public final class TurkCallException extends RuntimeException {

  private final transient TurkFailure failure;
  private final int attempts;

  public TurkCallException(String operation, TurkFailure failure, int attempts) {
    super(
        operation
            + " failed after "
            + attempts
            + " attempt(s): "
            + failure.code()
            + ": "
            + failure.message(),
        null,
        false,
        false);
    this.failure = failure;
    this.attempts = attempts;
  }

  /** Matches a failed call that MTurk refused with this {@code TurkErrorCode}. */
  public static java.util.function.Predicate<Throwable> withCode(String turkErrorCode) {
    return e -> e instanceof TurkCallException t && t.failure().is(turkErrorCode);
  }

  public TurkFailure failure() {
    return failure;
  }

  public int attempts() {
    return attempts;
  }
}
