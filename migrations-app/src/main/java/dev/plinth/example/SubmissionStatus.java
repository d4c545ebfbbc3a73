package dev.plinth.example;

/** Where a submission is in its life. */
public enum SubmissionStatus {
  DRAFT,
  SUBMITTED,
  ACCEPTED,
  REJECTED
}
