package io.imagecontains.workforce;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the MTurk simulator on its own. Flags are the property names without {@code simulator.}:
 * {@code --port 8099 --crowd-file crowd.json --truth-file truth.csv --time-scale 60
 * --faults.throttle-rate 0.1}; {@code -Dsimulator.*} system properties and environment variables
 * ({@code SIMULATOR_API_KEYS}, {@code SIMULATOR_CREDENTIALS}: secrets belong there, not on a
 * command line everyone can list) work too. Flags win, then system properties.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> flags = parse(args);
    SimulatorSettings settings =
        new SettingsReader(
                name ->
                    Optional.ofNullable(flags.get(name))
                        .or(() -> Optional.ofNullable(System.getProperty(name)))
                        .or(() -> Optional.ofNullable(System.getenv(envName(name)))))
            .read();
    WorkforceServer server = WorkforceServer.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "MTurk simulator on %s (bound to %s), time scale %s, %d simulated workers%n",
        server.endpoint(), settings.host(), settings.timeScale(), server.crowd().workers().size());
    stopped.await();
  }

  /** MicroProfile Config's rule: {@code simulator.api-keys} is {@code SIMULATOR_API_KEYS}. */
  static String envName(String property) {
    return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: --<name> <value> ...; bad argument " + args[i]);
      }
      flags.put("simulator." + args[i].substring(2), args[++i]);
    }
    return flags;
  }
}
