package io.imagecontains.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.core.CoreConfig;
import io.imagecontains.kafka.KafkaBroker;
import io.imagecontains.kafka.TopicsConfig;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Any replica answers for any task: a second core instance (same application id, its own store and
 * HTTP endpoint) takes some partitions, and this instance's REST API still finds every task, asking
 * the owner for the ones it does not hold.
 */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
class ReplicaTest {

  @Inject TopicsConfig topics;
  @Inject CoreConfig core;
  @Inject KafkaStreams self;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aGetOnThisInstanceFindsTasksAnotherInstanceOwns() throws Exception {
    Ready.awaitReadiness();
    SecondReplica other = SecondReplica.start(topics, core, bootstrap, null);
    try {
      List<String> keys =
          SecondReplica.putAndFindEach(
              topics.requests(), other.namesOwnedEachWay(6), RestAssured::given);
      assertThat(keys).anyMatch(other::owns);
    } finally {
      other.closeAndAwaitSelf(self, topics.partitions());
    }
  }
}
