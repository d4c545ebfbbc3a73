package dev.plinth.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The baseline processor: claims {@code @Table}, looks at each annotated record, does nothing. */
public final class NoOpProcessor extends AbstractProcessor {
  private int seen;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.plinth.annotations.Table");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        seen += element.getSimpleName().length() > 0 ? 1 : 0;
      }
    }
    return false;
  }
}
