package dev.lockdep.checker.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a method element overrides and what it is called in summaries, computed once per
 * compilation: every call and body asks, the same library methods are called from every unit,
 * and walking the supertypes with {@code Elements.overrides} is the front end's most expensive
 * lookup. Both answers depend on the elements alone, not on the unit asking.
 */
public final class ElementLookups {
  private final Elements elements;
  private final Types types;
  private final Map<ExecutableElement, List<ExecutableElement>> overridden = new HashMap<>();
  private final Map<TypeElement, List<TypeElement>> supertypes = new HashMap<>();
  private final Map<TypeElement, Map<Name, List<ExecutableElement>>> methodsByName = new HashMap<>();
  private final Map<ExecutableElement, String> signatures = new HashMap<>();

  public ElementLookups(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The method and every method it overrides, nearest first: annotations are inherited. */
  List<ExecutableElement> withOverridden(ExecutableElement method) {
    List<ExecutableElement> known = overridden.get(method);
    if (known == null) {
      known = List.copyOf(overriddenBy(method));
      overridden.put(method, known);
    }
    return known;
  }

  private List<ExecutableElement> overriddenBy(ExecutableElement method) {
    List<ExecutableElement> methods = new ArrayList<>();
    methods.add(method);
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return methods;
    }
    for (TypeElement type : supertypes(owner)) {
      for (ExecutableElement candidate : methodsNamed(type).getOrDefault(method.getSimpleName(), List.of())) {
        if (elements.overrides(method, candidate, owner)) {
          methods.add(candidate);
        }
      }
    }
    return methods;
  }

  /** The methods {@code type} declares by name, each name's in declaration order. */
  private Map<Name, List<ExecutableElement>> methodsNamed(TypeElement type) {
    Map<Name, List<ExecutableElement>> known = methodsByName.get(type);
    if (known == null) {
      known = new HashMap<>();
      for (ExecutableElement candidate : ElementFilter.methodsIn(type.getEnclosedElements())) {
        known.computeIfAbsent(candidate.getSimpleName(), n -> new ArrayList<>()).add(candidate);
      }
      methodsByName.put(type, known);
    }
    return known;
  }

  /** Every supertype of {@code type}, depth first, each once. */
  private List<TypeElement> supertypes(TypeElement type) {
    List<TypeElement> known = supertypes.get(type);
    if (known == null) {
      List<TypeElement> collected = new ArrayList<>();
      collectSupertypes(type, collected);
      known = List.copyOf(collected);
      supertypes.put(type, known);
    }
    return known;
  }

  private void collectSupertypes(TypeElement type, List<TypeElement> into) {
    for (TypeMirror s : types.directSupertypes(type.asType())) {
      Element element = types.asElement(s);
      if (element instanceof TypeElement supertype && !into.contains(supertype)) {
        into.add(supertype);
        collectSupertypes(supertype, into);
      }
    }
  }

  /** The id of {@code method} in summaries: its owner's name, its name and its erased parameter types. */
  String signature(ExecutableElement method) {
    String known = signatures.get(method);
    if (known == null) {
      known = newSignature(method);
      signatures.put(method, known);
    }
    return known;
  }

  private String newSignature(ExecutableElement method) {
    String owner =
        method.getEnclosingElement() instanceof TypeElement type
            ? typeName(type)
            : method.getEnclosingElement().toString();
    String parameters =
        method.getParameters().stream()
            .map(p -> types.erasure(p.asType()).toString())
            .collect(Collectors.joining(","));
    return owner + "#" + method.getSimpleName() + "(" + parameters + ")";
  }

  String typeName(TypeElement type) {
    return type.getQualifiedName().length() > 0
        ? type.getQualifiedName().toString()
        : elements.getBinaryName(type).toString();
  }
}
