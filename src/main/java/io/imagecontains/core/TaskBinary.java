package io.imagecontains.core;

import io.imagecontains.task.HitWork;
import io.imagecontains.task.Problem;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The {@code tasks} store's compact binary format. The store and its changelog are internal, so
 * they need not be JSON; databind on them was a tenth of the core's time. The first byte is the
 * format's version, so a later format can be told apart (and older records still read); it is
 * never {@code '{'}, which starts the JSON that versions before it wrote ({@link TaskSerde}).
 *
 * <p>Enums are written by an explicit code (the index in the arrays below), never by ordinal, so
 * reordering an enum cannot change what stored records mean: only append to these arrays.
 */
final class TaskBinary {

  static final int VERSION = 1;

  private static final TaskState[] STATES = {
    TaskState.PROCESSING, TaskState.COMPLETED, TaskState.FAILED
  };
  private static final HitWork.Phase[] PHASES = {
    HitWork.Phase.CREATING, HitWork.Phase.COLLECTING, HitWork.Phase.CLEANUP, HitWork.Phase.DONE
  };

  private TaskBinary() {}

  static byte[] write(Task task) {
    BinaryOut out = new BinaryOut().writeByte(VERSION);
    out.writeString(task.function()).writeString(task.taskName());
    writeInput(out, task.input());
    out.writeByte(code(STATES, task.state()));
    out.writeByte(task.containsTarget() == null ? 0 : task.containsTarget() ? 2 : 1);
    out.writeBoolean(task.problem() != null);
    if (task.problem() != null) {
      out.writeString(task.problem().code()).writeString(task.problem().message());
    }
    out.writeString(task.createdBy()).writeLong(task.createdAt()).writeLong(task.updatedAt());
    out.writeBoolean(task.work() != null);
    if (task.work() != null) {
      writeWork(out, task.work());
    }
    return out.toByteArray();
  }

  static Task read(byte[] bytes) {
    BinaryIn in = new BinaryIn(bytes);
    int version = in.readByte();
    if (version != VERSION) {
      throw new SerializationException(
          "task record of format version " + version + "; this version reads " + VERSION);
    }
    String function = in.readString();
    String taskName = in.readString();
    TaskInput input = readInput(in);
    TaskState state = decode(STATES, in.readByte());
    int result = in.readByte();
    Boolean containsTarget = result == 0 ? null : result == 2;
    Problem problem = in.readBoolean() ? new Problem(in.readString(), in.readString()) : null;
    String createdBy = in.readString();
    long createdAt = in.readLong();
    long updatedAt = in.readLong();
    HitWork work = in.readBoolean() ? readWork(in) : null;
    if (!in.atEnd()) {
      throw new SerializationException("task record has bytes past its end");
    }
    return new Task(
        function,
        taskName,
        input,
        state,
        containsTarget,
        problem,
        createdBy,
        createdAt,
        updatedAt,
        work);
  }

  /** Presence bits (1 input, 2 image, 4 target), then the present texts. */
  private static void writeInput(BinaryOut out, TaskInput input) {
    if (input == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1 | (input.image() != null ? 2 : 0) | (input.target() != null ? 4 : 0));
    if (input.image() != null) {
      out.writeString(input.image().url());
    }
    if (input.target() != null) {
      out.writeString(input.target().label());
    }
  }

  private static TaskInput readInput(BinaryIn in) {
    int present = in.readByte();
    if ((present & 1) == 0) {
      return null;
    }
    TaskInput.Image image = (present & 2) != 0 ? new TaskInput.Image(in.readString()) : null;
    TaskInput.Target target = (present & 4) != 0 ? new TaskInput.Target(in.readString()) : null;
    return new TaskInput(image, target);
  }

  private static void writeWork(BinaryOut out, HitWork work) {
    out.writeByte(code(PHASES, work.phase()));
    out.writeString(work.token()).writeString(work.hitId());
    out.writeInt(work.maxAssignments()).writeInt(work.round()).writeLong(work.expiresAt());
    out.writeInt(work.answers().size());
    for (HitWork.Answer answer : work.answers()) {
      out.writeString(answer.assignmentId()).writeString(answer.workerId());
      out.writeBoolean(answer.containsTarget()).writeLong(answer.at());
    }
    out.writeStrings(work.unreadable()).writeStrings(work.approved());
    out.writeBoolean(work.expired()).writeInt(work.pollAttempt()).writeLong(work.wakeAt());
    out.writeDouble(work.confidence());
    out.writeInt(work.extending()).writeInt(work.pendingCalls()).writeLong(work.pendingSince());
  }

  private static HitWork readWork(BinaryIn in) {
    HitWork.Phase phase = decode(PHASES, in.readByte());
    String token = in.readString();
    String hitId = in.readString();
    int maxAssignments = in.readInt();
    int round = in.readInt();
    long expiresAt = in.readLong();
    int count = in.count();
    List<HitWork.Answer> answers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      answers.add(
          new HitWork.Answer(in.readString(), in.readString(), in.readBoolean(), in.readLong()));
    }
    List<String> unreadable = in.readStrings();
    List<String> approved = in.readStrings();
    return new HitWork(
        phase,
        token,
        hitId,
        maxAssignments,
        round,
        expiresAt,
        answers,
        unreadable,
        approved,
        in.readBoolean(),
        in.readInt(),
        in.readLong(),
        in.readDouble(),
        in.readInt(),
        in.readInt(),
        in.readLong());
  }

  /** 0 for null, else the value's index in {@code codes} plus one. */
  private static <E> int code(E[] codes, E value) {
    if (value == null) {
      return 0;
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] == value) {
        return i + 1;
      }
    }
    throw new IllegalStateException(value + " has no code in the task store's format");
  }

  private static <E> E decode(E[] codes, int code) {
    if (code > codes.length) {
      throw new SerializationException("task record holds unknown code " + code);
    }
    return code == 0 ? null : codes[code - 1];
  }
}
