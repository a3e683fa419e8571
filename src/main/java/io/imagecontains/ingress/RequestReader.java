package io.imagecontains.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.task.Refusal;
import io.imagecontains.task.RefusalCode;
import io.imagecontains.task.Source;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskCommand.Action;
import io.imagecontains.task.TaskFunction;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskRules;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a request's JSON tree into a {@link TaskCommand}, checking every field against the
 * contract. Unknown top-level fields are ignored (producers may add their own metadata); unknown
 * fields inside {@code input} are refused, because the input is the task's identity and a field we
 * do not understand could change what the user meant.
 */
final class RequestReader {

  private final Predicate<TaskFunction> enabled;

  RequestReader(Predicate<TaskFunction> enabled) {
    this.enabled = enabled;
  }

  /** The command, or the refusal with whatever identity was readable before it. */
  sealed interface Reading permits Accepted, Refused {}

  record Accepted(TaskCommand command) implements Reading {}

  record Refused(Refusal refusal, String function, String taskName) implements Reading {}

  /** A field's value, or why it is refused. */
  private record Field<T>(T value, Refusal refusal) {
    static <T> Field<T> ok(T value) {
      return new Field<>(value, null);
    }

    static <T> Field<T> refused(RefusalCode code, String pointer, String message) {
      return new Field<>(null, new Refusal(code, pointer, message));
    }
  }

  Reading read(JsonNode root, Source source, String commandId) {
    if (!root.isObject()) {
      return new Refused(
          Refusal.of(RefusalCode.NOT_AN_OBJECT, "the JSON must be an object"), null, null);
    }
    Field<TaskFunction> function = readFunction(root.get("function"));
    if (function.refusal() != null) {
      return new Refused(function.refusal(), null, null);
    }
    String functionName = function.value().publicName();
    Field<String> taskName = readTaskName(root.get("taskName"));
    if (taskName.refusal() != null) {
      return new Refused(taskName.refusal(), functionName, null);
    }
    Field<Action> action = readAction(root.get("action"));
    if (action.refusal() != null) {
      return new Refused(action.refusal(), functionName, taskName.value());
    }
    TaskInput input = null;
    if (action.value() == Action.PUT) {
      Field<TaskInput> readInput = readInput(root.get("input"));
      if (readInput.refusal() != null) {
        return new Refused(readInput.refusal(), functionName, taskName.value());
      }
      input = readInput.value();
    }
    TaskCommand command =
        new TaskCommand(action.value(), functionName, taskName.value(), input, commandId, source);
    return new Accepted(command);
  }

  private Field<TaskFunction> readFunction(JsonNode node) {
    Field<String> text = text(node, "/function", RefusalCode.INVALID_FUNCTION, "function");
    if (text.refusal() != null) {
      return Field.refused(text.refusal().code(), "/function", text.refusal().message());
    }
    Optional<TaskFunction> function = TaskFunction.byName(text.value());
    if (function.isEmpty()) {
      return Field.refused(
          RefusalCode.UNKNOWN_FUNCTION,
          "/function",
          "unknown function '"
              + abbreviate(text.value())
              + "'; known: image-contains, image-contains-test");
    }
    if (!enabled.test(function.get())) {
      return Field.refused(
          RefusalCode.FUNCTION_UNAVAILABLE,
          "/function",
          "function '" + text.value() + "' is not enabled in this deployment");
    }
    return Field.ok(function.get());
  }

  private static Field<String> readTaskName(JsonNode node) {
    Field<String> text = text(node, "/taskName", RefusalCode.INVALID_TASK_NAME, "taskName");
    if (text.refusal() != null) {
      return text;
    }
    Optional<Refusal> broken = TaskRules.checkTaskName(text.value());
    return broken.isPresent() ? new Field<>(null, broken.get()) : text;
  }

  private static Field<Action> readAction(JsonNode node) {
    if (node == null || node.isNull()) {
      return Field.ok(Action.PUT);
    }
    String action = node.isTextual() ? node.textValue() : null;
    if ("put".equals(action)) {
      return Field.ok(Action.PUT);
    }
    if ("delete".equals(action)) {
      return Field.ok(Action.DELETE);
    }
    return Field.refused(
        RefusalCode.INVALID_ACTION, "/action", "action must be \"put\" or \"delete\" when present");
  }

  private static Field<TaskInput> readInput(JsonNode input) {
    Optional<Refusal> shape = checkObject(input, "/input", Set.of("image", "target"), "input");
    if (shape.isEmpty()) {
      shape = checkObject(input.get("image"), "/input/image", Set.of("url"), "input.image");
    }
    if (shape.isEmpty()) {
      shape = checkObject(input.get("target"), "/input/target", Set.of("label"), "input.target");
    }
    if (shape.isPresent()) {
      return new Field<>(null, shape.get());
    }
    Field<String> url =
        text(
            input.get("image").get("url"),
            "/input/image/url",
            RefusalCode.INVALID_IMAGE_URL,
            "image url");
    Optional<Refusal> broken =
        url.refusal() != null ? Optional.of(url.refusal()) : TaskRules.checkImageUrl(url.value());
    if (broken.isPresent()) {
      return new Field<>(null, broken.get());
    }
    Field<String> label =
        text(
            input.get("target").get("label"),
            "/input/target/label",
            RefusalCode.INVALID_LABEL,
            "label");
    broken =
        label.refusal() != null
            ? Optional.of(label.refusal())
            : TaskRules.checkLabel(label.value());
    if (broken.isPresent()) {
      return new Field<>(null, broken.get());
    }
    return Field.ok(TaskInput.of(url.value(), label.value()));
  }

  private static Optional<Refusal> checkObject(
      JsonNode node, String pointer, Set<String> allowed, String name) {
    if (node == null || node.isNull()) {
      return Optional.of(new Refusal(RefusalCode.INVALID_INPUT, pointer, name + " is required"));
    }
    if (!node.isObject()) {
      return Optional.of(
          new Refusal(RefusalCode.INVALID_INPUT, pointer, name + " must be a JSON object"));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!allowed.contains(field)) {
        return Optional.of(
            new Refusal(
                RefusalCode.UNKNOWN_FIELD,
                pointer + "/" + abbreviate(field),
                name + " has an unknown field '" + abbreviate(field) + "'; allowed: " + allowed));
      }
    }
    return Optional.empty();
  }

  private static Field<String> text(JsonNode node, String pointer, RefusalCode code, String name) {
    if (node == null || node.isNull()) {
      return Field.refused(code, pointer, name + " is required");
    }
    if (!node.isTextual()) {
      return Field.refused(
          code,
          pointer,
          name + " must be a string, not " + node.getNodeType().name().toLowerCase());
    }
    return Field.ok(node.textValue());
  }

  /** Messages echo user text; keep them short whatever the user sent. */
  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
