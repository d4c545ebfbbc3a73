package dev.plinth.schema.model;

/** A part of a table that is identified by its name. */
public interface Named {
  String name();
}
