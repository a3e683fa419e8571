package io.imagecontains.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes manifests fail late and far away: a selector that matches no pod, a probe on a path
 * the app does not serve, an environment variable the app does not read (a typo silently keeps the
 * default). This parses every manifest of deploy/ and checks their references to each other and to
 * the application's configuration. (kubectl and a cluster are not needed.)
 */
class KubernetesManifestsTest {

  private static final Set<String> HEALTH_PATHS =
      Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

  private final Manifests base = Manifests.load(Manifests.BASE);
  private final Manifests production = Manifests.load(Manifests.PRODUCTION);

  private JsonNode pod() {
    return base.workload().path("spec").path("template");
  }

  private JsonNode container() {
    return pod().path("spec").path("containers").get(0);
  }

  @Test
  void everyResourceAndPatchAKustomizationNamesExistsAndPatchesTargetTheBase() {
    for (Manifests m : List.of(base, production)) {
      for (JsonNode entry : m.kustomization().path("resources")) {
        Path path = m.dir().resolve(entry.asText()).normalize();
        assertThat(
                Files.isRegularFile(path)
                    || Files.isRegularFile(path.resolve("kustomization.yaml")))
            .as(m.dir() + " resource " + entry.asText())
            .isTrue();
      }
      for (JsonNode patch : m.kustomization().path("patches")) {
        assertThat(m.dir().resolve(patch.path("path").asText())).isRegularFile();
      }
    }
    for (JsonNode patch : production.patches()) {
      assertThat(
              base.find(patch.path("kind").asText(), patch.path("metadata").path("name").asText()))
          .as("production patches " + patch.path("kind").asText() + " of the base")
          .isPresent();
    }
    String image = container().path("image").asText().replaceFirst(":.*$", "");
    assertThat(production.kustomization().path("images").get(0).path("name").asText())
        .isEqualTo(image);
  }

  @Test
  void selectorsOfTheWorkloadServicesPdbAndNetworkPolicyMatchThePodLabels() {
    Map<String, String> podLabels = Manifests.labels(pod().path("metadata").path("labels"));
    List<JsonNode> selectors = new ArrayList<>();
    selectors.add(base.workload().path("spec").path("selector").path("matchLabels"));
    base.ofKind("Service").forEach(s -> selectors.add(s.path("spec").path("selector")));
    base.ofKind("PodDisruptionBudget")
        .forEach(p -> selectors.add(p.path("spec").path("selector").path("matchLabels")));
    base.ofKind("NetworkPolicy")
        .forEach(n -> selectors.add(n.path("spec").path("podSelector").path("matchLabels")));
    assertThat(selectors).hasSize(5);
    for (JsonNode selector : selectors) {
      assertThat(Manifests.labels(selector)).isNotEmpty();
      assertThat(podLabels).containsAllEntriesOf(Manifests.labels(selector));
    }
  }

  @Test
  void servicesReachTheContainerPortWhichIsTheHttpPortTheAppListensOn() {
    Map<String, String> namedPorts = new TreeMap<>();
    container()
        .path("ports")
        .forEach(p -> namedPorts.put(p.path("name").asText(), p.path("containerPort").asText()));
    String httpPort = configMap(base).get("QUARKUS_HTTP_PORT");
    assertThat(namedPorts).containsEntry("http", httpPort);
    for (JsonNode service : base.ofKind("Service")) {
      for (JsonNode port : service.path("spec").path("ports")) {
        String target = port.path("targetPort").asText();
        assertThat(namedPorts.getOrDefault(target, target))
            .as(service.path("metadata").path("name").asText() + " targetPort")
            .isEqualTo(httpPort);
      }
    }
    assertThat(
            base.get("Service", "image-contains-headless").path("spec").path("clusterIP").asText())
        .isEqualTo("None");
    assertThat(base.workload().path("spec").path("serviceName").asText())
        .isEqualTo("image-contains-headless");
  }

