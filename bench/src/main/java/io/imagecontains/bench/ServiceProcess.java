package io.imagecontains.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code quarkus-run.jar}) in a child JVM, its output in a log file and its
 * pid in a file, so that the calling script can still stop it if this JVM is killed.
 */
final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** CPU time the service's JVM has used so far, all threads (zero where the OS cannot say). */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  private ServiceProcess(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  static ServiceProcess start(
      Path jar, String bootstrap, int httpPort, List<String> jvmOptions, Path log, Path pidFile)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dkafka.bootstrap.servers=" + bootstrap);
    command.add("-Dquarkus.http.port=" + httpPort);
    // A local benchmark on loopback: no access control (the packaged jar has it on by default).
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dauth.enabled=false");
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    Files.writeString(log, String.join(" ", command) + "\n\n");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    Files.writeString(pidFile, process.pid() + "\n");
    ServiceProcess service = new ServiceProcess(process, httpPort);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "stop-service"));
    return service;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** Polls {@code /q/health/ready} until it answers 200 with status UP; false on timeout/death. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return true;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** SIGTERM, then SIGKILL if it has not stopped within 20 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
