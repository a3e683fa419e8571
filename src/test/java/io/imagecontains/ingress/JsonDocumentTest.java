package io.imagecontains.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Requests parsed straight from ASCII bytes come out as they did when decoded to text first. A
 * leading space sends the same document down the text path, so the two are compared on random
 * near-JSON: the same tree, or the same refusal.
 */
class JsonDocumentTest {

  private static final String[] PIECES = {
    "{", "}", "[", "]", ":", ",", "\"a\"", "\"function\"", "\"x\\u0000y\"", "\"\\ud800\"", "1",
    "-2.5e3", "true", "null", " ", "\n", "\"", "\\", "'", "{\"a\":1,\"a\":2}", "\u0001", "\u007f",
    "\u00e9", "/*", "NaN"
  };

  @Test
  void bytesAndTextGiveTheSameOutcome() {
    Random random = new Random(16);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      String document = document(random);
      JsonDocument.Result fromBytes = JsonDocument.read(bytes(document), 1 << 20);
      JsonDocument.Result fromText = JsonDocument.read(bytes(" " + document), 1 << 20);
      if (fromText instanceof JsonDocument.Parsed text) {
        parsed++;
        assertThat(fromBytes).as(document).isInstanceOf(JsonDocument.Parsed.class);
        assertThat(((JsonDocument.Parsed) fromBytes).json()).as(document).isEqualTo(text.json());
      } else {
        assertThat(fromBytes).as(document).isInstanceOf(JsonDocument.Invalid.class);
        assertThat(((JsonDocument.Invalid) fromBytes).refusal().code())
            .as(document)
            .isEqualTo(((JsonDocument.Invalid) fromText).refusal().code());
      }
    }
    assertThat(parsed).as("documents that parsed").isGreaterThan(1_000);
  }

  /** Mostly objects of a few fields, some of them broken. */
  private static String document(Random random) {
    StringBuilder text = new StringBuilder("{");
    int fields = random.nextInt(4);
    for (int i = 0; i < fields; i++) {
      text.append(i > 0 ? "," : "").append("\"f").append(i).append("\":");
      text.append(random.nextInt(3) == 0 ? piece(random) : "\"v\"");
    }
    text.append('}');
    if (random.nextInt(3) == 0) {
      text.insert(random.nextInt(text.length() + 1), piece(random));
    }
    return text.toString();
  }

  private static String piece(Random random) {
    return PIECES[random.nextInt(PIECES.length)];
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
