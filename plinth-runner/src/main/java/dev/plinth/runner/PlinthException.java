package dev.plinth.runner;

/**
 * A failure the user can act on; its message comes from the {@link Message} catalogue and never
 * contains a password.
 */
public class PlinthException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Message kindOfMessage;

  public PlinthException(Message message, Object... args) {
    this(null, message, args);
  }

  public PlinthException(Throwable cause, Message message, Object... args) {
    super(message.format(args), cause);
    this.kindOfMessage = message;
  }

  /** The catalogue entry this failure was reported with. */
  public Message catalogueEntry() {
    return kindOfMessage;
  }

  public Message.Kind kind() {
    return kindOfMessage.kind();
  }
}
