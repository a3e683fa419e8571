package io.imagecontains.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.SecuredProfile;
import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS/SASL settings given once as standard {@code kafka.*} properties reach every Kafka client of
 * the service: the SmallRye channels, Kafka Streams (the core) and the topic provisioner.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class KafkaSecuritySettingsTest {

  private static final Map<String, Object> SECURITY =
      Map.of(
          "security.protocol", "PLAINTEXT",
          "sasl.mechanism", "SCRAM-SHA-512",
          "sasl.jaas.config", SecuredProfile.JAAS);

  @Inject KafkaClientService clients;
  @Inject KafkaStreamsProducer streams;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> provisioner;

  @Test
  void theCoreGetsThem() {
    Map<String, Object> config = streams.getStreamsConfig().originals();
    SECURITY.forEach((k, v) -> assertThat(String.valueOf(config.get(k))).as(k).isEqualTo(v));
  }

  @Test
  void everyChannelGetsThem() {
    for (var config :
        java.util.List.of(
            clients.getConsumer("requests").configuration(),
            clients.getConsumer("hit-commands").configuration(),
            clients.getProducer("task-commands").configuration(),
            clients.getProducer("rejections").configuration(),
            clients.getProducer("hit-events").configuration())) {
      SECURITY.forEach((k, v) -> assertThat(String.valueOf(config.get(k))).as(k).isEqualTo(v));
    }
  }

  @Test
  void theTopicProvisionerGetsThem() {
    SECURITY.forEach((k, v) -> assertThat(String.valueOf(provisioner.get(k))).as(k).isEqualTo(v));
  }
}
