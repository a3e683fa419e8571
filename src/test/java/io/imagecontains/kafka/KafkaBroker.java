package io.imagecontains.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) inside the test JVM, so
 * integration tests need no Docker. Settings are the ones exactly-once needs on one node.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

  private KafkaClusterTestKit cluster;

  @Override
  public Map<String, String> start() {
    try {
      cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("transaction.state.log.num.partitions", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "false")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return Map.of(
          "kafka.bootstrap.servers", cluster.bootstrapServers(),
          // A state dir that outlives its broker makes Streams wipe state: one per broker.
          "kafka-streams.state.dir",
              Files.createTempDirectory(
                      Files.createDirectories(Path.of("target", "streams-state")), "it")
                  .toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a state dir", e);
    } catch (Exception e) {
      throw new IllegalStateException("the test broker did not start", e);
    }
  }

  @Override
  public void stop() {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new IllegalStateException("the test broker did not stop", e);
      }
    }
  }
}
