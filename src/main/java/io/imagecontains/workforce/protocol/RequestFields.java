package io.imagecontains.workforce.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagecontains.workforce.hits.TurkError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Typed reads of an AWS JSON request body, refusing missing or mistyped members as MTurk does. */
record RequestFields(JsonNode body) {

  String text(String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(name, "a string");
    }
    return v.asText();
  }

  String requiredText(String name) {
    String v = text(name);
    if (v == null) {
      throw new TurkError(TurkError.MISSING_PARAMETERS, "No value provided for " + name + ".");
    }
    return v;
  }

  Long number(String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw invalid(name, "an integer");
    }
    return v.asLong();
  }

  Integer integer(String name) {
    Long v = number(name);
    if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw invalid(name, "a 32-bit integer");
    }
    return v == null ? null : v.intValue();
  }

  Duration seconds(String name) {
    Long v = number(name);
    return v == null ? null : Duration.ofSeconds(v);
  }

  boolean flag(String name) {
    JsonNode v = body.get(name);
    return v != null && v.asBoolean(false);
  }

  /** An AWS JSON timestamp: epoch seconds, possibly with a fraction. */
  Instant time(String name) {
    JsonNode v = body.get(name);
    if (v == null || !v.isNumber()) {
      throw new TurkError(TurkError.MISSING_PARAMETERS, "No timestamp provided for " + name + ".");
    }
    BigDecimal millis = v.decimalValue().movePointRight(3);
    return Instant.ofEpochMilli(millis.longValue());
  }

  BigDecimal money(String name) {
    String v = requiredText(name);
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw invalid(name, "an amount such as \"0.05\"");
    }
  }

  JsonNode raw(String name) {
    JsonNode v = body.get(name);
    return v == null || v.isNull() ? null : v;
  }

  private static TurkError invalid(String name, String expected) {
    return new TurkError(TurkError.PARAMETER_OUT_OF_RANGE, name + " must be " + expected + ".");
  }
}
