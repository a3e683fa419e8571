package io.imagecontains.ingress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagecontains.task.Refusal;
import io.imagecontains.task.RefusalCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns untrusted bytes into a JSON tree, or says precisely why not. Strict on purpose: invalid
 * UTF-8, duplicate keys, trailing garbage and deep nesting are refused rather than guessed at.
 */
final class JsonDocument {

  /** A valid request is 3 levels deep; this leaves room for producers' own extra fields. */
  static final int MAX_NESTING_DEPTH = 16;

  private static final ObjectMapper STRICT =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonDocument() {}

  /** The parsed tree, or the refusal. */
  sealed interface Result permits Parsed, Invalid {}

  record Parsed(JsonNode json) implements Result {}

  record Invalid(Refusal refusal) implements Result {}

  static Result read(byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length == 0) {
      return invalid(RefusalCode.EMPTY_RECORD, "the record has no value");
    }
    if (bytes.length > maxBytes) {
      return invalid(
          RefusalCode.RECORD_TOO_LARGE,
          "the record is " + bytes.length + " bytes; at most " + maxBytes + " are accepted");
    }
    if (isAsciiObject(bytes) && parse(bytes) instanceof Parsed parsed) {
      return parsed;
    }
    String text;
    try {
      text = decodeUtf8(bytes);
    } catch (CharacterCodingException e) {
      return invalid(RefusalCode.NOT_UTF8, "the record is not valid UTF-8");
    }
    return parse(text);
  }

  /**
   * The common case, parsed from the bytes without decoding them to text first: pure ASCII is valid
   * UTF-8, and with no zero byte and a leading '{' Jackson cannot take it for UTF-16 or UTF-32, so
   * the tree is the one the text would give. A refusal is not taken from here: the caller parses
   * the text, so every refusal and its message stay exactly as they were.
   */
  private static boolean isAsciiObject(byte[] bytes) {
    if (bytes[0] != '{') {
      return false;
    }
    for (byte b : bytes) {
      if (b <= 0) {
        return false;
      }
    }
    return true;
  }

  private static Result parse(byte[] ascii) {
    try {
      JsonNode json = STRICT.readTree(ascii);
      return json == null || json.isMissingNode() ? null : new Parsed(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static Result parse(String text) {
    try {
      JsonNode json = STRICT.readTree(text);
      if (json == null || json.isMissingNode()) {
        return invalid(RefusalCode.NOT_JSON, "the record holds no JSON document");
      }
      return new Parsed(json);
    } catch (StreamConstraintsException e) {
      return invalid(
          RefusalCode.NESTING_TOO_DEEP,
          "the JSON is nested deeper than " + MAX_NESTING_DEPTH + " levels");
    } catch (JsonParseException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
        return invalid(RefusalCode.DUPLICATE_KEY, "the JSON " + e.getOriginalMessage());
      }
      return invalid(RefusalCode.NOT_JSON, "the record is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return invalid(RefusalCode.NOT_JSON, "the record is not JSON: " + e.getMessage());
    }
  }

  /** The bytes as text, or an exception when they are not valid UTF-8 (never replaced). */
  static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
    if (isAscii(bytes)) {
      return new String(bytes, StandardCharsets.US_ASCII); // valid UTF-8; the cheap common case
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static Result invalid(RefusalCode code, String message) {
    return new Invalid(Refusal.of(code, message));
  }
}
