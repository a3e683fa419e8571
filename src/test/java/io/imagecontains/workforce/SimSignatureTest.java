package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.model.MTurkException;

/** With credentials configured, the simulator verifies SigV4 as AWS would. */
class SimSignatureTest {
  private final SimulatorFixture sim =
      new SimulatorFixture(
          SimulatorSettings.defaults().withCredentials(Map.of("AKIDSIMULATOR", "not-a-secret")));

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void theSdkSignatureWithTheRightSecretIsAccepted() {
    String hitId =
        sim.create(hitFor("https://img.example.org/a.jpg", "dog", 1)).hitId(); // body signed too
    assertThat(await(sim.mturk.getHIT(b -> b.hitId(hitId))).hit().hitId()).isEqualTo(hitId);
  }

  @Test
  void aWrongSecretIsRefused() {
    try (MTurkAsyncClient wrong = client("AKIDSIMULATOR", "guessed", Region.US_EAST_1)) {
      assertThatThrownBy(() -> await(wrong.getAccountBalance(b -> {})))
          .isInstanceOfSatisfying(
              MTurkException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
              });
    }
  }

  @Test
  void aSignatureForAnotherRegionIsRefused() {
    try (MTurkAsyncClient sandboxRegion =
        client("AKIDSIMULATOR", "not-a-secret", Region.EU_WEST_1)) {
      assertThatThrownBy(() -> await(sandboxRegion.getAccountBalance(b -> {})))
          .isInstanceOf(MTurkException.class);
    }
  }

  @Test
  void anUnknownAccessKeyIsRefused() {
    try (MTurkAsyncClient stranger = client("AKIDSTRANGER", "not-a-secret", Region.US_EAST_1)) {
      assertThatThrownBy(() -> await(stranger.getAccountBalance(b -> {})))
          .isInstanceOfSatisfying(
              MTurkException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("UnrecognizedClientException"));
    }
  }

  private MTurkAsyncClient client(String key, String secret, Region region) {
    return MTurkAsyncClient.builder()
        .endpointOverride(sim.server.endpoint())
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .build();
  }
}
