package io.imagecontains.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagecontains.auth.AuthConfig;
import io.imagecontains.auth.AuthConfigs;
import io.imagecontains.workforce.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator is never reachable beyond loopback unprotected, and its keys are enforced. */
class SimProtectionTest {

  private static final String KEY = "inspection-key-0123456789";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));

  @Test
  void listeningBeyondLoopbackWithoutCredentialsAndKeysIsRefused() {
    SimulatorSettings open = settings(Map.of("simulator.host", "0.0.0.0"));
    assertThatThrownBy(() -> WorkforceServer.start(open, clock))
        .hasMessageContaining("without protection")
        .hasMessageContaining("simulator.credentials")
        .hasMessageContaining("simulator.api-keys");
    SimulatorSettings keysOnly =
        settings(Map.of("simulator.host", "0.0.0.0", "simulator.api-keys", KEY));
    assertThatThrownBy(() -> WorkforceServer.start(keysOnly, clock))
        .hasMessageContaining("without protection");
  }

  @Test
  void listeningBeyondLoopbackWithBothProtectionsStarts() {
    SimulatorSettings guarded =
        settings(
            Map.of(
                "simulator.host", "0.0.0.0",
                "simulator.api-keys", "other-key-0123456789, " + KEY,
                "simulator.credentials", "AKIDSIMULATOR:not-a-secret"));
    assertThat(guarded.apiKeys()).containsExactly("other-key-0123456789", KEY);
    try (WorkforceServer server = WorkforceServer.start(guarded, clock)) {
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void theInspectionApiAnswersOnlyWithAKeyWhenItHasKeys() throws Exception {
    SimulatorSettings settings = SimulatorSettings.defaults().withPort(0).withApiKeys(List.of(KEY));
    try (WorkforceServer server = WorkforceServer.start(settings, clock)) {
      HttpResponse<String> none = get(server, null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(get(server, "Bearer wrong-key-0123456789").statusCode()).isEqualTo(401);
      assertThat(get(server, "Bearer " + KEY).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withAccessControlOnTheInProcessSimulatorTakesTheServicesKeysAndASecret() {
    AuthConfig on = auth(true, List.of(KEY));
    SimulatorSettings run =
        InProcessWorkforce.protect(SimulatorSettings.defaults(), on, () -> "drawn-secret");
    assertThat(run.apiKeys()).containsExactly(KEY);
    assertThat(run.credentials()).containsExactly(Map.entry("simulator", "drawn-secret"));

    SimulatorSettings own =
        SimulatorSettings.defaults()
            .withApiKeys(List.of("simulator-own-key-0123456"))
            .withCredentials(Map.of("id", "own-secret"));
    assertThat(InProcessWorkforce.protect(own, on, () -> "drawn-secret")).isEqualTo(own);
  }

  @Test
  void withAccessControlOffTheInProcessSimulatorIsAsConfigured() {
    SimulatorSettings defaults = SimulatorSettings.defaults();
    assertThat(InProcessWorkforce.protect(defaults, auth(false, List.of(KEY)), () -> "x"))
        .isEqualTo(defaults);
  }

  private static HttpResponse<String> get(WorkforceServer server, String authorization)
      throws Exception {
    return InspectionCalls.get(server, "hits", authorization);
  }

  /** As the service and SimulatorMain read them: named properties, on a free port. */
  private static SimulatorSettings settings(Map<String, String> properties) {
    return new SettingsReader(name -> Optional.ofNullable(properties.get(name))).read().withPort(0);
  }

  private static AuthConfig auth(boolean enabled, List<String> keys) {
    return AuthConfigs.of(enabled, Optional.of(keys));
  }
}
