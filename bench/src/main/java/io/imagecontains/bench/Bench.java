package io.imagecontains.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Throughput of the service against a plain pass-through on the same broker, then its latency at
 * a steady rate. Started by bench/run-throughput, which owns the broker; see bench/README.md for
 * what each figure measures.
 */
public final class Bench {

  private static final String PASSTHROUGH_IN = "bench-passthrough-in";
  private static final String PASSTHROUGH_OUT = "bench-passthrough-out";
  /** As many warm rounds as the service gets, measured the same way (see below). */
  private static final int BASELINE_ROUNDS = 5;
  /** The service has far more code to compile than the pass-through: it gets longer to settle. */
  private static final int SERVICE_WARM_ROUNDS = 5;

  /** Its figure is the median of the last rounds, once the JIT has settled. */
  private static final int SERVICE_MEASURED_ROUNDS = 3;
  private static final String THROUGHPUT_PREFIX = "bench-";

  private final BenchOptions options;

  private Bench(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    int exit;
    try {
      exit = new Bench(options).run();
    } catch (IllegalStateException e) {
      System.err.println("bench: FAILED: " + e.getMessage());
      exit = 1;
    } catch (Exception e) {
      System.err.println("bench: FAILED: " + e);
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  private int run() throws Exception {
    say(
        "image-contains benchmark: %d tasks, %d partitions, %d cores, broker %s, load %s",
        options.tasks(),
        options.partitions(),
        Runtime.getRuntime().availableProcessors(),
        options.bootstrap(),
        load());
    Baseline baseline = baseline();
    say(
        "BASELINE  pass-through: %d records in %.2f s = %,.0f records/s (median of the last 3 of %d warm rounds;"
            + " cold first round %,.0f records/s)",
        baseline.warm().records(),
        baseline.warm().nanos() / 1e9,
        baseline.warm().perSecond(),
        BASELINE_ROUNDS,
        baseline.cold().perSecond());
    if (options.baselineOnly()) {
      return 0;
    }
    return service(baseline);
  }

  /**
   * Copies the N loaded records to a fresh output topic once to warm up the fresh broker and this
   * JVM (a cold round runs at about half speed), then {@value #BASELINE_ROUNDS} more times; the
   * figure is the median round.
   */
  /** The first (cold) pass-through round and the median of the warm ones. */
  private record Baseline(Passthrough.Result cold, Passthrough.Result warm) {}

  private Baseline baseline() throws Exception {
    try (Topics topics = new Topics(options.bootstrap())) {
      topics.createFresh(PASSTHROUGH_IN, options.partitions());
      for (int round = 0; round <= BASELINE_ROUNDS; round++) {
        topics.createFresh(PASSTHROUGH_OUT + "-" + round, options.partitions());
      }
    }
    double loadSeconds =
        RequestLoader.load(options.bootstrap(), PASSTHROUGH_IN, THROUGHPUT_PREFIX, options.tasks());
    say(
        "baseline: loaded %d records into %s in %.2f s",
        options.tasks(), PASSTHROUGH_IN, loadSeconds);
    List<Passthrough.Result> rounds = new ArrayList<>();
    Passthrough.Result cold = null;
    for (int round = 0; round <= BASELINE_ROUNDS; round++) {
      Passthrough.Result r =
          Passthrough.copy(
              options.bootstrap(),
              PASSTHROUGH_IN,
              PASSTHROUGH_OUT + "-" + round,
              options.tasks(),
              options.timeout());
      say(
          "baseline: round %d: %,.0f records/s%s, load %s",
          round, r.perSecond(), round == 0 ? " (warm-up, not counted)" : "", load());
      if (round > 0) {
        rounds.add(r);
      } else {
        cold = r;
      }
    }
    // Measured as the service is: the median of the last rounds, once the JIT has settled.
    List<Passthrough.Result> settled =
        new ArrayList<>(rounds.subList(rounds.size() - SERVICE_MEASURED_ROUNDS, rounds.size()));
    settled.sort(Comparator.comparingLong(Passthrough.Result::nanos));
    return new Baseline(cold, settled.get(settled.size() / 2));
  }

  private int service(Baseline baseline) throws Exception {
    try (Topics topics = new Topics(options.bootstrap())) {
      // The service finds it existing, with the partitions it would give it.
      topics.createFresh(Requests.REQUESTS_TOPIC, options.partitions());
    }
    double loadSeconds =
        RequestLoader.load(
            options.bootstrap(), Requests.REQUESTS_TOPIC, THROUGHPUT_PREFIX, options.tasks());
    say("service: loaded %d requests into %s in %.2f s (before the service starts)",
        options.tasks(), Requests.REQUESTS_TOPIC, loadSeconds);

    ViewTracker throughputTasks = new ViewTracker(THROUGHPUT_PREFIX, options.tasks());
    List<ViewTracker> warmRounds = new ArrayList<>();
    for (int round = 1; round <= SERVICE_WARM_ROUNDS; round++) {
      warmRounds.add(new ViewTracker("warm" + round + "-", options.tasks()));
    }
    String latencyPrefix = "lat-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    ViewTracker latencyTasks =
        new ViewTracker(latencyPrefix, options.skipLatency() ? 0 : options.latencyTasks());
    List<ViewTracker> trackers = new ArrayList<>(List.of(throughputTasks, latencyTasks));
    trackers.addAll(warmRounds);
    ResultsWatcher watcher = new ResultsWatcher(options.bootstrap(), trackers);
    watcher.start();
    try (ServiceProcess service = startService()) {
      long started = System.nanoTime();
      if (!service.awaitReady(options.readyTimeout())) {
        say("service: NOT READY within %d s (alive: %s); see %s", options.readyTimeout().toSeconds(),
            service.isAlive(), options.serviceLog());
        return 1;
      }
      long ready = System.nanoTime();
      int doneAtReady = throughputTasks.done();
      say("service: ready after %.2f s (%d tasks already done, first view %s)",
          (ready - started) / 1e9, doneAtReady,
          throughputTasks.firstArrival() == 0 ? "not yet seen"
              : String.format("%.2f s after start", (throughputTasks.firstArrival() - started) / 1e9));
      if (!awaitAll(throughputTasks, service, watcher, ready)) {
        return 1;
      }
      reportThroughput(baseline, throughputTasks, started, ready);
      if (!warmRounds(baseline, warmRounds, service, watcher)) {
        return 1;
      }
      int exit = 0;
      if (!options.skipLatency()) {
        exit = latency(latencyTasks, service, watcher);
      }
      reportRejections(watcher);
      if (!service.isAlive()) {
        say("service: DIED during the run (exit %d); see %s", service.exitCode(),
            options.serviceLog());
        exit = 1;
      }
      return exit;
    } finally {
      watcher.close();
    }
  }

  /**
   * The service's counterpart of the baseline's warm rounds: with the service running, N fresh
   * requests are written as fast as the loader can (under a second for 200,000) and timed from the
   * first view to the last final view. Every round is printed; the figure is the median of the
   * last {@value #SERVICE_MEASURED_ROUNDS}, when the JIT has compiled the service's hot paths.
   *
   * <p>Right before each service round, one more pass-through round runs (the service idle), so
   * each pair of rounds sees the same background load: on a shared machine the load drifts over
   * the minutes between the baseline phase and these rounds, and moves the plain ratio by ±50%.
   * The paired ratio is the median of the last {@value #SERVICE_MEASURED_ROUNDS} pairs' ratios.
   */
  private boolean warmRounds(
      Baseline baseline, List<ViewTracker> rounds, ServiceProcess service, ResultsWatcher watcher)
      throws Exception {
    try (Topics topics = new Topics(options.bootstrap())) {
      for (int i = 1; i <= rounds.size(); i++) {
        topics.createFresh(PASSTHROUGH_OUT + "-paired-" + i, options.partitions());
      }
    }
    List<Double> rates = new ArrayList<>();
    List<Double> pairRatios = new ArrayList<>();
    List<Double> cpuCosts = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      Passthrough.Result paired =
          Passthrough.copy(
              options.bootstrap(),
              PASSTHROUGH_IN,
              PASSTHROUGH_OUT + "-paired-" + (i + 1),
              options.tasks(),
              options.timeout());
      String pairedLoad = load();
      ViewTracker round = rounds.get(i);
      long start = System.nanoTime();
      long cpuBefore = service.cpuNanos();
      RequestLoader.load(options.bootstrap(), Requests.REQUESTS_TOPIC, round.prefix(), options.tasks());
      if (!awaitAll(round, service, watcher, start)) {
        return false;
      }
      double cpuPerThousand = (service.cpuNanos() - cpuBefore) / 1e6 / (round.size() / 1000.0);
      cpuCosts.add(cpuPerThousand);
      double rate = round.size() / ((round.lastCompletion() - round.firstArrival()) / 1e9);
      rates.add(rate);
      pairRatios.add(rate / paired.perSecond());
      say("service: warm round %d: %,.0f tasks/s, load %s; failed %d, duplicate final views %d;"
              + " paired baseline %,.0f records/s (load %s), ratio %.3f; CPU per 1000: service"
              + " %.1f ms, pass-through %.1f ms",
          i + 1, rate, load(), round.failed(), round.duplicates(), paired.perSecond(), pairedLoad,
          rate / paired.perSecond(), cpuPerThousand,
          paired.cpuNanos() / 1e6 / (paired.records() / 1000.0));
    }
    double median = medianOfLast(rates);
    say("SERVICE   warm: %,.0f tasks/s (median of the last %d of %d warm rounds)", median,
        SERVICE_MEASURED_ROUNDS, rates.size());
    say("RATIO     warm service / warm baseline = %.3f (target >= 0.2)",
        median / baseline.warm().perSecond());
    say("RATIO     paired: median of the last %d warm rounds' service / pass-through = %.3f"
            + " (target >= 0.2)", SERVICE_MEASURED_ROUNDS, medianOfLast(pairRatios));
    say("CPU       service JVM: %.1f ms per 1000 tasks (median of the last %d warm rounds; from"
            + " round start to last view, so it counts the idle rest of the round too)",
        medianOfLast(cpuCosts), SERVICE_MEASURED_ROUNDS);
    return true;
  }

  private static double medianOfLast(List<Double> values) {
    List<Double> settled =
        new ArrayList<>(values.subList(values.size() - SERVICE_MEASURED_ROUNDS, values.size()));
    settled.sort(Double::compare);
    return settled.get(settled.size() / 2);
  }

  private ServiceProcess startService() throws Exception {
    int httpPort = options.httpPort();
    List<String> jvm = new ArrayList<>();
    jvm.add("-Dtopics.partitions=" + options.partitions());
    jvm.add("-Dkafka-streams.state.dir=" + options.runDir().resolve("kafka-streams"));
    jvm.addAll(options.serviceOptions());
    say("service: starting %s on http port %d (log %s)", options.serviceJar(), httpPort,
        options.serviceLog());
    return ServiceProcess.start(
        options.serviceJar(), options.bootstrap(), httpPort, jvm, options.serviceLog(),
        options.runDir().resolve("service.pid"));
  }

  /** Waits until every task has a final view; false (and says why) on timeout, stall or death. */
  private boolean awaitAll(
      ViewTracker tasks, ServiceProcess service, ResultsWatcher watcher, long ready)
      throws InterruptedException {
    long deadline = ready + options.timeout().toNanos();
    long lastProgress = System.nanoTime();
    long nextReport = System.nanoTime() + 5_000_000_000L;
    int lastDone = -1;
    while (tasks.done() < tasks.size()) {
      long now = System.nanoTime();
      int done = tasks.done();
      if (done != lastDone) {
        lastDone = done;
        lastProgress = now;
      }
      String failure = null;
      if (!service.isAlive()) {
        failure = "the service exited with code " + service.exitCode();
      } else if (watcher.error() != null) {
        failure = "the results watcher failed: " + watcher.error();
      } else if (watcher.rejections() > 0 && done + watcher.rejections() >= tasks.size()) {
        failure = "the service rejected every task that is not done";
      } else if (now > deadline) {
        failure = "timeout after " + options.timeout().toSeconds() + " s";
      } else if (now - lastProgress > options.stall().toNanos()) {
        failure = "no task finished for " + options.stall().toSeconds() + " s";
      }
      if (failure != null) {
        say("service: FAILED: %s; %d of %d tasks done, %d rejections; see %s", failure, done,
            tasks.size(), watcher.rejections(), options.serviceLog());
        reportRejections(watcher);
        return false;
      }
      if (now >= nextReport) {
        say("service: %d of %d tasks done (%.0f s since ready), load %s", done, tasks.size(),
            (now - ready) / 1e9, load());
        nextReport = now + 5_000_000_000L;
      }
      Thread.sleep(5);
    }
    return true;
  }

  private void reportThroughput(
      Baseline baseline, ViewTracker tasks, long started, long ready) {
    int n = tasks.size();
    double fromFirstView = (tasks.lastCompletion() - tasks.firstArrival()) / 1e9;
    double fromReady = (tasks.lastCompletion() - ready) / 1e9;
    double rate = n / fromFirstView;
    say("SERVICE   cold round: %d tasks in %.2f s = %,.0f tasks/s"
            + " (fresh JVM; first view -> last final view)", n, fromFirstView, rate);
    say("          also: %,.0f tasks/s from ready (%.2f s), %,.0f tasks/s from process start"
            + " (%.2f s)", n / fromReady, fromReady, n / ((tasks.lastCompletion() - started) / 1e9),
        (tasks.lastCompletion() - started) / 1e9);
    double secondHalf = (tasks.lastCompletion() - tasks.halfwayCompletion()) / 1e9;
    say("          second half alone (warm JVM): %,.0f tasks/s (%.2f s)",
        (n - n / 2) / secondHalf, secondHalf);
    say("          failed: %d, duplicate final views: %d", tasks.failed(), tasks.duplicates());
    if (tasks.firstFailure() != null) {
      say("          first failed view: %s", tasks.firstFailure());
    }
    say("RATIO     cold service / cold baseline (each one's first round) = %.3f",
        rate / baseline.cold().perSecond());
  }

  private int latency(ViewTracker tasks, ServiceProcess service, ResultsWatcher watcher)
      throws Exception {
    say("latency: %d tasks/s for %d s (%d tasks)", options.rate(), options.duration().toSeconds(),
        tasks.size());
    LatencyRun.Sent sent = LatencyRun.send(options.bootstrap(), tasks, options.rate());
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (tasks.done() < tasks.size() && System.nanoTime() < deadline && service.isAlive()) {
      Thread.sleep(10);
    }
    watcher.close();
    LatencyRun.Result r = LatencyRun.summarize(tasks, sent);
    Percentiles c = r.toCompleted();
    say("LATENCY   send -> completed view: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
            + " (%d of %d tasks)", c.millis(50), c.millis(95), c.millis(99), c.maxMillis(),
        r.done(), r.sent());
    Percentiles f = r.toFirstView();
    say("          send -> first view:     p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        f.millis(50), f.millis(95), f.millis(99), f.maxMillis());
    say("          sender fell behind its schedule by at most %.1f ms; failed: %d",
        r.maxSendLagNanos() / 1e6, tasks.failed());
    if (r.done() < r.sent()) {
      say("latency: FAILED: %d tasks without a final view within %d s",
          r.sent() - r.done(), options.timeout().toSeconds());
      return 1;
    }
    return 0;
  }

  private static void reportRejections(ResultsWatcher watcher) {
    if (watcher.rejections() > 0) {
      say("service: %d rejections; first: %s", watcher.rejections(), watcher.firstRejection());
    }
    if (watcher.foreignViews() > 0) {
      say("service: %d views of tasks this run did not send", watcher.foreignViews());
    }
  }

  /** The 1-minute load average: other processes on this machine skew every figure. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static void say(String format, Object... args) {
    System.out.printf(format + "%n", args);
    System.out.flush();
  }
}
