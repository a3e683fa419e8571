package io.imagecontains.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.kafka.Requests;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.Source;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskCommand.Action;
import io.imagecontains.task.TaskFunction;
import io.imagecontains.task.TaskInput;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad request the contract names gets its precise code; valid ones pass intact. */
class RequestParserTest {

  private static final Source SOURCE = new Source(Source.KAFKA, "requests", 2, 41L, "k");
  private static final int MAX_BYTES = 65536;

  private final RequestParser parser =
      new RequestParser(MAX_BYTES, f -> f == TaskFunction.IMAGE_CONTAINS_TEST);

  @Test
  void aValidPutBecomesACommandKeyedByFunctionAndName() {
    TaskCommand command =
        accepted(
            "{\"function\":\"image-contains-test\",\"taskName\":\"my-task_1.a\","
                + "\"input\":{\"image\":{\"url\":\"https://www.mturk.com/media/butterbean.jpg\"},"
                + "\"target\":{\"label\":\"dog\"}}}");

    assertThat(command.action()).isEqualTo(Action.PUT);
    assertThat(command.key().toString()).isEqualTo("image-contains-test/my-task_1.a");
    assertThat(command.input())
        .isEqualTo(TaskInput.of("https://www.mturk.com/media/butterbean.jpg", "dog"));
    assertThat(command.source()).isEqualTo(SOURCE);
  }

  @Test
  void aValidDeleteNeedsNoInput() {
    TaskCommand command =
        accepted("{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"action\":\"delete\"}");

    assertThat(command.action()).isEqualTo(Action.DELETE);
    assertThat(command.input()).isNull();
  }

