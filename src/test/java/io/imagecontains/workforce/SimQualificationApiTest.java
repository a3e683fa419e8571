package io.imagecontains.workforce;

import static io.imagecontains.workforce.SimulatorFixture.await;
import static io.imagecontains.workforce.SimulatorFixture.hitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mturk.model.Comparator;
import software.amazon.awssdk.services.mturk.model.ListQualificationTypesResponse;
import software.amazon.awssdk.services.mturk.model.ListWorkersWithQualificationTypeResponse;
import software.amazon.awssdk.services.mturk.model.Qualification;
import software.amazon.awssdk.services.mturk.model.QualificationRequirement;
import software.amazon.awssdk.services.mturk.model.QualificationStatus;
import software.amazon.awssdk.services.mturk.model.QualificationType;
import software.amazon.awssdk.services.mturk.model.QualificationTypeStatus;
import software.amazon.awssdk.services.mturk.model.RequestErrorException;

/** Qualification types and workers' Qualifications through the real SDK over HTTP. */
class SimQualificationApiTest {
  private final SimulatorFixture sim = SimulatorFixture.withCrowd("absent-crowd.json");

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void createsAQualificationTypeAndGetsItBack() {
    sim.advance(Duration.ofMinutes(1));
    QualificationType created = createType("image-contains excluded", "Workers we do not ask.");

    assertThat(created.qualificationTypeId()).matches("[A-Z0-9]{30}");
    assertThat(created.name()).isEqualTo("image-contains excluded");
    assertThat(created.description()).isEqualTo("Workers we do not ask.");
    assertThat(created.qualificationTypeStatus()).isEqualTo(QualificationTypeStatus.ACTIVE);
    assertThat(created.isRequestable()).isTrue();
    assertThat(created.autoGranted()).isFalse();
    assertThat(created.creationTime()).isEqualTo(SimulatorFixture.START.plusSeconds(60));

    QualificationType got =
        await(
                sim.mturk.getQualificationType(
                    b -> b.qualificationTypeId(created.qualificationTypeId())))
            .qualificationType();
    assertThat(got).isEqualTo(created);
    assertThat(createType("second", "d").qualificationTypeId())
        .isNotEqualTo(created.qualificationTypeId());
  }

