package dev.lockdep.checker.models;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The annotations models files give to members the code cannot annotate (SPEC §4), resolved
 * against one compilation: the analysis asks it for an annotation after the element's own ones.
 * Every line is checked when the models are resolved; the first problem is an error naming its
 * file and line, and the compilation is not analysed with half its models.
 */
public final class Models {
  /** Where libraries and tools put models on the processor path. */
  public static final String RESOURCE = "META-INF/lockdep/models";

  /** The package of LockdepCheck's annotations. */
  private static final String ANNOTATIONS = "dev.lockdep.annotations.";

  /** Exists only in models: the member runs its callbacks on another thread, with nothing held. */
  private static final String ASYNC = "Async";

  /** No models. */
  public static final Models NONE = new Models(Map.of(), Set.of(), List.of());

  private final Map<Element, List<AnnotationMirror>> annotations;
  private final Set<ExecutableElement> async;
  private final List<String> skipped;

  private Models(Map<Element, List<AnnotationMirror>> annotations, Set<ExecutableElement> async, List<String> skipped) {
    this.annotations = annotations;
    this.async = async;
    this.skipped = List.copyOf(skipped);
  }

  /**
   * The lines skipped because their type is not on this compilation's class path, each as
   * {@code file:line: com.acme.Pool}. One models file serves every module of a build, and a module
   * that does not use a library has nothing for the library's lines to annotate; a type that is
   * there but lacks the member stays an error.
   */
  public List<String> skipped() {
    return skipped;
  }

  /**
   * The note that says how many lines were skipped, and which when {@code list}; empty when none
   * were. Without it, a misspelt type would look like a type of another module.
   */
  public Optional<String> skippedNote(boolean list) {
    if (skipped.isEmpty()) {
      return Optional.empty();
    }
    String count = skipped.size() + " models line(s) skipped: their types are not on this compilation's class path";
    return Optional.of(list ? count + ":\n  " + String.join("\n  ", skipped) : count + " (ShowSkippedModels=true lists them)");
  }

  /**
   * The lines of {@code files} and of every {@value #RESOURCE} resource {@code loader} sees, in
   * that order.
   */
  public static List<ModelLine> read(List<Path> files, ClassLoader loader) throws ModelsException {
    List<ModelLine> lines = new ArrayList<>();
    for (Path file : files) {
      if (!Files.exists(file)) {
        throw new ModelsException("models file " + file + " does not exist");
      }
      String content;
      try {
        content = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        // NoSuchFileException and friends carry only the path as their message.
        throw new ModelsException("cannot read models file " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
      }
      lines.addAll(ModelsParser.parse(file.toString(), content));
    }
    if (loader != null) {
      try {
        for (URL url : Collections.list(loader.getResources(RESOURCE))) {
          try (InputStream in = url.openStream()) {
            lines.addAll(ModelsParser.parse(url.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      } catch (IOException e) {
        throw new ModelsException("cannot read " + RESOURCE + " from the processor path: " + e.getMessage(), e);
      }
    }
    return lines;
  }

  /** {@code lines} applied to the members of one compilation. */
  public static Models resolve(List<ModelLine> lines, Elements elements, Types types) throws ModelsException {
    if (lines.isEmpty()) {
      return NONE;
    }
    Map<Element, List<AnnotationMirror>> annotations = new HashMap<>();
    Set<ExecutableElement> async = new HashSet<>();
    List<String> skipped = new ArrayList<>();
    for (ModelLine line : lines) {
      if (elements.getTypeElement(line.type()) == null) {
        skipped.add(line.where() + ": " + line.type());
        continue;
      }
      Element member = member(line, elements, types);
      if (line.annotation().equals(ASYNC)) {
        if (!(member instanceof ExecutableElement method) || !line.attributes().isEmpty()) {
          throw new ModelsException(line.where() + ": @Async takes no attributes and applies to methods only");
        }
        async.add(method);
        continue;
      }
      TypeElement type = elements.getTypeElement(ANNOTATIONS + line.annotation());
      if (type == null || type.getKind() != ElementKind.ANNOTATION_TYPE) {
        throw new ModelsException(line.where() + ": unknown annotation @" + line.annotation());
      }
      checkTarget(line, type, member);
      annotations.computeIfAbsent(member, m -> new ArrayList<>()).add(mirror(line, type, elements));
    }
    return new Models(annotations, async, skipped);
  }

  /** The annotation named {@code qualifiedName} the models give {@code element}, if any. */
  public Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : annotations.getOrDefault(element, List.of())) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Whether a model gives {@code element} any annotation. */
  public boolean annotates(Element element) {
    return annotations.containsKey(element);
  }

  /** Whether a model marks {@code method} {@code @Async}. */
  public boolean async(ExecutableElement method) {
    return async.contains(method);
  }

  private static Element member(ModelLine line, Elements elements, Types types) throws ModelsException {
    TypeElement type = elements.getTypeElement(line.type());
    if (line.member() == null) {
      return type;
    }
    if (line.parameters() == null) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(line.member())) {
          return field;
        }
      }
      throw new ModelsException(line.where() + ": unknown field " + line.memberText() + " (a method needs its parameter types)");
    }
    List<ExecutableElement> candidates = new ArrayList<>(ElementFilter.methodsIn(type.getEnclosedElements()));
    candidates.addAll(ElementFilter.constructorsIn(type.getEnclosedElements()));
    for (ExecutableElement method : candidates) {
      String name = method.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : method.getSimpleName().toString();
      if (name.equals(line.member()) && parameters(method, types).equals(line.parameters())) {
        return method;
      }
    }
    throw new ModelsException(line.where() + ": unknown method " + line.memberText());
  }

  /** The erased parameter types as a models file writes them: {@code java.lang.Runnable}, {@code int[]}. */
  private static List<String> parameters(ExecutableElement method, Types types) {
    List<String> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(types.erasure(parameter.asType()).toString());
    }
    return parameters;
  }

