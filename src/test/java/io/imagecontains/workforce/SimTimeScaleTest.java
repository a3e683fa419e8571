package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagecontains.workforce.time.ManualClock;
import io.imagecontains.workforce.time.ScaledClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.HITStatus;

/** Simulated time running faster than real time, as in local runs and benchmarks. */
class SimTimeScaleTest {

  @Test
  void aScaledClockRunsScaleTimesFasterFromItsStart() {
    ManualClock real = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
    ScaledClock simulated = new ScaledClock(real, 60);
    real.advance(Duration.ofSeconds(90));
    assertThat(simulated.instant()).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
  }

  @Test
  void theDefaultCrowdAnswersWithinRealSecondsAtAnHourPerSecond() {
    SimulatorSettings settings = SimulatorSettings.defaults().withPort(0).withTimeScale(3600);
    try (WorkforceServer sim = WorkforceServer.start(settings);
        MTurkAsyncClient mturk = client(sim)) {
      HIT hit =
          await(mturk.createHIT(hitFor("https://img.example.org/a.jpg", "dog", 5).build())).hit();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> await(mturk.getHIT(b -> b.hitId(hit.hitId()))).hit().hitStatus(),
              HITStatus.REVIEWABLE::equals);
      assertThat(await(mturk.listAssignmentsForHIT(b -> b.hitId(hit.hitId()))).assignments())
          .hasSize(5);
    }
  }

  private static MTurkAsyncClient client(WorkforceServer sim) {
    return MTurkAsyncClient.builder()
        .endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSIMULATOR", "x")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }
}
