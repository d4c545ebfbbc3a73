package dev.plinth.example;

/** What a member may do in an organization. */
public enum MemberRole {
  OWNER,
  ADMIN,
  MEMBER
}
