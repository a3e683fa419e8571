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
import java.util.Map;
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
  private static final long MAX_BODY_BYTES = 1 << 20;
  private static final String UNKNOWN_OPERATION = "(unknown)";

  private final Vertx vertx;
  private final Operations operations;
  private final FaultInjector faults;
  private final CallStats stats;
  private final SignatureCheck signatures;

  /**
   * @param credentials secret keys by access key id to verify signatures with; empty to accept any
   */
  public RequesterApi(
      Vertx vertx,
      HitRegistry registry,
      FaultInjector faults,
      CallStats stats,
      Map<String, String> credentials) {
    this.vertx = vertx;
    this.operations = new Operations(registry);
    this.faults = faults;
    this.stats = stats;
    this.signatures = new SignatureCheck(credentials);
  }

  @Override
  public void handle(HttpServerRequest request) {
    int refusal = sizeRefusal(request.getHeader("Content-Length"));
    if (refusal != 0) {
      request.response().setStatusCode(refusal).end();
      return;
    }
    request
        .body()
        .onSuccess(body -> serve(request, body))
        .onFailure(e -> request.connection().close());
  }

  /**
   * 411 without a length, 413 past 1 MB, else 0. A Question is at most 64 KB, so a far larger body
   * is no Requester call and is refused before being buffered; the SDK always sends a length.
   */
  private static int sizeRefusal(String contentLength) {
    try {
      return contentLength == null ? 411 : Long.parseLong(contentLength) > MAX_BODY_BYTES ? 413 : 0;
    } catch (NumberFormatException e) {
      return 400;
    }
  }

  private void serve(HttpServerRequest request, Buffer body) {
    String target = Optional.ofNullable(request.getHeader("X-Amz-Target")).orElse("");
    String named = target.substring(Math.min(target.length(), TARGET_PREFIX.length()));
    // Only served names become stats keys, so callers cannot grow the stats map without bound.
    boolean served = target.startsWith(TARGET_PREFIX) && operations.supports(named);
    String operation = served ? named : UNKNOWN_OPERATION;
    Optional<SignatureCheck.Refusal> unsigned = signatures.problem(request, body);
    if (unsigned.isPresent()) {
      reply(
          request,
          operation,
          Outcome.REFUSED,
          AwsErrors.FORBIDDEN,
          AwsErrors.of(unsigned.get().type(), unsigned.get().message()),
          FaultInjector.NO_DELAY);
      return;
    }
    if (operation.equals(UNKNOWN_OPERATION)) {
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
    stats.record(operation, outcome);
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
