package io.imagecontains.workforce.protocol;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a request carries an AWS Signature Version 4 for the MTurk Requester service, as the
 * AWS SDK sends it: an {@code Authorization} header of the form {@code AWS4-HMAC-SHA256
 * Credential=<key>/<yyyymmdd>/<region>/mturk-requester/aws4_request, SignedHeaders=...,
 * Signature=<64 hex>} and an {@code X-Amz-Date}. The HMAC itself is not verified: the simulator
 * does not hold the requester's secret, so any credentials are accepted.
 */
final class SignatureCheck {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=[^/\\s]+/\\d{8}/[a-z0-9-]+/mturk-requester/aws4_request,"
              + "\\s*SignedHeaders=[a-z0-9;-]+,\\s*Signature=[0-9a-f]{64}");

  private SignatureCheck() {}

  /** The reason the request is refused, or empty if its signature is well-formed. */
  static Optional<String> problem(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      return Optional.of("Missing Authentication Token");
    }
    if (!AUTHORIZATION.matcher(authorization).matches()) {
      return Optional.of("Authorization header is not a SigV4 signature for mturk-requester");
    }
    if (request.getHeader("X-Amz-Date") == null) {
      return Optional.of("Missing X-Amz-Date");
    }
    return Optional.empty();
  }
}
