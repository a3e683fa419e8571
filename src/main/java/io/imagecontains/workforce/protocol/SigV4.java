package io.imagecontains.workforce.protocol;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of AWS Signature Version 4 for a server: rebuild the canonical request from what
 * arrived, and compute the signature the client should have sent. Stateless.
 */
final class SigV4 {
  private static final HexFormat HEX = HexFormat.of();

  private SigV4() {}

  /** The canonical request over the headers the client said it signed. */
  static String canonicalRequest(HttpServerRequest request, String signedHeaders, Buffer body) {
    String headers =
        List.of(signedHeaders.split(";")).stream()
            .map(name -> name + ":" + headerValue(request, name) + "\n")
            .collect(Collectors.joining());
    String payloadHash =
        request.getHeader("x-amz-content-sha256") != null
            ? request.getHeader("x-amz-content-sha256")
            : HEX.formatHex(sha256(body.getBytes()));
    String query = request.query() == null ? "" : request.query();
    return String.join(
        "\n", request.method().name(), request.path(), query, headers, signedHeaders, payloadHash);
  }

  static String signature(String secret, String amzDate, String scope, String canonicalRequest) {
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
    for (String part : scope.split("/")) {
      key = hmac(key, part);
    }
    return HEX.formatHex(hmac(key, stringToSign));
  }

  private static String headerValue(HttpServerRequest request, String name) {
    return request.headers().getAll(name).stream()
        .map(v -> v.trim().replaceAll("\\s+", " "))
        .collect(Collectors.joining(","));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
