package io.imagecontains.task;

/** The seed's {@code problemDetails} of a failed task. */
public record Problem(String code, String message) {}
