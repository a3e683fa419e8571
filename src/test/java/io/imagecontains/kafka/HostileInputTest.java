package io.imagecontains.kafka;

import static io.imagecontains.kafka.KafkaInterfaceTest.REJECTIONS;
import static io.imagecontains.kafka.KafkaInterfaceTest.REQUESTS;
import static io.imagecontains.kafka.KafkaInterfaceTest.RESULTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.mturk.MTurkSimulatorResource;
import io.imagecontains.mturk.SimulatorInspection;
import io.imagecontains.task.TaskJson;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;

/**
 * Fault scenario "hostile input" (issue 4, scenario 5) at CI size, on the real broker: the whole
 * hostile catalogue ({@link HostileCatalogue}) interleaved with valid {@code image-contains-test}
 * puts, a few {@code image-contains} ones for the simulator's workers (one with a script in its
 * label), valid-but-odd puts, and many puts of one name, some with a different input. Each bad
 * record is refused exactly once with its code (matched by the partition and offset the refusal
 * carries), every valid task ends with exactly one terminal view, and the worker's page shows the
 * script as text. {@code bench/scenarios/hostile} runs the same catalogue at full size.
 *
 * <p>It shares the broker with the other tests: its names and keys ({@code ok-}, {@code hostile-},
 * {@code same-}, …) stay clear of the ones they look for ({@code /v…}, {@code bad-…}).
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MTurkSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

  static final String SCRIPT_LABEL = "<script>alert(1)</script><b>dog</b>";
  static final int SAME_NAME_PUTS = 1_000;
  static final int CONFLICT_EVERY = 10;
  static final int REAL_EVERY = 40;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Future<RecordMetadata>> expectedRefusals = new HashMap<>();
  private final List<Future<RecordMetadata>> validSends = new ArrayList<>();
  private final Set<String> validKeys = new LinkedHashSet<>();

  @Test
  void everyBadRecordIsRefusedOnceWithItsCodeAndEveryValidTaskEndsOnce() throws Exception {
    allowMultiMegabyteRequests();
    List<HostileCatalogue.Entry> catalogue = HostileCatalogue.load();
    assertThat(catalogue).hasSizeGreaterThanOrEqualTo(40);
    String sameName = "same-" + run;
    try (TopicClient kafka = new TopicClient(RESULTS, REJECTIONS)) {
      int i = 0;
      for (HostileCatalogue.Entry bad : catalogue) {
        sendValid(kafka, "image-contains-test", "ok-" + run + "-" + i, "dog");
        if (i % REAL_EVERY == 0) {
          sendValid(kafka, "image-contains", "real-" + run + "-" + i, "dog");
        }
        expectRefusal(kafka.sendAsync(REQUESTS, "hostile-" + i, bad.value()), bad.code() + " " + i);
        i++;
      }
      sendValid(kafka, "image-contains", "script-" + run, SCRIPT_LABEL);
      sendOddButValid(kafka);
      for (int n = 0; n < SAME_NAME_PUTS; n++) {
        boolean conflicting = n > 0 && n % CONFLICT_EVERY == 0;
        Future<RecordMetadata> sent =
            kafka.sendAsync(
                REQUESTS,
                sameName,
                bytes(
                    put("image-contains-test", sameName, url(0), conflicting ? "cat" + n : "dog")));
        if (conflicting) {
          expectRefusal(sent, "ConflictingInput " + n);
        } else {
          validSends.add(sent);
        }
      }
      validKeys.add("image-contains-test/" + sameName);
      Map<String, String> expected = resolve(expectedRefusals);
      Set<String> validOffsets = resolve(validSends);

      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                List<ConsumerRecord<String, byte[]>> seen = kafka.poll();
                return terminalViews(seen).keySet().containsAll(validKeys)
                    && refusalsByOffset(seen).keySet().containsAll(expected.keySet());
              });

      List<ConsumerRecord<String, byte[]>> seen = kafka.poll();
      Map<String, List<JsonNode>> refusals = refusalsByOffset(seen);
      expected.forEach(
          (offset, what) -> {
            assertThat(refusals.get(offset)).as(what + " at " + offset).hasSize(1);
            assertThat(refusals.get(offset).get(0).get("code").asText())
                .as(what + " at " + offset)
                .isEqualTo(what.substring(0, what.indexOf(' ')));
          });
      validOffsets.forEach(
          o -> assertThat(refusals).as("valid record at " + o).doesNotContainKey(o));
      Map<String, Integer> terminal = terminalViews(seen);
      validKeys.forEach(k -> assertThat(terminal.get(k)).as("terminal views of " + k).isEqualTo(1));
      assertThat(statesOf(seen, "image-contains-test/" + sameName))
          .as("identical puts change nothing")
          .containsExactly("processing", "completed");
      seen.stream()
          .filter(r -> r.topic().equals(REJECTIONS))
          .forEach(
              r -> assertThat(r.value().length).as("a refusal stays small").isLessThan(40_000));
    }
    assertTheWorkersPageShowsTheLabelAsText("image-contains/script-" + run);
  }

  /** Labels may hold HTML: the HIT's page must show it as text, never run it. */
  private void assertTheWorkersPageShowsTheLabelAsText(String taskKey) throws Exception {
    JsonNode hit = null;
    for (JsonNode h : simulator("/_sim/hits")) {
      if (h.get("taskKey").asText().equals(taskKey)) {
        hit = h;
      }
    }
    assertThat(hit).as("the HIT of " + taskKey).isNotNull();
    assertThat(hit.get("label").asText()).as("what the worker reads").isEqualTo(SCRIPT_LABEL);
    String hitId = hit.get("hitId").asText();
    try (MTurkAsyncClient mturk = mturkClient()) {
      String question = mturk.getHIT(b -> b.hitId(hitId)).get().hit().question();
      assertThat(question)
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;dog&lt;/b&gt;")
          .doesNotContain("<script>alert(1)")
          .doesNotContain("<b>dog</b>");
    }
  }

  /** Puts that look odd but follow every rule: they must complete like any other. */
  private void sendOddButValid(TopicClient kafka) {
    String n = run;
    sendValid(kafka, "image-contains-test", "html-" + n, "<img src=x onerror=alert(1)> & \"dog\"");
    sendValid(kafka, "image-contains-test", "unicode-" + n, "chien \uD83D\uDC36 \u72AC");
    sendValid(
        kafka, "image-contains-test", ("max-" + n + "-" + "x".repeat(64)).substring(0, 64), "dog");
    String longUrl = "https://example.com/" + "a".repeat(376) + ".jpg";
    String name = "url400-" + n;
    validKeys.add("image-contains-test/" + name);
    validSends.add(
        kafka.sendAsync(REQUESTS, name, bytes(put("image-contains-test", name, longUrl, "dog"))));
    String extra = "extra-" + n;
    ObjectNode withMetadata =
        (ObjectNode) json(bytes(put("image-contains-test", extra, url(1), "dog")));
    withMetadata.put("traceId", "<script>alert(1)</script>");
    validKeys.add("image-contains-test/" + extra);
    validSends.add(kafka.sendAsync(REQUESTS, extra, bytes(withMetadata.toString())));
  }

  private void sendValid(TopicClient kafka, String function, String name, String label) {
    validKeys.add(function + "/" + name);
    validSends.add(
        kafka.sendAsync(REQUESTS, name, bytes(put(function, name, url(validKeys.size()), label))));
  }

  private void expectRefusal(Future<RecordMetadata> sent, String what) {
    expectedRefusals.put(what, sent);
  }

  /** The requests topic accepts records up to 8 MB, so the service sees multi-MB ones. */
  private static void allowMultiMegabyteRequests() throws Exception {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, REQUESTS);
      AlterConfigOp raise =
          new AlterConfigOp(
              new ConfigEntry(
                  TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                  String.valueOf(TopicClient.MAX_RECORD_BYTES)),
              AlterConfigOp.OpType.SET);
      admin.incrementalAlterConfigs(Map.of(topic, List.of(raise))).all().get();
    }
  }

  private static Map<String, String> resolve(Map<String, Future<RecordMetadata>> sends)
      throws Exception {
    Map<String, String> byOffset = new HashMap<>();
    for (Map.Entry<String, Future<RecordMetadata>> e : sends.entrySet()) {
      byOffset.put(position(e.getValue().get()), e.getKey());
    }
    return byOffset;
  }

  private static Set<String> resolve(List<Future<RecordMetadata>> sends) throws Exception {
    Set<String> offsets = new LinkedHashSet<>();
    for (Future<RecordMetadata> sent : sends) {
      offsets.add(position(sent.get()));
    }
    return offsets;
  }

  private static String position(RecordMetadata m) {
    return m.partition() + "@" + m.offset();
  }

  /** Refusals of records from the requests topic, by the partition and offset they name. */
  private static Map<String, List<JsonNode>> refusalsByOffset(
      List<ConsumerRecord<String, byte[]>> seen) {
    Map<String, List<JsonNode>> out = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : seen) {
      if (r.topic().equals(REJECTIONS)) {
        JsonNode source = json(r.value()).path("source");
        if (source.path("topic").asText().equals(REQUESTS)) {
          String at = source.get("partition").asInt() + "@" + source.get("offset").asLong();
          out.computeIfAbsent(at, k -> new ArrayList<>()).add(json(r.value()));
        }
      }
    }
    return out;
  }

  /** Terminal (completed or failed) views per task key. */
  private static Map<String, Integer> terminalViews(List<ConsumerRecord<String, byte[]>> seen) {
    Map<String, Integer> out = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : seen) {
      if (r.topic().equals(RESULTS) && r.value() != null) {
        String state = json(r.value()).get("state").asText();
        if (!state.equals("processing")) {
          out.merge(r.key(), 1, Integer::sum);
        }
      }
    }
    return out;
  }

  private static List<String> statesOf(List<ConsumerRecord<String, byte[]>> seen, String key) {
    return seen.stream()
        .filter(r -> r.topic().equals(RESULTS) && key.equals(r.key()) && r.value() != null)
        .map(r -> json(r.value()).get("state").asText())
        .toList();
  }

  private static String url(int i) {
    return "https://img.example.org/hostile/" + i + ".jpg";
  }

  private static String put(String function, String name, String url, String label) {
    ObjectNode put = TaskJson.MAPPER.createObjectNode();
    put.put("function", function).put("taskName", name);
    ObjectNode input = put.putObject("input");
    input.putObject("image").put("url", url);
    input.putObject("target").put("label", label);
    return put.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static MTurkAsyncClient mturkClient() {
    return MTurkAsyncClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTEST", "not-a-secret")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  private static String endpoint() {
    return SimulatorInspection.endpoint();
  }

  private static JsonNode simulator(String path) throws Exception {
    return SimulatorInspection.get(path);
  }

  private static JsonNode json(byte[] bytes) {
    return SimulatorInspection.json(bytes);
  }
}
