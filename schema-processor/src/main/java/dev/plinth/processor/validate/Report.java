package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Problems found while reading and validating, each pinned to the narrowest source position that
 * can fix it. Collected first, printed once: nothing is generated from a report with errors.
 */
public final class Report {
  /** One problem and where it is. */
  public record Item(Message message, String text, Element element, AnnotationMirror annotation,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  public void add(Message message, Origin origin, Object... args) {
    items.add(new Item(message, message.format(args), origin == null ? null : origin.element(),
        origin == null ? null : origin.annotation(), origin == null ? null : origin.value()));
  }

  /** Adds the other report's items after this one's. */
  public void addAll(Report other) {
    items.addAll(other.items);
  }

  public boolean isClean() {
    return items.stream().noneMatch(i -> i.message().severity() == Message.Severity.ERROR);
  }

  public List<Item> items() {
    return List.copyOf(items);
  }

  public void printTo(Messager messager) {
    for (Item item : items) {
      Diagnostic.Kind kind = switch (item.message().severity()) {
        case ERROR -> Diagnostic.Kind.ERROR;
        case WARNING -> Diagnostic.Kind.WARNING;
        case NOTE -> Diagnostic.Kind.NOTE;
      };
      if (item.element() == null) {
        messager.printMessage(kind, item.text());
      } else if (item.annotation() == null) {
        messager.printMessage(kind, item.text(), item.element());
      } else if (item.value() == null) {
        messager.printMessage(kind, item.text(), item.element(), item.annotation());
      } else {
        messager.printMessage(kind, item.text(), item.element(), item.annotation(), item.value());
      }
    }
  }
}
