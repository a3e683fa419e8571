package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A validated request, as the ingress and the REST API hand it to the core on the task-commands
 * topic (key {@code function/taskName}).
 *
 * @param commandId unique per request; the core records the creating put's id in the task
 * @param input the task input for a put, null for a delete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskCommand(
    Action action,
    String function,
    String taskName,
    TaskInput input,
    String commandId,
    Source source) {

  /** What the command asks for. */
  public enum Action {
    PUT,
    DELETE;

    // Computed once: every command is written with it.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
      return wireName;
    }
  }

  public TaskKey key() {
    return new TaskKey(function, taskName);
  }
}