  @Test
  void unknownTopLevelFieldsAreIgnored() {
    TaskCommand command =
        accepted(
            "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"traceId\":{\"a\":[1,2]},"
                + "\"input\":{\"image\":{\"url\":\"http://x.org/a.png\"},\"target\":{\"label\":\"cat\"}}}");

    assertThat(command.input().target().label()).isEqualTo("cat");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not json at all | NotJson | ",
        "{\"function\": | NotJson | ",
        "{}{} | NotJson | ",
        "[1,2] | NotAnObject | ",
        "\"text\" | NotAnObject | ",
        "42 | NotAnObject | ",
        "null | NotAnObject | ",
        "{\"function\":\"a\",\"function\":\"b\"} | DuplicateKey | ",
        "{\"taskName\":\"t\"} | InvalidFunction | /function",
        "{\"function\":null,\"taskName\":\"t\"} | InvalidFunction | /function",
        "{\"function\":7,\"taskName\":\"t\"} | InvalidFunction | /function",
        "{\"function\":\"image-contains-prod\",\"taskName\":\"t\"} | UnknownFunction | /function",
        "{\"function\":\"image-contains\",\"taskName\":\"t\"} | FunctionUnavailable | /function",
        "{\"function\":\"image-contains-test\"} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":\"\"} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":12} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":\"a b\"} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":\"../etc\"} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":\"..\"} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":\"é\"} | InvalidTaskName | /taskName",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"action\":\"purge\"} | InvalidAction | /action",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\"} | InvalidInput | /input",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":[]} | InvalidInput | /input",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"target\":{\"label\":\"dog\"}}} | InvalidInput | /input/image",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":\"http://x.org/a\",\"target\":{\"label\":\"dog\"}}} | InvalidInput | /input/image",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"http://x.org/a\"}}} | InvalidInput | /input/target",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"http://x.org/a\"},\"target\":{\"label\":\"dog\"},\"extra\":1}} | UnknownField | /input/extra",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"http://x.org/a\",\"alt\":\"x\"},\"target\":{\"label\":\"dog\"}}} | UnknownField | /input/image/alt",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":null},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":5},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"/relative/a.jpg\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"ftp://x.org/a.jpg\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"javascript:alert(1)\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"data:image/png;base64,AAAA\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"file:///etc/passwd\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://x.org/a b.jpg\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://x.org/a\\u0007.jpg\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https:///a.jpg\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://user:pw@x.org/a.jpg\"},\"target\":{\"label\":\"dog\"}}} | InvalidImageUrl | /input/image/url",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://x.org/a.jpg\"},\"target\":{}}} | InvalidLabel | /input/target/label",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://x.org/a.jpg\"},\"target\":{\"label\":\"   \"}}} | InvalidLabel | /input/target/label",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://x.org/a.jpg\"},\"target\":{\"label\":true}}} | InvalidLabel | /input/target/label",
        "{\"function\":\"image-contains-test\",\"taskName\":\"t\",\"input\":{\"image\":{\"url\":\"https://x.org/a.jpg\"},\"target\":{\"label\":\"do\\ng\"}}} | InvalidLabel | /input/target/label",
      })
  void badRequestsAreRefusedWithAPreciseCode(String json, String code, String field) {
    Rejection rejection = rejected(json.getBytes(StandardCharsets.UTF_8));

    assertThat(rejection.code().code()).isEqualTo(code);
    assertThat(rejection.field()).isEqualTo(field);
    assertThat(rejection.message()).isNotBlank();
    assertThat(rejection.source()).isEqualTo(SOURCE);
  }

  @Test
  void anEmptyOrMissingValueIsRefused() {
    assertThat(rejected(new byte[0]).code().code()).isEqualTo("EmptyRecord");
    assertThat(rejected(null).code().code()).isEqualTo("EmptyRecord");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAndEchoedAsBase64() {
    byte[] latin1 = "{\"taskName\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    Rejection rejection = rejected(latin1);

    assertThat(rejection.code().code()).isEqualTo("NotUtf8");
    assertThat(rejection.record()).isNull();
    assertThat(java.util.Base64.getDecoder().decode(rejection.recordBase64())).isEqualTo(latin1);
  }

  @Test
  void absurdlyNestedJsonIsRefusedBeforeItCostsMuch() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThat(rejected(deep.getBytes(StandardCharsets.UTF_8)).code().code())
        .isEqualTo("NestingTooDeep");
  }

  @Test
  void tooLongNamesUrlsAndLabelsAreRefused() {
    assertThat(rejected(put("x".repeat(65), "https://x.org/a.jpg", "dog")).code().code())
        .isEqualTo("InvalidTaskName");
    assertThat(accepted(new String(put("x".repeat(64), "https://x.org/a.jpg", "dog"))).taskName())
        .hasSize(64);
    String url400 = "https://x.org/" + "a".repeat(400 - 14);
    assertThat(accepted(new String(put("t", url400, "dog"))).input().image().url()).hasSize(400);
    assertThat(rejected(put("t", url400 + "a", "dog")).code().code()).isEqualTo("InvalidImageUrl");
    assertThat(rejected(put("t", "https://x.org/a.jpg", "d".repeat(257))).code().code())
        .isEqualTo("InvalidLabel");
  }

  @Test
  void aHugeRecordIsRefusedAndOnlyItsBeginningEchoed() {
    byte[] huge = put("t", "https://x.org/a.jpg", "d".repeat(200_000));

    Rejection rejection = rejected(huge);

    assertThat(rejection.code().code()).isEqualTo("RecordTooLarge");
    assertThat(rejection.recordTruncated()).isTrue();
    assertThat(java.util.Base64.getDecoder().decode(rejection.recordBase64()))
        .hasSize(RequestParser.MAX_ECHO_BYTES);
  }

  @Test
  void aRefusalKeepsTheIdentityItCouldRead() {
    Rejection rejection = rejected(put("good-name", "ftp://x.org/a.jpg", "dog"));

    assertThat(rejection.function()).isEqualTo("image-contains-test");
    assertThat(rejection.taskName()).isEqualTo("good-name");
    assertThat(rejection.kafkaKey()).isEqualTo("image-contains-test/good-name");
    assertThat(rejection.record().get("input").get("image").get("url").asText())
        .isEqualTo("ftp://x.org/a.jpg");
  }

  @Test
  void htmlInLabelsIsAcceptedAsTextNotRefused() {
    // Escaping is the HIT builder's job; a label may legitimately contain '<' or '&'.
    TaskCommand command =
        accepted(new String(put("t", "https://x.org/a.jpg", "<b>cats & dogs</b>")));

    assertThat(command.input().target().label()).isEqualTo("<b>cats & dogs</b>");
  }

  private static byte[] put(String name, String url, String label) {
    return Requests.put("image-contains-test", name, url, label).getBytes(StandardCharsets.UTF_8);
  }

  private TaskCommand accepted(String json) {
    RequestParser.Outcome outcome =
        parser.parse(json.getBytes(StandardCharsets.UTF_8), SOURCE, "requests-2@41", 0);
    assertThat(outcome).isInstanceOf(RequestParser.Accepted.class);
    return ((RequestParser.Accepted) outcome).command();
  }

  private Rejection rejected(byte[] value) {
    RequestParser.Outcome outcome = parser.parse(value, SOURCE, "requests-2@41", 0);
    assertThat(outcome).isInstanceOf(RequestParser.Rejected.class);
    return ((RequestParser.Rejected) outcome).rejection();
  }
}
