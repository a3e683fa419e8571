package io.imagecontains.workforce.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagecontains.workforce.hits.HitRegistry;
import io.imagecontains.workforce.hits.TurkError;
import io.imagecontains.workforce.protocol.CallStats.Outcome;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MTurk Requester API over HTTP as the AWS SDK speaks it: {@code POST /} with {@code
 * X-Amz-Target: MTurkRequesterServiceV20170117.<Operation>} and an AWS JSON 1.1 body. Runs on the
 * Vert.x event loop: the registry work is short and in-memory, and injected latency is a timer,
 * never a sleep.
 */
public final class RequesterApi implements Handler<HttpServerRequest> {
  public static final String TARGET_PREFIX = "MTurkRequesterServiceV20170117.";
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final Logger LOG = Logger.getLogger(RequesterApi.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final Operations operations;
  private final FaultInjector faults;
  private final CallStats stats;

  public RequesterApi(Vertx vertx, HitRegistry registry, FaultInjector faults, CallStats stats) {
    this.vertx = vertx;
    this.operations = new Operations(registry);
    this.faults = faults;
    this.stats = stats;
  }

  @Override
  public void handle(HttpServerRequest request) {
    request
        .body()
        .onSuccess(body -> serve(request, body))
        .onFailure(e -> request.connection().close());
  }

  private void serve(HttpServerRequest request, Buffer body) {
    String target = Optional.ofNullable(request.getHeader("X-Amz-Target")).orElse("");
    String operation =
        target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
    Optional<String> unsigned = SignatureCheck.problem(request);
    if (unsigned.isPresent()) {
      reply(
          request,
          operation,
          Outcome.REFUSED,
          AwsErrors.FORBIDDEN,
          AwsErrors.of("MissingAuthenticationTokenException", unsigned.get()),
          FaultInjector.NO_DELAY);
      return;
    }
    if (!target.startsWith(TARGET_PREFIX) || !operations.supports(operation)) {
      reply(
          request,
          operation,
          Outcome.REFUSED,
          AwsErrors.CLIENT,
          AwsErrors.of("UnknownOperationException", "Unknown operation: " + target),
          FaultInjector.NO_DELAY);
      return;
    }
    FaultInjector.Decision decision = faults.decide();
    switch (decision.fault()) {
      case THROTTLE ->
          reply(
              request,
              operation,
              Outcome.THROTTLED,
              AwsErrors.CLIENT,
              AwsErrors.throttling(),
              decision);
      case SERVER_ERROR ->
          reply(
              request,
              operation,
              Outcome.SERVICE_FAULT,
              AwsErrors.SERVER,
              AwsErrors.serviceFault("Service unavailable (injected fault)"),
              decision);
      default -> execute(request, operation, body, decision);
    }
  }

  private void execute(
      HttpServerRequest request, String operation, Buffer body, FaultInjector.Decision decision) {
    JsonNode json;
    try {
      json = body.length() == 0 ? JSON.createObjectNode() : JSON.readTree(body.getBytes());
    } catch (Exception e) {
      reply(
          request,
          operation,
          Outcome.REFUSED,
          AwsErrors.CLIENT,
          AwsErrors.of("SerializationException", "Request body is not JSON"),
          decision);
      return;
    }
    try {
      JsonNode result = operations.invoke(operation, json);
      if (decision.fault() == Fault.LOST_RESPONSE) {
        reply(
            request,
            operation,
            Outcome.LOST_RESPONSE,
            AwsErrors.SERVER,
            AwsErrors.serviceFault(
                "Service unavailable (injected fault after the call took effect)"),
            decision);
      } else {
        reply(request, operation, Outcome.OK, 200, result, decision);
      }
    } catch (TurkError e) {
      reply(
          request,
          operation,
          Outcome.REQUEST_ERROR,
          AwsErrors.CLIENT,
          AwsErrors.requestError(e.turkErrorCode(), e.getMessage()),
          decision);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "operation " + operation + " failed", e);
      reply(
          request,
          operation,
          Outcome.SERVICE_FAULT,
          AwsErrors.SERVER,
          AwsErrors.serviceFault("Internal error: " + e),
          decision);
    }
  }

  private void reply(
      HttpServerRequest request,
      String operation,
      Outcome outcome,
      int status,
      JsonNode body,
      FaultInjector.Decision decision) {
    stats.record(operation.isEmpty() ? "(none)" : operation, outcome);
    Runnable send =
        () ->
            request
                .response()
                .setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .end(body.toString());
    long delayMs = decision.delay().toMillis();
    if (delayMs > 0) {
      vertx.setTimer(delayMs, id -> send.run());
    } else {
      send.run();
    }
  }
}
