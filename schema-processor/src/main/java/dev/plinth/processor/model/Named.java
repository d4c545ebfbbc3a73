package dev.plinth.processor.model;

/** A part of a table that is identified by its name. */
public interface Named {
  String name();
}
