package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A refused request as written to the rejections topic: the code and message, and the refused
 * record itself — as JSON when it was JSON, else as Base64 — cut to a bounded size so that a huge
 * bad record cannot make an even larger rejection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "message", "field", "function", "taskName", "record"})
public record Rejection(
    RefusalCode code,
    String message,
    String field,
    String function,
    String taskName,
    JsonNode record,
    String recordBase64,
    Boolean recordTruncated,
    Source source,
    long rejectedAt) {

  /** The Kafka key of this rejection: {@code function/taskName} when both are known. */
  public String kafkaKey() {
    return function != null && taskName != null ? new TaskKey(function, taskName).toString() : null;
  }
}
