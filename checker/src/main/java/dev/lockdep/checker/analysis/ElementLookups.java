package dev.lockdep.checker.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a method element overrides and what it is called in summaries, where fields and methods
 * are declared, which classes are lock types, and what the annotations of a callee make of its
 * calls, computed once per compilation: every call and body asks, the same methods are called from
 * every unit, and walking the supertypes with {@code Elements.overrides} and finding a declaration
 * with {@code Trees.getPath} are the front end's most expensive lookups. The answers depend on the
 * elements (and the models) alone, not on the unit asking.
 */
public final class ElementLookups {
  private final Elements elements;
  private final Types types;
  private final Map<ExecutableElement, List<ExecutableElement>> overridden = new HashMap<>();
  private final Map<TypeElement, List<TypeElement>> supertypes = new HashMap<>();
  private final Map<TypeElement, Map<Name, List<ExecutableElement>>> methodsByName = new HashMap<>();
  private final Map<ExecutableElement, String> signatures = new HashMap<>();
  private final Map<String, TypeElement> jdkTypes = new HashMap<>();
  /** The annotations models files give library members, for every unit of the compilation. */
  private final Models models;
  private final Map<ExecutableElement, UnitContext.Callee> callees = new HashMap<>();
  private final Map<ExecutableElement, List<LockOperations.Declared>> lockOperations = new HashMap<>();
  private LockTypes lockTypes;
  /**
   * Where fields and methods are declared, as {@code Trees.getPath} would find them: it scans the
   * declaration's unit from the root for each, and units use each other's getters and fields.
   */
  private final Map<Element, TreePath> declarations = new HashMap<>();
  /** The top-level classes whose members {@link #declarations} has, or that have no trees. */
  private final Set<TypeElement> indexed = new HashSet<>();

  public ElementLookups(Elements elements, Types types, Models models) {
    this.elements = elements;
    this.types = types;
    this.models = models;
  }

  Models models() {
    return models;
  }

  /** The JDK lock types, with what each class of the compilation is a subtype of. */
  LockTypes lockTypes() {
    if (lockTypes == null) {
      lockTypes = new LockTypes(this, types);
    }
    return lockTypes;
  }

  /**
   * A class of {@code java.base} by its canonical name, or null. Looked up in that module: by name
   * alone, javac tries every module of the compilation, which costs a small compilation more than
   * the rest of the plugin's setup.
   */
  TypeElement jdkType(String name) {
    return jdkTypes.computeIfAbsent(
        name,
        n -> {
          ModuleElement base = elements.getModuleElement("java.base");
          return base == null ? elements.getTypeElement(n) : elements.getTypeElement(base, n);
        });
  }

  /**
   * {@code trees.getPath(element)}. The members of a top-level class and of its member classes
   * are indexed together, in one pass over its members, the first time one is asked for.
   */
  TreePath declaration(Element element, Trees trees) {
    TreePath known = declarations.get(element);
    if (known == null) {
      TypeElement topLevel = topLevelClass(element);
      if (topLevel != null && indexed.add(topLevel)) {
        TreePath path = trees.getPath(topLevel);
        if (path != null) {
          indexMembers(path, trees);
          known = declarations.get(element);
        }
      }
    }
    if (known != null && reachable(known)) {
      return known;
    }
    TreePath path = trees.getPath(element);
    if (path != null) {
      declarations.put(element, path);
    }
    return path;
  }

  private static TypeElement topLevelClass(Element element) {
    TypeElement outermost = null;
    for (Element e = element; e != null && !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type) {
        outermost = type;
      }
    }
    return outermost;
  }

  /** The paths {@code Trees.getPath} gives the fields and methods of the class at {@code type} and of its member classes. */
  private void indexMembers(TreePath type, Trees trees) {
    if (!(type.getLeaf() instanceof ClassTree declaration)) {
      return;
    }
    for (Tree member : declaration.getMembers()) {
      TreePath path = new TreePath(type, member);
      if (member instanceof ClassTree) {
        indexMembers(path, trees);
      } else if (member instanceof VariableTree || member instanceof MethodTree) {
        Element element = trees.getElement(path);
        if (element != null) {
          declarations.putIfAbsent(element, path);
        }
      }
    }
  }

  /**
   * Whether {@code path} still leads from its unit through classes and their members, so that
   * {@code Trees.getPath} would find it: under javac's default compile policy a unit may be
   * lowered after its path was found, its nested classes taken out of their outer classes. A path
   * into a method body is not followed, and is looked up again.
   */
  private static boolean reachable(TreePath path) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      List<? extends Tree> children =
          parent instanceof ClassTree type
              ? type.getMembers()
              : parent instanceof CompilationUnitTree unit ? unit.getTypeDecls() : List.of();
      if (!containsIdentical(children, p.getLeaf())) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsIdentical(List<? extends Tree> trees, Tree tree) {
    for (Tree t : trees) {
      if (t == tree) {
        return true;
      }
    }
    return false;
  }

  /** What calling {@code method} is, as {@code read} finds it. */
  UnitContext.Callee callee(ExecutableElement method, Function<ExecutableElement, UnitContext.Callee> read) {
    return readOnce(callees, method, read);
  }

  /** The {@code @Acquires} and {@code @Releases} of {@code method}, as {@code read} finds them. */
  List<LockOperations.Declared> lockOperations(
      ExecutableElement method, Function<ExecutableElement, List<LockOperations.Declared>> read) {
    return readOnce(lockOperations, method, read);
  }

  /**
   * What {@code read} says of {@code method}, read once per compilation. Not computeIfAbsent:
   * {@code read} asks this object other questions, which may fill {@code known}'s neighbours.
   */
  private static <V> V readOnce(Map<ExecutableElement, V> known, ExecutableElement method, Function<ExecutableElement, V> read) {
    V value = known.get(method);
    if (value == null) {
      value = read.apply(method);
      known.put(method, value);
    }
    return value;
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
    // Elements.overrides holds for no static method and no constructor: neither is walked.
    if (!(method.getEnclosingElement() instanceof TypeElement owner)
        || method.getKind() == ElementKind.CONSTRUCTOR
        || method.getModifiers().contains(Modifier.STATIC)) {
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
