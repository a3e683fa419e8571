package io.imagecontains.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference stays complete and true: every property of every
 * {@code @ConfigMapping} (found by reflection, so a new one cannot be forgotten) and every
 * simulator setting has a row, with the right environment variable and, where the code has one, the
 * default the code uses; and no row names a property nothing reads.
 */
class ConfigReferenceTest {

  /** One row of the table: property | environment variable | default | meaning. */
  record Row(String property, String environment, String defaultValue) {}

  private static Map<String, Row> rows;

  @BeforeAll
  static void readTable() throws IOException {
    rows = table(Files.readString(Path.of("README.md")));
  }

  @Test
  void everyConfigMappingPropertyHasARowWithItsCodeDefault() {
    List<String> problems = new ArrayList<>();
    for (AppConfigNames.MappedProperty p : AppConfigNames.configMappings()) {
      Row row = rows.get(p.name());
      if (row == null) {
        problems.add(p.name() + " (" + p.mapping().getSimpleName() + ") has no row");
        continue;
      }
      p.defaultValue()
          .or(
              () ->
                  java.util.Optional.ofNullable(
                      AppConfigNames.applicationProperties().get(p.name())))
          .filter(d -> !row.defaultValue().contains("`" + d + "`"))
          .ifPresent(d -> problems.add(p.name() + ": default should show `" + d + "`"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everySimulatorSettingAndDeploymentSettingHasARow() {
    Set<String> expected = new TreeSet<>(AppConfigNames.simulatorSettings());
    expected.addAll(AppConfigNames.QUARKUS_SET_BY_DEPLOYMENTS);
    expected.addAll(List.of("auth.enabled", "auth.api-keys"));
    expected.addAll(
        List.of(
            "kafka.bootstrap.servers",
            "quarkus.kafka-streams.application-server",
            "service.host",
            "kafka-streams.state.dir",
            "kafka-streams.commit.interval.ms"));
    assertThat(rows.keySet()).containsAll(expected);
  }

  @Test
  void everyRowNamesAPropertyTheApplicationReadsAndItsEnvironmentVariable() {
    Set<String> read = AppConfigNames.all();
    List<String> problems = new ArrayList<>();
    rows.values()
        .forEach(
            row -> {
              if (!read.contains(row.property())) {
                problems.add(row.property() + ": nothing reads it");
              }
              String env = AppConfigNames.environmentName(row.property());
              if (!row.environment().equals(env)) {
                problems.add(row.property() + ": environment variable is " + env);
              }
            });
    assertThat(problems).isEmpty();
  }

  /** The rows of the README's "## Configuration" section whose first cell is a `property`. */
  static Map<String, Row> table(String readme) {
    int start = readme.indexOf("\n## Configuration");
    assertThat(start).as("README has a Configuration section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
      String[] cells = line.split("\\|");
      if (cells.length >= 5 && cells[1].trim().matches("`[a-z][^`]*`")) {
        rows.put(unquote(cells[1]), new Row(unquote(cells[1]), unquote(cells[2]), cells[3].trim()));
      }
    }
    return rows;
  }

  private static String unquote(String cell) {
    return cell.trim().replaceAll("^`|`$", "");
  }
}
