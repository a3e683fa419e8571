package io.imagecontains.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link Bench}; bench/run-throughput passes most of them through. */
record BenchOptions(
    String bootstrap,
    int tasks,
    int partitions,
    int rate,
    Duration duration,
    Duration timeout,
    Duration stall,
    Duration readyTimeout,
    boolean baselineOnly,
    boolean skipLatency,
    Path serviceJar,
    Path runDir,
    int httpPort,
    List<String> serviceOptions) {

  /** Requests sent by the latency phase: one per 1/rate seconds for the duration. */
  int latencyTasks() {
    return Math.toIntExact(rate * duration.toSeconds());
  }

  Path serviceLog() {
    return runDir.resolve("service.log");
  }

  static BenchOptions parse(String[] args) {
    String bootstrap = null;
    int tasks = 200_000;
    int partitions = 3;
    int rate = 1_000;
    long duration = 30;
    long timeout = 300;
    long stall = 60;
    long readyTimeout = 120;
    boolean baselineOnly = false;
    boolean skipLatency = false;
    Path serviceJar = Path.of("target/quarkus-app/quarkus-run.jar");
    Path runDir = Path.of(".");
    int httpPort = 0;
    List<String> serviceOptions = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--baseline-only" -> baselineOnly = true;
        case "--skip-latency" -> skipLatency = true;
        case "--bootstrap" -> bootstrap = value(args, ++i, a);
        case "--tasks" -> tasks = positive(args, ++i, a, 100_000_000);
        case "--partitions" -> partitions = positive(args, ++i, a, 1_000);
        case "--rate" -> rate = positive(args, ++i, a, 100_000);
        case "--duration" -> duration = positive(args, ++i, a, 3_600);
        case "--timeout" -> timeout = positive(args, ++i, a, 86_400);
        case "--stall" -> stall = positive(args, ++i, a, 86_400);
        case "--ready-timeout" -> readyTimeout = positive(args, ++i, a, 3_600);
        case "--service-jar" -> serviceJar = Path.of(value(args, ++i, a));
        case "--run-dir" -> runDir = Path.of(value(args, ++i, a));
        case "--http-port" -> httpPort = positive(args, ++i, a, 65_535);
        case "--service-opt" -> serviceOptions.add(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option: " + a);
      }
    }
    if (bootstrap == null) {
      throw new IllegalArgumentException("--bootstrap HOST:PORT is required");
    }
    if ((long) rate * duration > 10_000_000) {
      throw new IllegalArgumentException("--rate x --duration is capped at 10,000,000 tasks");
    }
    return new BenchOptions(
        bootstrap,
        tasks,
        partitions,
        rate,
        Duration.ofSeconds(duration),
        Duration.ofSeconds(timeout),
        Duration.ofSeconds(stall),
        Duration.ofSeconds(readyTimeout),
        baselineOnly,
        skipLatency,
        serviceJar.toAbsolutePath(),
        runDir.toAbsolutePath(),
        httpPort == 0 ? freePort() : httpPort,
        List.copyOf(serviceOptions));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String[] args, int i, String option, int max) {
    String v = value(args, i, option);
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) {
        throw new IllegalArgumentException(option + " must be 1.." + max + ": " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number: " + v);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the service", e);
    }
  }
}
