package io.imagecontains.workforce;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Runs the MTurk simulator on its own. Flags are the property names without {@code simulator.}:
 * {@code --port 8099 --crowd-file crowd.json --truth-file truth.csv --time-scale 60
 * --faults.throttle-rate 0.1}; {@code -Dsimulator.*} system properties and environment variables
 * named as MicroProfile Config names them ({@code SIMULATOR_PORT}, {@code
 * SIMULATOR_FAULTS_THROTTLE_RATE}: containers are configured that way; secrets such as {@code
 * SIMULATOR_API_KEYS} and {@code SIMULATOR_CREDENTIALS} belong there, not on a command line
 * everyone can list) work too. Flags win, then system properties, then the environment.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorSettings settings =
        new SettingsReader(lookup(parse(args), System::getProperty, System.getenv())).read();
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

  /** Flags, then system properties, then environment variables. */
  static Function<String, Optional<String>> lookup(
      Map<String, String> flags,
      Function<String, String> systemProperties,
      Map<String, String> environment) {
    return name ->
        Optional.ofNullable(flags.get(name))
            .or(() -> Optional.ofNullable(systemProperties.apply(name)))
            .or(() -> Optional.ofNullable(environment.get(environmentName(name))));
  }

  /**
   * MicroProfile Config's rule: {@code simulator.faults.throttle-rate} is read from {@code
   * SIMULATOR_FAULTS_THROTTLE_RATE}.
   */
  static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
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
