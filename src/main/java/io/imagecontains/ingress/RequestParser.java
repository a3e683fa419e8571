package io.imagecontains.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.task.HotJson;
import io.imagecontains.task.Refusal;
import io.imagecontains.task.RefusalCode;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.Source;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskFunction;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * Validates requests from either interface — a record of the requests topic or a REST call — into a
 * {@link TaskCommand}, or a {@link Rejection} that carries the refused record back.
 */
public final class RequestParser {

  /**
   * Rejections echo at most this much of a refused record, so they stay far below Kafka's limit.
   */
  public static final int MAX_ECHO_BYTES = 16 * 1024;

  private final int maxRecordBytes;
  private final RequestReader reader;

  public RequestParser(int maxRecordBytes, Predicate<TaskFunction> enabled) {
    this.maxRecordBytes = maxRecordBytes;
    this.reader = new RequestReader(enabled);
  }

  /** What became of a request. */
  public sealed interface Outcome permits Accepted, Rejected {}

  public record Accepted(TaskCommand command) implements Outcome {}

  public record Rejected(Rejection rejection) implements Outcome {}

  /** A record of the requests topic. */
  public Outcome parse(byte[] value, Source source, String commandId, long now) {
    JsonDocument.Result document = JsonDocument.read(value, maxRecordBytes);
    if (document instanceof JsonDocument.Invalid invalid) {
      return new Rejected(rejection(invalid.refusal(), null, null, null, value, source, now));
    }
    JsonNode json = ((JsonDocument.Parsed) document).json();
    return decide(reader.read(json, source, commandId), json, value, source, now);
  }

  /** A REST PUT: function and task name from the path, {@code {"input": …}} as the body. */
  public Outcome parsePut(
      String function, String taskName, byte[] body, String commandId, long now) {
    JsonDocument.Result document = JsonDocument.read(body, maxRecordBytes);
    if (document instanceof JsonDocument.Invalid invalid) {
      return new Rejected(
          rejection(invalid.refusal(), function, taskName, null, body, Source.rest(), now));
    }
    JsonNode json = ((JsonDocument.Parsed) document).json();
    if (!json.isObject()) {
      Refusal refusal = Refusal.of(RefusalCode.NOT_AN_OBJECT, "the body must be a JSON object");
      return new Rejected(rejection(refusal, function, taskName, json, body, Source.rest(), now));
    }
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("function", function).put("taskName", taskName).set("input", json.get("input"));
    return decide(
        reader.read(request, Source.rest(), commandId), request, body, Source.rest(), now);
  }

  /** A REST GET or DELETE: only the path's function and task name. */
  public Outcome parseDelete(String function, String taskName, String commandId, long now) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("function", function).put("taskName", taskName).put("action", "delete");
    return decide(
        reader.read(request, Source.rest(), commandId), request, null, Source.rest(), now);
  }

  private Outcome decide(
      RequestReader.Reading reading, JsonNode json, byte[] raw, Source source, long now) {
    if (reading instanceof RequestReader.Accepted accepted) {
      return new Accepted(accepted.command());
    }
    RequestReader.Refused refused = (RequestReader.Refused) reading;
    return new Rejected(
        rejection(
            refused.refusal(), refused.function(), refused.taskName(), json, raw, source, now));
  }

  private static Rejection rejection(
      Refusal refusal,
      String function,
      String taskName,
      JsonNode json,
      byte[] raw,
      Source source,
      long now) {
    boolean fitsAsJson = json != null && (raw == null || raw.length <= MAX_ECHO_BYTES);
    boolean truncated = raw != null && raw.length > MAX_ECHO_BYTES;
    String base64 =
        fitsAsJson || raw == null
            ? null
            : Base64.getEncoder()
                .encodeToString(Arrays.copyOf(raw, Math.min(raw.length, MAX_ECHO_BYTES)));
    return new Rejection(
        refusal.code(),
        refusal.message(),
        refusal.field(),
        function,
        taskName,
        fitsAsJson ? json : null,
        base64,
        truncated ? Boolean.TRUE : null,
        source,
        now);
  }

  /** The serialised form of a command, as the core reads it. */
  public static byte[] encode(TaskCommand command) {
    return HotJson.command(command);
  }
}
