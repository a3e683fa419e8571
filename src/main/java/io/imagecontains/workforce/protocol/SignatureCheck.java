package io.imagecontains.workforce.protocol;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the AWS Signature Version 4 of a Requester API call. Always: an {@code Authorization}
 * header {@code AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/mturk-requester/aws4_request,
 * SignedHeaders=..., Signature=<64 hex>}, an {@code X-Amz-Date}, and the region us-east-1. When
 * credentials are configured ({@code simulator.credentials}), also the access key and the HMAC
 * itself, so a client signing with the wrong secret, region or service fails here as it would on
 * AWS. Without them any credentials pass: the simulator cannot know a requester's secret.
 * Immutable, thread-safe.
 */
final class SignatureCheck {
  /** Why a call was refused: the AWS error type and its message. */
  record Refusal(String type, String message) {}

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/\\s]+)/(\\d{8})/([a-z0-9-]+)/(mturk-requester)/aws4_request,"
              + "\\s*SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");

  /** MTurk, production and sandbox alike, lives in us-east-1 only. */
  static final String REGION = "us-east-1";

  private final Map<String, String> secrets;

  /**
   * @param secrets secret access keys by access key id; empty to check only the form
   */
  SignatureCheck(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  Optional<Refusal> problem(HttpServerRequest request, Buffer body) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      return refuse("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    Matcher m = AUTHORIZATION.matcher(authorization);
    String amzDate = request.getHeader("X-Amz-Date");
    if (!m.matches() || amzDate == null || !amzDate.startsWith(m.group(2))) {
      return refuse(
          "IncompleteSignatureException",
          "Authorization header is not a SigV4 signature for mturk-requester with X-Amz-Date");
    }
    if (!REGION.equals(m.group(3))) {
      return refuse(
          "InvalidSignatureException",
          "Credential should be scoped to a valid region, not '" + m.group(3) + "'.");
    }
    if (secrets.isEmpty()) {
      return Optional.empty();
    }
    String secret = secrets.get(m.group(1));
    if (secret == null) {
      return refuse(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
    String expected =
        SigV4.signature(secret, amzDate, scope, SigV4.canonicalRequest(request, m.group(5), body));
    return expected.equals(m.group(6))
        ? Optional.empty()
        : refuse(
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided.");
  }

  private static Optional<Refusal> refuse(String type, String message) {
    return Optional.of(new Refusal(type, message));
  }
}
