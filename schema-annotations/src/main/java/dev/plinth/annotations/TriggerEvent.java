package dev.plinth.annotations;

/** An event a {@link Trigger} fires on. */
public enum TriggerEvent {
  INSERT,
  UPDATE,
  DELETE,
  TRUNCATE
}
