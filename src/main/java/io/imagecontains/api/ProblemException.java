package io.imagecontains.api;

import io.imagecontains.task.Refusal;
import io.imagecontains.task.RefusalCode;

/** A request the REST API answers with a problem document instead of a task. */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;

  public ProblemException(int status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ProblemException of(Refusal refusal) {
    return new ProblemException(
        refusal.code().httpStatus(), refusal.code().code(), refusal.message(), refusal.field());
  }

  public static ProblemException of(RefusalCode code, String message) {
    return new ProblemException(code.httpStatus(), code.code(), message, null);
  }

  /** The task store cannot answer right now (rebalancing, restoring, owner unreachable). */
  public static ProblemException unavailable(String message) {
    return new ProblemException(503, "Unavailable", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