  private static void checkTarget(ModelLine line, TypeElement annotation, Element member) throws ModelsException {
    Target target = annotation.getAnnotation(Target.class);
    if (target == null) {
      return;
    }
    Set<ElementType> allowed = EnumSet.noneOf(ElementType.class);
    Collections.addAll(allowed, target.value());
    ElementType kind =
        switch (member.getKind()) {
          case METHOD -> ElementType.METHOD;
          case CONSTRUCTOR -> ElementType.CONSTRUCTOR;
          case FIELD, ENUM_CONSTANT -> ElementType.FIELD;
          default -> ElementType.TYPE;
        };
    if (!allowed.contains(kind)) {
      throw new ModelsException(
          line.where() + ": @" + line.annotation() + " does not apply to " + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " " + line.memberText());
    }
  }

  /** The annotation as if written on the member, its attributes checked against their types. */
  private static AnnotationMirror mirror(ModelLine line, TypeElement annotation, Elements elements) throws ModelsException {
    Map<String, ExecutableElement> members = new LinkedHashMap<>();
    for (ExecutableElement member : ElementFilter.methodsIn(annotation.getEnclosedElements())) {
      members.put(member.getSimpleName().toString(), member);
    }
    Map<ExecutableElement, AnnotationValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> attribute : line.attributes().entrySet()) {
      ExecutableElement member = members.get(attribute.getKey());
      if (member == null) {
        throw new ModelsException(line.where() + ": @" + line.annotation() + " has no attribute " + attribute.getKey());
      }
      values.put(member, value(line, attribute.getKey(), member.getReturnType(), attribute.getValue(), elements));
    }
    for (Map.Entry<String, ExecutableElement> member : members.entrySet()) {
      if (member.getValue().getDefaultValue() == null && !values.containsKey(member.getValue())) {
        throw new ModelsException(line.where() + ": @" + line.annotation() + " needs a value for " + member.getKey());
      }
    }
    return new ModelAnnotation((DeclaredType) annotation.asType(), values);
  }

  private static AnnotationValue value(ModelLine line, String name, TypeMirror type, Object value, Elements elements)
      throws ModelsException {
    String expected = type.toString();
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
      List<AnnotationValue> items = new ArrayList<>();
      if (value instanceof List<?> list) {
        for (Object item : list) {
          items.add(value(line, name, component, item, elements));
        }
      } else {
        items.add(value(line, name, component, value, elements));
      }
      return new ModelAnnotation.Value(items);
    }
    boolean fits =
        switch (type.getKind()) {
          case BOOLEAN -> value instanceof Boolean;
          case INT -> value instanceof Integer;
          case DECLARED -> expected.equals("java.lang.String") ? value instanceof String : value instanceof ModelLine.EnumName;
          default -> false;
        };
    if (!fits) {
      throw new ModelsException(line.where() + ": attribute " + name + " of @" + line.annotation() + " must be a " + expected);
    }
    if (value instanceof ModelLine.EnumName constant) {
      TypeElement enumType = (TypeElement) ((DeclaredType) type).asElement();
      for (VariableElement field : ElementFilter.fieldsIn(enumType.getEnclosedElements())) {
        if (field.getKind() == ElementKind.ENUM_CONSTANT && field.getSimpleName().contentEquals(constant.name())) {
          return new ModelAnnotation.Value(field);
        }
      }
      throw new ModelsException(line.where() + ": " + expected + " has no constant " + constant.name());
    }
    return new ModelAnnotation.Value(value);
  }
}
