package dev.lockdep.checker.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.program.JdkPackages;
import dev.lockdep.lockgraph.program.TypeDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
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
  /**
   * What is known of each method asked about, in one map: a call asks for its callee's lock
   * operations and then for the rest of its facts, a body for its method's overrides and then
   * for its id, so the method asked about last is kept at hand as well.
   */
  private final RecentlyAsked<ExecutableElement, MethodFacts> methodFacts = new RecentlyAsked<>(MethodFacts::new);
  private final Map<TypeElement, List<TypeElement>> supertypes = new HashMap<>();
  private final Map<TypeElement, Map<Name, List<ExecutableElement>>> methodsByName = new HashMap<>();
  private final Map<TypeElement, String> typeNames = new HashMap<>();
  /** By identity: a type's text is asked of the very object printed before. */
  private final Map<TypeMirror, String> erasedNames = new IdentityHashMap<>();
  private final Map<String, TypeElement> jdkTypes = new HashMap<>();
  /** Per type, whether the JDK declares it ({@link #ofJdk}). */
  private final Map<TypeElement, Boolean> jdk = new HashMap<>();
  /** The annotations models files give library members, for every unit of the compilation. */
  private final Models models;
  /**
   * The qualified names of the annotations written on each element asked about: every body asks
   * about seven annotations on its methods and their enclosing types, and javac converts a name to
   * a string on every comparison.
   */
  private final Map<Element, Set<String>> writtenAnnotations = new HashMap<>();
  private LockTypes lockTypes;
  /**
   * Where fields and methods are declared, as {@code Trees.getPath} would find them: it scans the
   * declaration's unit from the root for each, and units use each other's getters and fields.
   */
  private final Map<Element, TreePath> declarations = new HashMap<>();
  /** The top-level classes whose members {@link #declarations} has, or that have no trees. */
  private final Set<TypeElement> indexed = new HashSet<>();
  /** Made when a unit first asks. */
  private ClassInitializations classInitializations;

  /** {@link #functionalMethod}'s answers. */
  private final Map<TypeElement, Optional<ExecutableElement>> functionalMethods = new HashMap<>();

  public ElementLookups(Elements elements, Types types, Models models) {
    this.elements = elements;
    this.types = types;
    this.models = models;
  }

  /**
   * The one abstract method of the interface {@code type}, a functional interface's (not one of
   * {@code Object}'s, which it may declare again), or null for a class or another interface; found
   * once per type.
   */
  ExecutableElement functionalMethod(TypeElement type) {
    return functionalMethods.computeIfAbsent(type, t -> Optional.ofNullable(findFunctionalMethod(t))).orElse(null);
  }

  private ExecutableElement findFunctionalMethod(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      return null;
    }
    ExecutableElement found = null;
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(method)) {
        if (found != null) {
          return null;
        }
        found = method;
      }
    }
    return found;
  }

  /**
   * Whether {@code method} is one of {@code Object}'s public methods, which an interface may declare
   * again ({@code Comparator.equals(Object)}) without making it one more abstract method.
   */
  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    return (name.equals("equals") && arity == 1) || ((name.equals("hashCode") || name.equals("toString")) && arity == 0);
  }

  /** Whether {@code a} and {@code b} are the same type. */
  boolean sameType(TypeMirror a, TypeMirror b) {
    return types.isSameType(a, b);
  }

  /** The compilation's name {@code text}: javac interns names, so they compare by identity. */
  Name name(String text) {
    return elements.getName(text);
  }

  /** Which classes' initializations a use starts, for every unit of the compilation. */
  ClassInitializations classInitializations(Trees trees) {
    if (classInitializations == null) {
      classInitializations = new ClassInitializations(trees, types, this);
    }
    return classInitializations;
  }

  Models models() {
    return models;
  }

  /** Whether {@code element} is declared by the language, not the source: a default constructor. */
  boolean implicit(Element element) {
    return elements.getOrigin(element) == Elements.Origin.MANDATED;
  }

  /**
   * The class of binary name {@code name} ({@code pkg.Outer$Inner}) as the compilation sees it, or
   * null: a name whose nested classes' {@code $} is part of a simple name is not found.
   */
  TypeElement typeNamed(String name) {
    return elements.getTypeElement(name.replace('$', '.'));
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

  /** What is known of one method, each read once per compilation when first asked for; null until then. */
  private static final class MethodFacts {
    UnitContext.Callee callee;
    List<LockOperations.Declared> lockOperations;
    List<ExecutableElement> withOverridden;
    String signature;
  }

  /** What calling {@code method} is, as {@code read} finds it. */
  UnitContext.Callee callee(ExecutableElement method, Function<ExecutableElement, UnitContext.Callee> read) {
    MethodFacts facts = methodFacts.get(method);
    if (facts.callee == null) {
      facts.callee = read.apply(method);
    }
    return facts.callee;
  }

  /** The {@code @Acquires} and {@code @Releases} of {@code method}, as {@code read} finds them. */
  List<LockOperations.Declared> lockOperations(
      ExecutableElement method, Function<ExecutableElement, List<LockOperations.Declared>> read) {
    MethodFacts facts = methodFacts.get(method);
    if (facts.lockOperations == null) {
      facts.lockOperations = read.apply(method);
    }
    return facts.lockOperations;
  }

  /** The qualified names of the annotations written on {@code element}. */
  Set<String> writtenAnnotations(Element element) {
    Set<String> names = writtenAnnotations.get(element);
    if (names == null) {
      names = new HashSet<>();
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        names.add(((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString());
      }
      writtenAnnotations.put(element, names);
    }
    return names;
  }

  /** The method and every method it overrides, nearest first: annotations are inherited. */
  List<ExecutableElement> withOverridden(ExecutableElement method) {
    MethodFacts facts = methodFacts.get(method);
    if (facts.withOverridden == null) {
      facts.withOverridden = List.copyOf(overriddenBy(method));
    }
    return facts.withOverridden;
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
    int arity = method.getParameters().size();
    for (TypeElement type : supertypes(owner)) {
      for (ExecutableElement candidate : methodsNamed(type).getOrDefault(method.getSimpleName(), List.of())) {
        // An override has its method's parameter count: a cheap test that spares javac's costly
        // one for every overload of a common name (append, add, get) up the hierarchy.
        if (candidate.getParameters().size() == arity && elements.overrides(method, candidate, owner)) {
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
    MethodFacts facts = methodFacts.get(method);
    if (facts.signature == null) {
      facts.signature = newSignature(method);
    }
    return facts.signature;
  }

  private String newSignature(ExecutableElement method) {
    StringBuilder signature = new StringBuilder();
    signature.append(
        method.getEnclosingElement() instanceof TypeElement type
            ? typeName(type)
            : method.getEnclosingElement().toString());
    signature.append('#').append(method.getSimpleName().toString()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        signature.append(',');
      }
      signature.append(erasedName(parameters.get(i).asType()));
    }
    return signature.append(')').toString();
  }

  /**
   * How an erased parameter type prints. The erasure of a class type is its class's one erased
   * type, so a type printed for one method is found again for the next taking it.
   */
  private String erasedName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    String known = erasedNames.get(erased);
    if (known == null) {
      known = erased.toString();
      erasedNames.put(erased, known);
    }
    return known;
  }

  /** The qualified name of {@code type}, else its binary name; asked for every method of the type. */
  String typeName(TypeElement type) {
    String known = typeNames.get(type);
    if (known == null) {
      known =
          !type.getQualifiedName().isEmpty()
              ? type.getQualifiedName().toString()
              : elements.getBinaryName(type).toString();
      typeNames.put(type, known);
    }
    return known;
  }

  /** The class or interface of {@code type}'s erasure; null for a primitive, an array or an error. */
  TypeElement typeElement(TypeMirror type) {
    TypeMirror erased = type == null ? null : types.erasure(type);
    return erased instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element ? element : null;
  }

  /**
   * Whether the JDK declares {@code type}. Objects of such types ({@code Object}, locks,
   * collections) are used as locks everywhere: their monitors are keyed by where they are created,
   * never by their type, which would make every such lock of the program one class.
   */
  boolean ofJdk(TypeElement type) {
    // Asked for every type the front end keys; the qualified name is decoded once per type.
    return jdk.computeIfAbsent(type, t -> JdkPackages.isJdkPackage(elements.getPackageOf(t).getQualifiedName().toString()));
  }

  /**
   * Whether {@code type} is a final, non-generic class of the JDK (a {@code String}, a boxed
   * number, an {@code Instant}): a value of it is exactly of it, and holds no object of the
   * program's.
   */
  boolean isFinalLibraryValue(TypeElement type) {
    return type.getModifiers().contains(Modifier.FINAL) && type.getTypeParameters().isEmpty() && ofJdk(type);
  }

  /** The class of the values of {@code type}, boxed for a primitive; null for any other type. */
  TypeElement valueClass(TypeMirror type) {
    if (type != null && type.getKind().isPrimitive()) {
      type = types.boxedClass((PrimitiveType) type).asType();
    }
    return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element ? element : null;
  }

  /** {@code type} as dispatch and monitor classes know it ({@link TypeDecl}). */
  TypeDecl typeDecl(TypeElement type) {
    TypeElement superclass = typeElement(type.getSuperclass());
    String superName =
        superclass == null || superclass.getQualifiedName().contentEquals("java.lang.Object") ? null : typeName(superclass);
    List<String> interfaces = new ArrayList<>();
    // The JDK's types above those it names directly, which no summary declares: with them, an
    // object of the type is known to be none of the JDK's other types (a `Connection` is no
    // `Statement`, though both are `AutoCloseable`).
    List<TypeElement> jdkAbove = new ArrayList<>();
    if (superclass != null && ofJdk(superclass)) {
      jdkAbove.add(superclass);
    }
    for (TypeMirror implemented : type.getInterfaces()) {
      TypeElement element = typeElement(implemented);
      if (element != null) {
        interfaces.add(typeName(element));
        if (ofJdk(element)) {
          jdkAbove.add(element);
        }
      }
    }
    for (int i = 0; i < jdkAbove.size(); i++) {
      TypeElement jdk = jdkAbove.get(i);
      List<TypeMirror> above = new ArrayList<>(jdk.getInterfaces());
      above.add(jdk.getSuperclass());
      for (TypeMirror up : above) {
        TypeElement element = typeElement(up);
        if (element != null && !element.getQualifiedName().contentEquals("java.lang.Object")
            && !jdkAbove.contains(element)) {
          jdkAbove.add(element);
          String name = typeName(element);
          if (!interfaces.contains(name)) {
            interfaces.add(name);
          }
        }
      }
    }
    boolean concrete =
        (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.ENUM || type.getKind() == ElementKind.RECORD)
            && !type.getModifiers().contains(Modifier.ABSTRACT);
    String simpleName = type.getSimpleName().isEmpty() ? Names.type(type) : type.getSimpleName().toString();
    return new TypeDecl(typeName(type), simpleName, superName, interfaces, concrete);
  }
}