  @Test
  void probesUseSmallRyeHealthOnTheHttpPort() {
    Map<String, String> paths = new TreeMap<>();
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode get = container().path(probe).path("httpGet");
      paths.put(probe, get.path("path").asText());
      assertThat(get.path("port").asText()).as(probe + " port").isEqualTo("http");
    }
    assertThat(paths)
        .containsEntry("startupProbe", "/q/health/started")
        .containsEntry("livenessProbe", "/q/health/live")
        .containsEntry("readinessProbe", "/q/health/ready");
    assertThat(HEALTH_PATHS).containsAll(probePaths());
    // The paths move if these are set; ProbePathsTest GETs them from the running app.
    assertThat(AppConfigNames.applicationProperties())
        .doesNotContainKeys(
            "quarkus.http.non-application-root-path", "quarkus.smallrye-health.root-path");
  }

  /** The probe paths in deploy/base, for ProbePathsTest to call. */
  static Set<String> probePaths() {
    JsonNode container =
        Manifests.load(Manifests.BASE)
            .workload()
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .get(0);
    Set<String> paths = new TreeSet<>();
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      paths.add(container.path(probe).path("httpGet").path("path").asText());
    }
    return paths;
  }

  @Test
  void everyEnvironmentVariableIsOneTheApplicationReads() {
    Set<String> names = new TreeSet<>(configMap(base).keySet());
    names.addAll(configMap(production).keySet());
    container().path("env").forEach(e -> names.add(e.path("name").asText()));
    List<String> unknown = AppConfigNames.unread(names);
    assertThat(unknown).as("variables no property of the application maps to").isEmpty();
  }

  @Test
  void interactiveQueriesAdvertiseThePodIpAndTheHttpPort() {
    assertThat(AppConfigNames.applicationProperties())
        .containsEntry(
            "quarkus.kafka-streams.application-server",
            "${service.host:localhost}:${quarkus.http.port}");
    JsonNode serviceHost = env("SERVICE_HOST");
    assertThat(serviceHost.path("valueFrom").path("fieldRef").path("fieldPath").asText())
        .isEqualTo("status.podIP");
  }

  @Test
  void configMapAndSecretsReferencedExistOrAreDocumentedAsTheOperatorsToCreate() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (JsonNode from : container().path("envFrom")) {
      String name = from.path("configMapRef").path("name").asText();
      assertThat(base.find("ConfigMap", name)).as("ConfigMap " + name).isPresent();
    }
    Set<String> secrets = new TreeSet<>();
    container()
        .path("env")
        .forEach(
            e -> {
              JsonNode ref = e.path("valueFrom").path("secretKeyRef");
              if (!ref.isMissingNode()) {
                secrets.add(ref.path("name").asText());
                assertThat(ref.path("key").asText()).isEqualTo(e.path("name").asText());
              }
            });
    assertThat(secrets).contains("image-contains-aws", "image-contains-auth");
    for (String secret : secrets) {
      if (base.find("Secret", secret).isEmpty()) {
        assertThat(
                java.util.regex.Pattern.compile(
                        "kubectl (-n \\S+ )?create secret generic " + secret + "\\b")
                    .matcher(readme)
                    .find())
            .as("README tells the operator to create the Secret " + secret)
            .isTrue();
      }
    }
    assertThat(base.ofKind("Secret")).as("no secret values in the repository").isEmpty();
    assertThat(env("AWS_SECRET_ACCESS_KEY").has("value")).isFalse();
  }

  @Test
  void pdbAndHpaTargetTheWorkloadAndTheHpaStaysWithinThePartitions() {
    JsonNode workload = base.workload();
    JsonNode hpa = base.ofKind("HorizontalPodAutoscaler").get(0).path("spec");
    assertThat(hpa.path("scaleTargetRef").path("kind").asText())
        .isEqualTo(workload.path("kind").asText());
    assertThat(hpa.path("scaleTargetRef").path("name").asText())
        .isEqualTo(workload.path("metadata").path("name").asText());
    assertThat(base.ofKind("PodDisruptionBudget")).hasSize(1);
    assertThat(hpa.path("maxReplicas").asInt())
        .as("more replicas than partitions would idle")
        .isLessThanOrEqualTo(Integer.parseInt(configMap(base).get("TOPICS_PARTITIONS")));
    JsonNode prodHpa =
        production.patches().stream()
            .filter(p -> p.path("kind").asText().equals("HorizontalPodAutoscaler"))
            .findFirst()
            .orElseThrow()
            .path("spec");
    assertThat(prodHpa.path("maxReplicas").asInt())
        .isLessThanOrEqualTo(Integer.parseInt(configMap(production).get("TOPICS_PARTITIONS")));
  }

  @Test
  void runsAsNonRootOnAReadOnlyRootWithWritableStateAndTmp() {
    JsonNode security = container().path("securityContext");
    assertThat(pod().path("spec").path("securityContext").path("runAsNonRoot").asBoolean())
        .isTrue();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    Map<String, String> mounts = new TreeMap<>();
    container()
        .path("volumeMounts")
        .forEach(m -> mounts.put(m.path("mountPath").asText(), m.path("name").asText()));
    assertThat(mounts).containsKey("/tmp");
    String stateDir = configMap(base).get("KAFKA_STREAMS_STATE_DIR");
    assertThat(mounts.keySet()).anyMatch(stateDir::startsWith);
    Set<String> volumes = new TreeSet<>();
    pod().path("spec").path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
    base.workload()
        .path("spec")
        .path("volumeClaimTemplates")
        .forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
    assertThat(volumes).containsAll(mounts.values());
    JsonNode resources = container().path("resources");
    assertThat(resources.path("requests").path("memory").isMissingNode()).isFalse();
    assertThat(resources.path("limits").path("memory").isMissingNode()).isFalse();
  }

  private JsonNode env(String name) {
    for (JsonNode e : container().path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no env " + name);
  }

  /** The ConfigMap's data in a kustomization: the base's, or an overlay's patch of it. */
  private static Map<String, String> configMap(Manifests m) {
    JsonNode map =
        m.find("ConfigMap", "image-contains")
            .orElseGet(
                () ->
                    m.patches().stream()
                        .filter(p -> p.path("kind").asText().equals("ConfigMap"))
                        .findFirst()
                        .orElseThrow());
    return YamlFiles.texts(map.path("data"));
  }
}
