package io.imagecontains.workforce;

import io.imagecontains.workforce.crowd.AnswerPoison;
import io.imagecontains.workforce.protocol.FaultSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the MTurk simulator can be told, with defaults. Property names (what {@link
 * SettingsReader} reads, and what the service's MicroProfile config maps) are the constants below.
 *
 * @param enabled whether the service starts the simulator in-process ({@value #ENABLED})
 * @param host interface to listen on ({@value #HOST}); default loopback only
 * @param port TCP port ({@value #PORT}); 0 picks a free one
 * @param crowdFile the crowd file ({@value #CROWD_FILE}); default: the bundled default crowd
 * @param truthFile the truth file ({@value #TRUTH_FILE}); default: hashed truths only
 * @param timeScale simulated seconds per real second ({@value #TIME_SCALE})
 * @param positiveRate share of unlisted (url, label) pairs that are true ({@value #POSITIVE_RATE})
 * @param seed seeds every random draw: same seed, same calls, same run ({@value #SEED})
 * @param startingBalance the requester's balance in dollars ({@value #STARTING_BALANCE})
 * @param faults faults injected into the Requester API ({@code simulator.faults.*})
 * @param poison broken answers the crowd submits ({@code simulator.poison.*})
 * @param credentials secret keys by access key id ({@value #CREDENTIALS}, {@code id:secret,...});
 *     when set, signatures are verified; when empty, any credentials are accepted
 * @param apiKeys keys the inspection API ({@code /_sim/}) requires as {@code Authorization: Bearer}
 *     ({@value #API_KEYS}, comma-separated); when empty, it is open. Both this and {@code
 *     credentials} are required to listen anywhere but on loopback.
 */
public record SimulatorSettings(
    boolean enabled,
    String host,
    int port,
    Optional<Path> crowdFile,
    Optional<Path> truthFile,
    double timeScale,
    double positiveRate,
    long seed,
    BigDecimal startingBalance,
    FaultSettings faults,
    AnswerPoison poison,
    Map<String, String> credentials,
    List<String> apiKeys) {

  public static final String ENABLED = "simulator.enabled";
  public static final String HOST = "simulator.host";
  public static final String PORT = "simulator.port";
  public static final String CROWD_FILE = "simulator.crowd-file";
  public static final String TRUTH_FILE = "simulator.truth-file";
  public static final String TIME_SCALE = "simulator.time-scale";
  public static final String POSITIVE_RATE = "simulator.positive-rate";
  public static final String SEED = "simulator.seed";
  public static final String STARTING_BALANCE = "simulator.starting-balance";
  public static final String CREDENTIALS = "simulator.credentials";
  public static final String API_KEYS = "simulator.api-keys";

  /** 8099: next to the service's 8080, and what {@code SimulatorMain} uses by default. */
  public static final int DEFAULT_PORT = 8099;

  /**
   * 60: one simulated minute per real second, so a HIT's typical hour of worker time passes in a
   * minute of a local run. Set 1 for real time.
   */
  public static final double DEFAULT_TIME_SCALE = 60;

  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        false,
        "127.0.0.1",
        DEFAULT_PORT,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_TIME_SCALE,
        0.5,
        42,
        new BigDecimal("10000.00"),
        FaultSettings.NONE,
        AnswerPoison.NONE,
        Map.of(),
        List.of());
  }

  public SimulatorSettings {
    credentials = Map.copyOf(credentials);
    apiKeys = List.copyOf(apiKeys);
    if (!(timeScale > 0) || positiveRate < 0 || positiveRate > 1 || port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "need time-scale > 0, positive-rate within 0..1 and a valid port");
    }
  }

  public SimulatorSettings withPort(int newPort) {
    return edit(d -> d.port = newPort);
  }

  public SimulatorSettings withTimeScale(double scale) {
    return edit(d -> d.timeScale = scale);
  }

  public SimulatorSettings withSeed(long newSeed) {
    return edit(d -> d.seed = newSeed);
  }

  public SimulatorSettings withCrowdFile(Path file) {
    return edit(d -> d.crowdFile = Optional.of(file));
  }

  public SimulatorSettings withTruthFile(Path file) {
    return edit(d -> d.truthFile = Optional.of(file));
  }

  public SimulatorSettings withFaults(FaultSettings newFaults) {
    return edit(d -> d.faults = newFaults);
  }

  public SimulatorSettings withPoison(AnswerPoison newPoison) {
    return edit(d -> d.poison = newPoison);
  }

  public SimulatorSettings withCredentials(Map<String, String> keys) {
    return edit(d -> d.credentials = keys);
  }

  public SimulatorSettings withApiKeys(List<String> keys) {
    return edit(d -> d.apiKeys = keys);
  }

  /** A copy with {@code change} applied: one place that lists every field (as in HitWork). */
  private SimulatorSettings edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new SimulatorSettings(
        d.enabled,
        d.host,
        d.port,
        d.crowdFile,
        d.truthFile,
        d.timeScale,
        d.positiveRate,
        d.seed,
        d.startingBalance,
        d.faults,
        d.poison,
        d.credentials,
        d.apiKeys);
  }

  /** The fields of settings being edited. */
  private static final class Draft {
    final boolean enabled;
    final String host;
    int port;
    Optional<Path> crowdFile;
    Optional<Path> truthFile;
    double timeScale;
    final double positiveRate;
    long seed;
    final BigDecimal startingBalance;
    FaultSettings faults;
    AnswerPoison poison;
    Map<String, String> credentials;
    List<String> apiKeys;

    Draft(SimulatorSettings s) {
      enabled = s.enabled;
      host = s.host;
      port = s.port;
      crowdFile = s.crowdFile;
      truthFile = s.truthFile;
      timeScale = s.timeScale;
      positiveRate = s.positiveRate;
      seed = s.seed;
      startingBalance = s.startingBalance;
      faults = s.faults;
      poison = s.poison;
      credentials = s.credentials;
      apiKeys = s.apiKeys;
    }
  }
}
