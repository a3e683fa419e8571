package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagecontains.workforce.crowd.AnswerXml;
import io.imagecontains.workforce.crowd.QuestionSubject;
import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.HitRequest;
import io.imagecontains.workforce.hits.TurkError;
import io.imagecontains.workforce.hits.WorkerSource;
import io.imagecontains.workforce.hits.Workplace;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.HIT;

/** Worker sources other than the crowd, and how the simulator reads a HIT's subject. */
class SimWorkplaceTest {
  private final SimulatorFixture sim = SimulatorFixture.withCrowd("absent-crowd.json");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anotherWorkerSourceCanTakeAndAnswerAssignments() {
    List<String> announced = new ArrayList<>();
    WorkerSource people = (hit, workplace) -> announced.add(hit.id());
    sim.server.addWorkerSource(people);
    Workplace workplace = sim.server.registry().workplace();

    HIT hit = sim.create(hitFor("https://img.example.org/a.jpg", "dog", 2));
    assertThat(announced).containsExactly(hit.hitId(), hit.hitId());
    assertThat(workplace.assignableHits()).extracting(Hit::id).containsExactly(hit.hitId());

    Assignment mine = workplace.accept(hit.hitId(), "AHUMAN01").orElseThrow();
    assertThat(workplace.accept(hit.hitId(), "AHUMAN01")).isEmpty(); // never two of one HIT
    sim.advance(Duration.ofMinutes(1));
    workplace.submit(mine.id(), AnswerXml.clean("no"));

    assertThat(sim.answersOf(hit.hitId())).containsExactly("no");
    assertThatThrownBy(() -> workplace.submit(mine.id(), AnswerXml.clean("yes")))
        .isInstanceOf(TurkError.class);
    var listed = await(sim.mturk.listAssignmentsForHIT(b -> b.hitId(hit.hitId()))).assignments();
    assertThat(listed.get(0).workerId()).isEqualTo("AHUMAN01");
  }

  @Test
  void aSubmissionAfterTheDeadlineIsRefusedAndTheSlotReopens() {
    HIT hit = sim.create(hitFor("https://img.example.org/a.jpg", "dog", 1));
    Workplace workplace = sim.server.registry().workplace();
    Assignment slow = workplace.accept(hit.hitId(), "AHUMAN02").orElseThrow();
    assertThat(workplace.assignableHits()).isEmpty();

    sim.advance(Duration.ofMinutes(10)); // the assignment duration
    assertThatThrownBy(() -> workplace.submit(slow.id(), AnswerXml.clean("yes")))
        .isInstanceOf(TurkError.class);
    assertThat(workplace.assignableHits()).extracting(Hit::id).containsExactly(hit.hitId());
  }

  @Test
  void theSubjectIsReadFromTheAnnotationOrElseTheHtml() {
    String html = SimulatorFixture.question("https://img.example.org/x.jpg?a=1&b=2", "<cat>");
    assertThat(QuestionSubject.of(request(html, null)))
        .contains(new QuestionSubject("https://img.example.org/x.jpg?a=1&b=2", "<cat>"));
    assertThat(QuestionSubject.of(request(html, "{\"url\":\"https://u/1\",\"label\":\"dog\"}")))
        .contains(new QuestionSubject("https://u/1", "dog"));
    assertThat(QuestionSubject.of(request(html, "image-contains/t1")))
        .map(QuestionSubject::label)
        .contains("<cat>");
    assertThat(QuestionSubject.of(request("<p>no image here</p>", null))).isEmpty();
  }

  private static HitRequest request(String question, String annotation) {
    return new HitRequest(
        "t",
        "d",
        null,
        BigDecimal.ONE,
        1,
        Duration.ofHours(1),
        Duration.ofMinutes(5),
        Duration.ofDays(1),
        question,
        annotation,
        null,
        null);
  }
}