  @Test
  void aSecondTypeWithTheSameNameIsRefused() {
    createType("excluded", "first");

    assertThatThrownBy(() -> createType("excluded", "second"))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> {
              assertThat(e.turkErrorCode())
                  .isEqualTo("AWS.MechanicalTurk.QualificationTypeAlreadyExists");
              assertThat(e.awsErrorDetails().errorMessage())
                  .startsWith("You have already created a QualificationType with this name.");
            });
    assertThat(createType("Excluded", "names are case-sensitive").name()).isEqualTo("Excluded");
  }

  @Test
  void aMissingOrInvalidParameterIsARequestError() {
    assertThatThrownBy(
            () ->
                await(
                    sim.mturk.createQualificationType(
                        b -> b.name("x").qualificationTypeStatus(QualificationTypeStatus.ACTIVE))))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> assertThat(e.turkErrorCode()).isEqualTo("AWS.MissingParameters"));
    assertThatThrownBy(
            () ->
                await(
                    sim.mturk.createQualificationType(
                        b -> b.name("x").description("d").qualificationTypeStatus("Disposed"))))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> assertThat(e.turkErrorCode()).isEqualTo("AWS.ParameterOutOfRange"));
    assertThatThrownBy(() -> await(sim.mturk.listQualificationTypes(b -> b.query("x"))))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("MustBeRequestable"));
  }

  @Test
  void listsTypesMatchingTheQueryPageByPage() {
    createType("Excluded workers", "soft block");
    createType("Trusted", "workers we like");
    createType("batch-7", "EXCLUDED from batch 7");
    createType("Cat experts", "know cats");
    createType("old exclusions", "not excluded any more"); // no "excluded" in the name

    List<String> names = new ArrayList<>();
    String token = null;
    int calls = 0;
    do {
      String next = token;
      ListQualificationTypesResponse page =
          await(
              sim.mturk.listQualificationTypes(
                  b ->
                      b.query("excluded")
                          .mustBeRequestable(true)
                          .mustBeOwnedByCaller(true)
                          .maxResults(2)
                          .nextToken(next)));
      assertThat(page.numResults()).isEqualTo(page.qualificationTypes().size());
      page.qualificationTypes().forEach(t -> names.add(t.name()));
      token = page.nextToken();
      calls++;
    } while (token != null);

    assertThat(names).containsExactly("Excluded workers", "batch-7", "old exclusions");
    assertThat(calls).isEqualTo(2);
    var all = await(sim.mturk.listQualificationTypes(b -> b.mustBeRequestable(false)));
    assertThat(all.numResults()).isEqualTo(5);
    assertThat(all.nextToken()).isNull();
  }

  @Test
  void grantsListsAndRevokesWorkersQualifications() {
    String type = createType("excluded", "soft block").qualificationTypeId();
    associate(type, "AWORKER1", null);
    associate(type, "AWORKER2", 5);
    associate(type, "AWORKER3", 1);
    associate(type, "AWORKER1", 3); // granting again only updates the value

    List<Qualification> granted = workers(type, null, 100).qualifications();
    assertThat(granted)
        .extracting(Qualification::workerId, Qualification::integerValue, Qualification::status)
        .containsExactly(
            tuple("AWORKER1", 3, QualificationStatus.GRANTED),
            tuple("AWORKER2", 5, QualificationStatus.GRANTED),
            tuple("AWORKER3", 1, QualificationStatus.GRANTED));
    assertThat(granted)
        .allSatisfy(q -> assertThat(q.qualificationTypeId()).isEqualTo(type))
        .allSatisfy(q -> assertThat(q.grantTime()).isEqualTo(SimulatorFixture.START));

    ListWorkersWithQualificationTypeResponse first = workers(type, null, 2);
    String token = first.nextToken();
    var second =
        await(
            sim.mturk.listWorkersWithQualificationType(
                b -> b.qualificationTypeId(type).maxResults(2).nextToken(token)));
    assertThat(first.numResults()).isEqualTo(2);
    assertThat(second.qualifications())
        .extracting(Qualification::workerId)
        .containsOnly("AWORKER3");
    assertThat(second.nextToken()).isNull();

    await(
        sim.mturk.disassociateQualificationFromWorker(
            b -> b.qualificationTypeId(type).workerId("AWORKER1").reason("spam")));
    assertThat(workers(type, QualificationStatus.GRANTED, 100).qualifications())
        .extracting(Qualification::workerId)
        .containsExactly("AWORKER2", "AWORKER3");
    assertThat(workers(type, QualificationStatus.REVOKED, 100).qualifications())
        .extracting(Qualification::workerId, Qualification::status)
        .containsExactly(tuple("AWORKER1", QualificationStatus.REVOKED));
    assertThatThrownBy(
            () ->
                await(
                    sim.mturk.disassociateQualificationFromWorker(
                        b -> b.qualificationTypeId(type).workerId("AWORKER1"))))
        .isInstanceOfSatisfying(
            RequestErrorException.class,
            e ->
                assertThat(e.turkErrorCode())
                    .isEqualTo("AWS.MechanicalTurk.QualificationDoesNotExist"));
  }

  @Test
  void anUnknownTypeIsARequestError() {
    String unknown = "3NOSUCHTYPE0000000000000000000";
    List<Runnable> calls =
        List.of(
            () -> await(sim.mturk.getQualificationType(b -> b.qualificationTypeId(unknown))),
            () -> associate(unknown, "AWORKER1", null),
            () ->
                await(
                    sim.mturk.disassociateQualificationFromWorker(
                        b -> b.qualificationTypeId(unknown).workerId("AWORKER1"))),
            () -> workers(unknown, null, 10));
    assertThat(calls)
        .allSatisfy(
            call ->
                assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                        RequestErrorException.class,
                        e ->
                            assertThat(e.turkErrorCode())
                                .isEqualTo("AWS.MechanicalTurk.QualificationTypeDoesNotExist")));
  }

  @Test
  void aRequirementOnAKnownTypeNeedsValuesThatFitItsComparator() {
    String type = createType("score", "a score").qualificationTypeId();
    QualificationRequirement noValue =
        QualificationRequirement.builder()
            .qualificationTypeId(type)
            .comparator(Comparator.GREATER_THAN)
            .build();
    QualificationRequirement valueOnExists =
        QualificationRequirement.builder()
            .qualificationTypeId(type)
            .comparator(Comparator.EXISTS)
            .integerValues(1)
            .build();

    for (QualificationRequirement wrong : List.of(noValue, valueOnExists)) {
      assertThatThrownBy(
              () ->
                  sim.create(
                      hitFor("https://img.example.org/a.jpg", "dog", 1)
                          .qualificationRequirements(wrong)))
          .isInstanceOfSatisfying(
              RequestErrorException.class,
              e -> assertThat(e.turkErrorCode()).isEqualTo("AWS.ParameterOutOfRange"));
    }
    assertThat(sim.server.registry().hits()).isEmpty();
  }

  private QualificationType createType(String name, String description) {
    return await(
            sim.mturk.createQualificationType(
                b ->
                    b.name(name)
                        .description(description)
                        .keywords("exclusion")
                        .qualificationTypeStatus(QualificationTypeStatus.ACTIVE)))
        .qualificationType();
  }

  private void associate(String type, String worker, Integer value) {
    await(
        sim.mturk.associateQualificationWithWorker(
            b ->
                b.qualificationTypeId(type)
                    .workerId(worker)
                    .integerValue(value)
                    .sendNotification(false)));
  }

  private ListWorkersWithQualificationTypeResponse workers(
      String type, QualificationStatus status, int max) {
    return await(
        sim.mturk.listWorkersWithQualificationType(
            b -> b.qualificationTypeId(type).status(status).maxResults(max)));
  }
}
