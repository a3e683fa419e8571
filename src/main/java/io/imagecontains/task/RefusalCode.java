package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Machine-readable reasons a request is refused. The public code is the PascalCase name (as the
 * seed's {@code Expired}); it appears as {@code code} on the rejections topic and in REST problem
 * documents.
 */
public enum RefusalCode {
  /** The record value is null or has no bytes. */
  EMPTY_RECORD("EmptyRecord", 400),
  /** The record value is larger than {@code ingress.max-record-bytes}. */
  RECORD_TOO_LARGE("RecordTooLarge", 413),
  /** The bytes are not valid UTF-8. */
  NOT_UTF8("NotUtf8", 400),
  /** The text is not one well-formed JSON document. */
  NOT_JSON("NotJson", 400),
  /** JSON nested deeper than any valid request could be. */
  NESTING_TOO_DEEP("NestingTooDeep", 400),
  /** A JSON object has the same key twice: which one was meant is ambiguous. */
  DUPLICATE_KEY("DuplicateKey", 400),
  /** The JSON is not an object. */
  NOT_AN_OBJECT("NotAnObject", 400),
  /** {@code function} is missing or not a string. */
  INVALID_FUNCTION("InvalidFunction", 400),
  /** {@code function} names no function this service implements. */
  UNKNOWN_FUNCTION("UnknownFunction", 404),
  /** The function exists but is not enabled in this deployment. */
  FUNCTION_UNAVAILABLE("FunctionUnavailable", 501),
  /** {@code taskName} is missing, not a string, or breaks the naming rules. */
  INVALID_TASK_NAME("InvalidTaskName", 400),
  /** {@code action} is neither {@code put} nor {@code delete}. */
  INVALID_ACTION("InvalidAction", 400),
  /** {@code input}, {@code input.image} or {@code input.target} is missing or not an object. */
  INVALID_INPUT("InvalidInput", 400),
  /** The input holds a field this API does not define. */
  UNKNOWN_FIELD("UnknownField", 400),
  /** {@code input.image.url} is missing, too long or not an absolute http(s) URL. */
  INVALID_IMAGE_URL("InvalidImageUrl", 400),
  /** {@code input.target.label} is missing, blank, too long or holds control characters. */
  INVALID_LABEL("InvalidLabel", 400),
  /** A put names an existing task with a different input. */
  CONFLICTING_INPUT("ConflictingInput", 400),
  /** A delete names a task that is still processing. */
  TASK_STILL_PROCESSING("TaskStillProcessing", 409),
  /** A delete (or get) names no task. */
  TASK_NOT_FOUND("TaskNotFound", 404);

  private final String code;
  private final int httpStatus;

  RefusalCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** The status the REST API answers this refusal with. */
  public int httpStatus() {
    return httpStatus;
  }
}
