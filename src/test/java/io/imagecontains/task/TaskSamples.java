package io.imagecontains.task;

import io.imagecontains.task.TaskCommand.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random commands and tasks of every shape the service stores or writes — with and without HIT
 * work, answers, failures, sources — and text with whatever a user may send: quotes, backslashes,
 * control characters, non-ASCII, emoji and lone surrogates. Seeded, so a failure repeats.
 */
public final class TaskSamples {

  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    "-",
    "_",
    ".",
    "/",
    "?",
    "&",
    "=",
    "%20",
    " ",
    "\"",
    "\\",
    "<",
    ">",
    "'",
    "\n",
    "\t",
    "\r",
    "\b",
    "\f",
    "\u0000",
    "\u001f",
    "\u007f",
    "\u00e9",
    "\u00ff",
    "\u0100",
    "\u07ff",
    "\u0800",
    "\u2603",
    "\uffff",
    "\ud83d\udc36",
    "\ud800",
    "\udfff",
    "dog",
    "https://"
  };

  private final Random random;

  public TaskSamples(Random random) {
    this.random = random;
  }

  /** Text of 0–40 pieces; null now and then when {@code nullable}. */
  public String text(boolean nullable) {
    if (nullable && random.nextInt(5) == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  public TaskInput input() {
    return TaskInput.of(text(false), text(false));
  }

  public TaskCommand command() {
    Action action = random.nextBoolean() ? Action.PUT : Action.DELETE;
    return new TaskCommand(
        action,
        text(false),
        text(false),
        action == Action.PUT || random.nextInt(4) == 0 ? input() : null,
        text(true),
        random.nextInt(4) == 0 ? null : source());
  }

  private Source source() {
    return new Source(
        text(true),
        text(true),
        random.nextBoolean() ? random.nextInt() : null,
        random.nextBoolean() ? random.nextLong() : null,
        text(true));
  }

  public Task task() {
    long created = random.nextLong(4_000_000_000_000L);
    Task task = Task.created(new TaskKey(text(false), text(false)), input(), text(true), created);
    if (random.nextBoolean()) {
      task = task.withWork(work());
    }
    long updated = created + random.nextInt(10_000_000);
    return switch (random.nextInt(3)) {
      case 0 -> task;
      case 1 -> task.completed(random.nextBoolean(), updated);
      default -> task.failed(new Problem(text(false), text(false)), updated);
    };
  }

  public HitWork work() {
    HitWork.Phase phase = HitWork.Phase.values()[random.nextInt(HitWork.Phase.values().length)];
    List<HitWork.Answer> answers = new ArrayList<>();
    for (int i = random.nextInt(10); i > 0; i--) {
      answers.add(
          new HitWork.Answer(text(false), text(false), random.nextBoolean(), random.nextLong()));
    }
    return new HitWork(
        phase,
        text(false),
        text(true),
        random.nextInt(10),
        random.nextInt(5),
        random.nextLong(),
        answers,
        ids(),
        ids(),
        random.nextBoolean(),
        random.nextInt(20),
        random.nextLong(),
        random.nextDouble(),
        random.nextInt(5),
        random.nextInt(4),
        random.nextLong());
  }

  private List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      ids.add(text(false));
    }
    return ids;
  }
}
