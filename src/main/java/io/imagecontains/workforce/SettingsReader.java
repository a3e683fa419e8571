package io.imagecontains.workforce;

import io.imagecontains.auth.ApiKeys;
import io.imagecontains.workforce.crowd.AnswerPoison;
import io.imagecontains.workforce.protocol.FaultSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@link SimulatorSettings} from named properties, whatever holds them: system properties,
 * command-line flags, or MicroProfile config ({@code name -> config.getOptionalValue(name,
 * String.class)}). Unset properties keep their defaults.
 */
public final class SettingsReader {
  public static final String THROTTLE_RATE = "simulator.faults.throttle-rate";
  public static final String SERVER_ERROR_RATE = "simulator.faults.server-error-rate";
  public static final String LOST_RESPONSE_RATE = "simulator.faults.lost-response-rate";
  public static final String LATENCY_MS = "simulator.faults.latency-ms";
  public static final String SPIKE_RATE = "simulator.faults.spike-rate";
  public static final String SPIKE_MS = "simulator.faults.spike-ms";
  public static final String MALFORMED_RATE = "simulator.poison.malformed-rate";
  public static final String UNKNOWN_VALUE_RATE = "simulator.poison.unknown-value-rate";
  public static final String XXE_RATE = "simulator.poison.xxe-rate";
  public static final String XXE_TARGET = "simulator.poison.xxe-target";

  private final Function<String, Optional<String>> lookup;

  public SettingsReader(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  public static SimulatorSettings fromSystemProperties() {
    return new SettingsReader(name -> Optional.ofNullable(System.getProperty(name))).read();
  }

  public SimulatorSettings read() {
    SimulatorSettings d = SimulatorSettings.defaults();
    return new SimulatorSettings(
        lookup.apply(SimulatorSettings.ENABLED).map(Boolean::parseBoolean).orElse(d.enabled()),
        text(SimulatorSettings.HOST).orElse(d.host()),
        text(SimulatorSettings.PORT).map(Integer::parseInt).orElse(d.port()),
        text(SimulatorSettings.CROWD_FILE).map(Path::of),
        text(SimulatorSettings.TRUTH_FILE).map(Path::of),
        number(SimulatorSettings.TIME_SCALE).orElse(d.timeScale()),
        number(SimulatorSettings.POSITIVE_RATE).orElse(d.positiveRate()),
        text(SimulatorSettings.SEED).map(Long::parseLong).orElse(d.seed()),
        text(SimulatorSettings.STARTING_BALANCE).map(BigDecimal::new).orElse(d.startingBalance()),
        faults(),
        poison(),
        credentials(),
        ApiKeys.given(Arrays.asList(text(SimulatorSettings.API_KEYS).orElse("").split(","))));
  }

  /** {@code id:secret,id2:secret2}; a secret may itself contain colons, not commas. */
  private Map<String, String> credentials() {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String pair : text(SimulatorSettings.CREDENTIALS).orElse("").split(",")) {
      int colon = pair.indexOf(':');
      if (pair.isBlank()) {
        continue;
      }
      if (colon < 1) {
        throw new IllegalArgumentException(
            SimulatorSettings.CREDENTIALS + " must be id:secret[,id:secret...]");
      }
      keys.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }
    return keys;
  }

  private FaultSettings faults() {
    return new FaultSettings(
        rate(THROTTLE_RATE),
        rate(SERVER_ERROR_RATE),
        rate(LOST_RESPONSE_RATE),
        millis(LATENCY_MS),
        rate(SPIKE_RATE),
        millis(SPIKE_MS));
  }

  private AnswerPoison poison() {
    return new AnswerPoison(
        rate(MALFORMED_RATE),
        rate(UNKNOWN_VALUE_RATE),
        rate(XXE_RATE),
        text(XXE_TARGET).orElse(null));
  }

  private double rate(String name) {
    return number(name).orElse(0.0);
  }

  private Duration millis(String name) {
    return Duration.ofMillis(number(name).map(Double::longValue).orElse(0L));
  }

  private Optional<String> text(String name) {
    return lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  private Optional<Double> number(String name) {
    return text(name)
        .map(
            v -> {
              try {
                return Double.parseDouble(v);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
              }
            });
  }
}
