package io.imagecontains.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.imagecontains.task.TaskCommand.Action;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Streaming reader of the command the core reads for every request: what {@link HotJson#command}
 * writes, read as databind reads it (unknown fields ignored, absent ones null; {@code
 * HotJsonTest}-style tests compare the two) but without databind's per-record binding machinery,
 * which was a sixth of the core's time. Stricter in one way: a field of the wrong JSON type is an
 * error rather than coerced, since only this service writes the topic.
 */
public final class CommandReader {

  private CommandReader() {}

  /**
   * @throws UncheckedIOException when the bytes are not JSON
   * @throws IllegalArgumentException when the JSON is not a command's shape
   */
  public static TaskCommand read(byte[] json) {
    if (json == null) {
      throw new IllegalArgumentException("no command (null value)");
    }
    try (JsonParser p = TaskJson.MAPPER.getFactory().createParser(json)) {
      expectObject(p.nextToken(), "a command");
      Action action = null;
      String function = null;
      String taskName = null;
      TaskInput input = null;
      String commandId = null;
      Source source = null;
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "action" -> action = action(text(p, value));
          case "function" -> function = text(p, value);
          case "taskName" -> taskName = text(p, value);
          case "input" -> input = input(p, value);
          case "commandId" -> commandId = text(p, value);
          case "source" -> source = source(p, value);
          default -> p.skipChildren();
        }
      }
      return new TaskCommand(action, function, taskName, input, commandId, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TaskCommand", e);
    }
  }

  private static Action action(String name) {
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "put" -> Action.PUT;
      case "delete" -> Action.DELETE;
      default -> throw new IllegalArgumentException("unknown action '" + name + "'");
    };
  }

  private static TaskInput input(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    expectObject(token, "input");
    TaskInput.Image image = null;
    TaskInput.Target target = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "image" -> image = isNull(value) ? null : new TaskInput.Image(single(p, value, "url"));
        case "target" ->
            target = isNull(value) ? null : new TaskInput.Target(single(p, value, "label"));
        default -> p.skipChildren();
      }
    }
    return new TaskInput(image, target);
  }

  /** The one string field an object holds ({@code {"url": …}}); others are skipped. */
  private static String single(JsonParser p, JsonToken token, String name) throws IOException {
    expectObject(token, name + "'s object");
    String text = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      if (field.equals(name)) {
        text = text(p, value);
      } else {
        p.skipChildren();
      }
    }
    return text;
  }

  private static Source source(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    expectObject(token, "source");
    String via = null;
    String topic = null;
    Integer partition = null;
    Long offset = null;
    String key = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "via" -> via = text(p, value);
        case "topic" -> topic = text(p, value);
        case "partition" -> partition = isNull(value) ? null : integer(p, value).getIntValue();
        case "offset" -> offset = isNull(value) ? null : integer(p, value).getLongValue();
        case "key" -> key = text(p, value);
        default -> p.skipChildren();
      }
    }
    return new Source(via, topic, partition, offset, key);
  }

  private static String text(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException(
          "'" + p.currentName() + "' must be a string, not " + token);
    }
    return p.getText();
  }

  private static JsonParser integer(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw new IllegalArgumentException(
          "'" + p.currentName() + "' must be an integer, not " + token);
    }
    return p;
  }

  private static boolean isNull(JsonToken token) {
    return token == JsonToken.VALUE_NULL;
  }

  private static void expectObject(JsonToken token, String what) {
    if (token != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException(what + " must be a JSON object, not " + token);
    }
  }
}
