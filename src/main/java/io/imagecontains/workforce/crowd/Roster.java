package io.imagecontains.workforce.crowd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Turns a crowd spec into named workers. Ids look like MTurk worker ids and say where a worker came
 * from ({@code A<group#><GROUP><n>}, e.g. {@code A01HONEST0007}), which helps when reading
 * per-worker reliability estimates.
 */
final class Roster {
  private Roster() {}

  static List<SimulatedWorker> enlist(CrowdSpec spec, Random random) {
    List<SimulatedWorker> workers = new ArrayList<>();
    for (int g = 0; g < spec.groups().size(); g++) {
      WorkerGroup group = spec.groups().get(g);
      String tag = group.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
      tag = tag.substring(0, Math.min(tag.length(), 12));
      for (int i = 1; i <= group.count(); i++) {
        String id = String.format(Locale.ROOT, "A%02d%s%04d", g + 1, tag, i);
        double accuracy = draw(group, random);
        workers.add(new SimulatedWorker(id, group.name(), group.behaviour(), accuracy, group));
      }
    }
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("the crowd has no workers");
    }
    return List.copyOf(workers);
  }

  private static double draw(WorkerGroup group, Random random) {
    double min = group.minAccuracy();
    return min + (group.maxAccuracy() - min) * random.nextDouble();
  }
}
