package io.imagecontains;

import io.imagecontains.adjudication.CrowdPrior;
import io.imagecontains.adjudication.WorkerReliability;
import io.imagecontains.adjudication.WorkerStats;
import io.imagecontains.core.ReadAnswer;
import io.imagecontains.mturk.HitCommand;
import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.HitWork;
import io.imagecontains.task.Problem;
import io.imagecontains.task.RefusalCode;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.Source;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskState;
import io.imagecontains.task.TaskView;
import io.imagecontains.workforce.crowd.AnswerPoison;
import io.imagecontains.workforce.crowd.Behaviour;
import io.imagecontains.workforce.crowd.CrowdSpec;
import io.imagecontains.workforce.crowd.LogNormal;
import io.imagecontains.workforce.crowd.WorkerGroup;
import io.imagecontains.workforce.inspect.HitSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.mturk.model.ApproveAssignmentRequest;
import software.amazon.awssdk.services.mturk.model.ApproveAssignmentResponse;
import software.amazon.awssdk.services.mturk.model.Assignment;
import software.amazon.awssdk.services.mturk.model.AssignmentStatus;
import software.amazon.awssdk.services.mturk.model.AssociateQualificationWithWorkerRequest;
import software.amazon.awssdk.services.mturk.model.AssociateQualificationWithWorkerResponse;
import software.amazon.awssdk.services.mturk.model.Comparator;
import software.amazon.awssdk.services.mturk.model.CreateAdditionalAssignmentsForHitRequest;
import software.amazon.awssdk.services.mturk.model.CreateAdditionalAssignmentsForHitResponse;
import software.amazon.awssdk.services.mturk.model.CreateHitRequest;
import software.amazon.awssdk.services.mturk.model.CreateHitResponse;
import software.amazon.awssdk.services.mturk.model.CreateQualificationTypeRequest;
import software.amazon.awssdk.services.mturk.model.CreateQualificationTypeResponse;
import software.amazon.awssdk.services.mturk.model.DeleteHitRequest;
import software.amazon.awssdk.services.mturk.model.DeleteHitResponse;
import software.amazon.awssdk.services.mturk.model.GetAssignmentRequest;
import software.amazon.awssdk.services.mturk.model.GetAssignmentResponse;
import software.amazon.awssdk.services.mturk.model.GetHitRequest;
import software.amazon.awssdk.services.mturk.model.GetHitResponse;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.HITAccessActions;
import software.amazon.awssdk.services.mturk.model.HITStatus;
import software.amazon.awssdk.services.mturk.model.ListAssignmentsForHitRequest;
import software.amazon.awssdk.services.mturk.model.ListAssignmentsForHitResponse;
import software.amazon.awssdk.services.mturk.model.ListQualificationTypesRequest;
import software.amazon.awssdk.services.mturk.model.ListQualificationTypesResponse;
import software.amazon.awssdk.services.mturk.model.ListReviewableHiTsRequest;
import software.amazon.awssdk.services.mturk.model.ListReviewableHiTsResponse;
import software.amazon.awssdk.services.mturk.model.Locale;
import software.amazon.awssdk.services.mturk.model.MTurkException;
import software.amazon.awssdk.services.mturk.model.QualificationRequirement;
import software.amazon.awssdk.services.mturk.model.QualificationType;
import software.amazon.awssdk.services.mturk.model.QualificationTypeStatus;
import software.amazon.awssdk.services.mturk.model.RequestErrorException;
import software.amazon.awssdk.services.mturk.model.ReviewableHITStatus;
import software.amazon.awssdk.services.mturk.model.ServiceException;
import software.amazon.awssdk.services.mturk.model.UpdateExpirationForHitRequest;
import software.amazon.awssdk.services.mturk.model.UpdateExpirationForHitResponse;

/**
 * What a native image must keep for reflection, which the JVM finds on its own: the records Jackson
 * databind reads and writes on the topics, in the stores and in the simulator's files (Blackbird,
 * which replaces reflection on the JVM, cannot run in a native image), and the MTurk model classes
 * the gateway uses, requests and responses alike. Nested types are kept with their outer class
 * (records' inner types, the SDK's builders). NativeReflectionTest keeps both lists complete.
 *
 * <p>Not here: the AWS SDK's own needs (execution interceptors, Netty) ship in its jars'
 * META-INF/native-image; Kafka Streams and RocksDB are handled by the Quarkus extension.
 */
@RegisterForReflection(
    targets = {
      // Jackson databind
      Task.class,
      TaskView.class,
      TaskCommand.class,
      TaskInput.class,
      TaskState.class,
      HitWork.class,
      Problem.class,
      Rejection.class,
      RefusalCode.class,
      Source.class,
      HitCommand.class,
      HitEvent.class,
      WorkerReliability.class,
      WorkerStats.class,
      CrowdPrior.class,
      ReadAnswer.class,
      io.imagecontains.api.Problem.class,
      CrowdSpec.class,
      WorkerGroup.class,
      AnswerPoison.class,
      Behaviour.class,
      LogNormal.class,
      HitSummary.class,
      // The MTurk gateway's calls and what they return
      ApproveAssignmentRequest.class,
      ApproveAssignmentResponse.class,
      CreateAdditionalAssignmentsForHitRequest.class,
      CreateAdditionalAssignmentsForHitResponse.class,
      CreateHitRequest.class,
      CreateHitResponse.class,
      DeleteHitRequest.class,
      DeleteHitResponse.class,
      GetAssignmentRequest.class,
      GetAssignmentResponse.class,
      GetHitRequest.class,
      GetHitResponse.class,
      ListAssignmentsForHitRequest.class,
      ListAssignmentsForHitResponse.class,
      ListReviewableHiTsRequest.class,
      ListReviewableHiTsRequest.Builder.class,
      ListReviewableHiTsResponse.class,
      ReviewableHITStatus.class,
      UpdateExpirationForHitRequest.class,
      UpdateExpirationForHitResponse.class,
      AssociateQualificationWithWorkerRequest.class,
      AssociateQualificationWithWorkerRequest.Builder.class,
      AssociateQualificationWithWorkerResponse.class,
      CreateQualificationTypeRequest.class,
      CreateQualificationTypeRequest.Builder.class,
      CreateQualificationTypeResponse.class,
      ListQualificationTypesRequest.class,
      ListQualificationTypesRequest.Builder.class,
      ListQualificationTypesResponse.class,
      QualificationType.class,
      QualificationTypeStatus.class,
      HITAccessActions.class,
      Assignment.class,
      AssignmentStatus.class,
      Comparator.class,
      HIT.class,
      HITStatus.class,
      Locale.class,
      QualificationRequirement.class,
      RequestErrorException.class,
      ServiceException.class,
      MTurkException.class,
    })
final class NativeReflection {
  private NativeReflection() {}
}
