package io.imagecontains.workforce.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inspection API as JSON over HTTP, for tests and benchmarks in another process: {@code GET
 * /_sim/hits}, {@code GET /_sim/tasks} (HITs created per task key and the duplicates), {@code GET
 * /_sim/stats} (calls by operation and outcome, simulated time), {@code GET /_sim/workers} (the
 * simulated crowd). Read-only; runs on the event loop.
 */
public final class InspectionApi implements Handler<HttpServerRequest> {
  public static final String PREFIX = "/_sim/";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Inspection inspection;

  public InspectionApi(Inspection inspection) {
    this.inspection = inspection;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.GET) {
      reply(request, 405, Map.of("error", "inspection is read-only: use GET"));
      return;
    }
    switch (request.path()) {
      case "/_sim/hits" -> reply(request, 200, inspection.hits());
      case "/_sim/tasks" -> reply(request, 200, tasks());
      case "/_sim/stats" -> reply(request, 200, stats());
      case "/_sim/workers" -> reply(request, 200, workers());
      default ->
          reply(
              request,
              404,
              Map.of("error", "try /_sim/hits, /_sim/tasks, /_sim/stats, /_sim/workers"));
    }
  }

  private Map<String, Object> tasks() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hitsCreatedByTask", inspection.hitsCreatedByTask());
    out.put("duplicates", inspection.duplicateTasks());
    return out;
  }

  private List<Map<String, Object>> workers() {
    return inspection.workers().stream()
        .map(
            w -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("workerId", w.id());
              out.put("group", w.group());
              out.put("behaviour", w.behaviour().fileName());
              out.put("accuracy", w.accuracy());
              return out;
            })
        .toList();
  }

  private Map<String, Object> stats() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("simulatedNow", inspection.now());
    out.put("callsByOperation", inspection.callsByOperation());
    out.put("callsByOutcome", inspection.callsByOutcome());
    return out;
  }

  private static void reply(HttpServerRequest request, int status, Object body) {
    try {
      request
          .response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      request.response().setStatusCode(500).end(e.toString());
    }
  }
}
