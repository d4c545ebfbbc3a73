package dev.plinth.processor.validate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** A source position: an element, optionally narrowed to an annotation and one of its values. */
public record Origin(Element element, AnnotationMirror annotation, AnnotationValue value) {
  public static Origin of(Element element) {
    return new Origin(element, null, null);
  }

  public static Origin of(Element element, AnnotationMirror annotation) {
    return new Origin(element, annotation, null);
  }
}
