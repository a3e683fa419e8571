package io.imagecontains.workforce.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagecontains.workforce.hits.HitRequest;
import java.util.Optional;

/**
 * Which task a HIT belongs to, for counting HITs per task (the proof that no task got two). In
 * order: the {@code task} field of a JSON {@code RequesterAnnotation}; the annotation itself if it
 * is not JSON; the {@code UniqueRequestToken}; otherwise {@value #NONE}. The service is expected to
 * put its task key (function/taskName) in the annotation.
 */
final class TaskKey {
  static final String NONE = "(none)";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskKey() {}

  static String of(HitRequest request) {
    String annotation = request.requesterAnnotation();
    if (annotation != null && !annotation.isBlank()) {
      return fromJson(annotation).orElse(annotation);
    }
    return request.uniqueRequestToken() != null ? request.uniqueRequestToken() : NONE;
  }

  private static Optional<String> fromJson(String annotation) {
    if (!annotation.trim().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode task = JSON.readTree(annotation).path("task");
      return task.isTextual() ? Optional.of(task.asText()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
