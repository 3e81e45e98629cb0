package dev.lockdep.checker.models;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.AnnotationValueVisitor;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/** An annotation a models file gives a member, in the form the analysis reads written ones. */
record ModelAnnotation(DeclaredType annotationType, Map<ExecutableElement, AnnotationValue> values)
    implements AnnotationMirror {

  ModelAnnotation {
    values = Map.copyOf(values);
  }

  @Override
  public DeclaredType getAnnotationType() {
    return annotationType;
  }

  @Override
  public Map<? extends ExecutableElement, ? extends AnnotationValue> getElementValues() {
    return values;
  }

  /**
   * One attribute value: a {@code String}, {@code Integer}, {@code Boolean}, an enum constant's
   * {@link VariableElement} or a {@code List} of values, as javac gives them.
   */
  record Value(Object value) implements AnnotationValue {
    @Override
    public Object getValue() {
      return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R, P> R accept(AnnotationValueVisitor<R, P> visitor, P p) {
      if (value instanceof String s) {
        return visitor.visitString(s, p);
      }
      if (value instanceof Integer i) {
        return visitor.visitInt(i, p);
      }
      if (value instanceof Boolean b) {
        return visitor.visitBoolean(b, p);
      }
      if (value instanceof VariableElement constant) {
        return visitor.visitEnumConstant(constant, p);
      }
      return visitor.visitArray((List<? extends AnnotationValue>) value, p);
    }

    @Override
    public String toString() {
      return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
  }
}
