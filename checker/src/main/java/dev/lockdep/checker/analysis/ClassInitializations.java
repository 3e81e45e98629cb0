package dev.lockdep.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Types;

/**
 * Class initialization as a lock (JLS 12.4.2): the JVM runs a class's static initializers holding
 * a lock of the class, which the first use of the class by another thread waits for, and it
 * initializes the superclass first, still holding the class's own. A thread that initializes a
 * superclass whose static initializer creates a subclass object, while another thread initializes
 * that subclass, deadlocks, as does a static initializer that takes a lock under which another
 * thread first uses the class. Each class is a lock class of its own, {@code pkg.Type.<clinit>},
 * one object, reentrant (a class used again during its own initialization by the thread running
 * it does not wait).
 *
 * <p>Only classes of the compilation's sources are modelled, and among those only the ones with
 * static initialization code that uses the program (a static block, or a static field whose
 * initializer calls, creates or reads something of the program): a class whose initialization
 * runs nothing of the program takes no lock and waits for no other class, so it closes no cycle.
 * The answers depend on the classes alone and are kept for the compilation. The composition keeps
 * of these only the initializations that may close a cycle, and drops a use made from code of
 * the class over a chain of calls (docs/lock-model.md#class-initialization).
 */
final class ClassInitializations {
  private final Trees trees;
  private final Types types;
  private final ElementLookups lookups;
  /** Per class, whether its static initialization runs code of the program ({@link #runsProgramCode}). */
  private final Map<TypeElement, Boolean> initializing = new HashMap<>();
  /** Per class of the code that uses one, {@link #started} for each class it uses. */
  private final Map<TypeElement, Map<TypeElement, List<List<TypeElement>>>> starts = new HashMap<>();
  /** Per class, {@link #waits}. */
  private final Map<TypeElement, Boolean> waiting = new HashMap<>();
  /** Per class, {@link #defaultingSuperinterfaces}. */
  private final Map<TypeElement, List<TypeElement>> defaulting = new HashMap<>();
  /** Per top-level class or package, {@link #usersOf} each class of the sources it uses. */
  private final Map<Element, Map<TypeElement, List<TypeElement>>> users = new HashMap<>();

  ClassInitializations(Trees trees, Types types, ElementLookups lookups) {
    this.trees = trees;
    this.types = types;
    this.lookups = lookups;
  }

  /**
   * The class initializations a use of {@code used} in code of class {@code running} starts, each
   * as the chain of initializations it is nested in, outermost first: the class; its superclass,
   * nested under it, and so on up; and, nested under each class of that chain, its superinterfaces
   * that declare a default method (JLS 12.4.2: a class initializes its superclass and then those
   * interfaces before its own static initializers; an interface initializes no superinterface).
   * Up to the first that is initialized whenever that code runs (it is or extends it, and more:
   * {@link #initializedWhileRunning}), of those whose initialization {@link #waits may wait}. Empty
   * when none may.
   */
  List<List<TypeElement>> started(TypeElement used, TypeElement running) {
    if (running == null) {
      return find(used, null);
    }
    return starts.computeIfAbsent(running, r -> new HashMap<>()).computeIfAbsent(used, u -> find(u, running));
  }

  /**
   * The class initializations code outside the compilation starts when it uses {@code type}
   * first, each as a chain of {@link #started}, of those that nest one class's under another's
   * (its superclass's under it): where code the compilation does not see may be the first to use
   * it, none of them is initialized yet. That is a class other packages can use (a library's
   * public class, used first by the library's users), whose superclass's static initializer may in
   * turn use it ({@code static final Base EMPTY = new Regular(...)}). A class of its package alone
   * is judged from the uses the compilation has, the package taken to be whole ({@link
   * #initializedWhileRunning}); so is a nested class whose code only its top-level class can make
   * run ({@link #madeOnlyInside}).
   */
  List<List<TypeElement>> startedFromOutside(TypeElement type) {
    if (type.getKind().isInterface() || !usableByOtherPackages(type) || madeOnlyInside(type)) {
      return List.of();
    }
    List<List<TypeElement>> nested = new ArrayList<>();
    for (List<TypeElement> chain : find(type, null)) {
      if (chain.size() > 1) {
        nested.add(chain);
      }
    }
    return nested;
  }

  /**
   * Whether code of other packages can start {@code type}'s initialization: it and every class it
   * is nested in are public or protected, and it has a constructor or a static member, not a
   * constant, that is public or protected (a constructor javac adds to a public class is public).
   * A class nested in an interface is public whether its author wants it to be or not (an
   * implementation that the interface's factory makes): it is not taken for one meant for others.
   */
  private static boolean usableByOtherPackages(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!visibleOutside(e) || e.getEnclosingElement().getKind().isInterface()) {
        return false;
      }
    }
    for (Element member : type.getEnclosedElements()) {
      boolean starts = member.getKind() == ElementKind.CONSTRUCTOR
          || member.getModifiers().contains(Modifier.STATIC) && !(member instanceof TypeElement) && !isConstant(member);
      if (starts && visibleOutside(member)) {
        return true;
      }
    }
    return false;
  }

  private static boolean visibleOutside(Element element) {
    Set<Modifier> modifiers = element.getModifiers();
    return modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED);
  }

  /** Whether {@code member} is a constant field, inlined where it is read: reading it initializes nothing. */
  private static boolean isConstant(Element member) {
    return member instanceof VariableElement field && field.getConstantValue() != null;
  }

  private List<List<TypeElement>> find(TypeElement used, TypeElement running) {
    List<List<TypeElement>> chains = new ArrayList<>(1);
    collect(shared(used), running, List.of(), chains);
    return chains.isEmpty() ? List.of() : chains;
  }

  /** Adds to {@code into} the chain of {@code type}'s initialization under {@code outer}, and those it starts. */
  private void collect(TypeElement type, TypeElement running, List<TypeElement> outer, List<List<TypeElement>> into) {
    if (type == null || !waits(type) || running != null && initializedWhileRunning(running, type, new HashSet<>())) {
      return;
    }
    List<TypeElement> chain = new ArrayList<>(outer.size() + 1);
    chain.addAll(outer);
    chain.add(type);
    into.add(chain);
    if (!type.getKind().isInterface()) {
      collect(superclass(type), running, chain, into);
      for (TypeElement initialized : defaultingSuperinterfaces(type)) {
        collect(initialized, running, chain, into);
      }
    }
  }

  /**
   * The superinterfaces of class {@code type}, direct or not, that declare a default method, in
   * the order the JVM initializes them: for each interface of its {@code implements} clause, left
   * to right, that interface's own superinterfaces first.
   */
  private List<TypeElement> defaultingSuperinterfaces(TypeElement type) {
    return defaulting.computeIfAbsent(
        type,
        t -> {
          List<TypeElement> found = new ArrayList<>(0);
          addDefaulting(t, found, new HashSet<>());
          return found.isEmpty() ? List.of() : found;
        });
  }

  private static void addDefaulting(TypeElement type, List<TypeElement> found, Set<TypeElement> seen) {
    for (var superinterface : type.getInterfaces()) {
      if (superinterface instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement face
          && seen.add(face)) {
        addDefaulting(face, found, seen);
        if (face.getEnclosedElements().stream().anyMatch(e -> e.getModifiers().contains(Modifier.DEFAULT))) {
          found.add(face);
        }
      }
    }
  }

  /**
   * Whether the initialization of {@code type}, a class of the sources, may wait for something:
   * it, a superclass or a superinterface it initializes {@link #runsProgramCode runs code of the
   * program} in its static initialization. A class whose initialization runs none is held only for
   * an instant, waiting for nothing, and closes no cycle.
   */
  private boolean waits(TypeElement type) {
    Boolean known = waiting.get(type);
    if (known == null) {
      TypeElement superclass = superclass(type);
      known = fromSource(type)
          && (runsProgramCode(type)
              || !type.getKind().isInterface()
                  && (superclass != null && waits(superclass)
                      || defaultingSuperinterfaces(type).stream().anyMatch(this::waits)));
      waiting.put(type, known);
    }
    return known;
  }

  /** {@code used}, or for an anonymous or local class, made by whoever runs the code it is written in, its superclass: what others share. */
  private static TypeElement shared(TypeElement used) {
    NestingKind nesting = used.getNestingKind();
    return nesting == NestingKind.ANONYMOUS || nesting == NestingKind.LOCAL ? superclass(used) : used;
  }

  /**
   * Whether {@code type} is initialized, or being initialized by the running thread, whenever code
   * of {@code running} runs: that code {@link #runsAfter runs after} it, or {@code running} is a
   * class no code outside its package can use (private, or of the package alone), or only its
   * top-level class can make run ({@link #madeOnlyInside}), that every use starting its
   * initialization makes from code that has {@code type} initialized (a helper class nested in
   * {@code type}, used only by {@code type}'s own static initializer; a builder that only {@code
   * type}'s static method makes). The uses are those
   * of the compilation's sources: the package is taken to be whole there. {@code asked}: the
   * classes asked about on the way, which answer no again.
   */
  private boolean initializedWhileRunning(TypeElement running, TypeElement type, Set<TypeElement> asked) {
    if (runsAfter(running, type)) {
      return true;
    }
    TypeElement outer = madeByItsOuter(running);
    if (outer != null) {
      // Its objects are made by its outer class's code: what holds there holds here.
      return initializedWhileRunning(outer, type, asked);
    }
    boolean madeInside = madeOnlyInside(running);
    if (!madeInside && visibleOutside(running) || !asked.add(running)) {
      return false;
    }
    boolean started = false;
    for (TypeElement user : usersOf(running, madeInside || running.getModifiers().contains(Modifier.PRIVATE))) {
      // A use in the class's own code starts nothing: that code runs once the class is initialized.
      if (!runsAfter(user, running)) {
        if (!initializedWhileRunning(user, type, asked)) {
          return false;
        }
        started = true;
      }
    }
    return started;
  }

  /**
   * Whether the code of nested class {@code type} runs only where its top-level class makes it run,
   * whatever its access: it has no static member but private ones and constants, and either its
   * constructors are all private (a builder made by its interface's static {@code builder()}) or
   * an object made elsewhere runs none of its code (no instance method but private ones, the
   * default constructor, no instance initializer: a factory class of private static methods).
   */
  private boolean madeOnlyInside(TypeElement type) {
    if (type.getNestingKind() != NestingKind.MEMBER || type.getKind() != ElementKind.CLASS) {
      return false;
    }
    boolean privateConstructors = true;
    boolean instanceCode = false;
    for (Element member : type.getEnclosedElements()) {
      Set<Modifier> modifiers = member.getModifiers();
      boolean hidden = modifiers.contains(Modifier.PRIVATE);
      if (member.getKind() == ElementKind.CONSTRUCTOR) {
        privateConstructors &= hidden;
        instanceCode |= !hidden && !lookups.implicit(member);
      } else if (modifiers.contains(Modifier.STATIC)) {
        if (!hidden && !isConstant(member)) {
          return false;
        }
      } else if (member.getKind() == ElementKind.METHOD) {
        instanceCode |= !hidden;
      }
    }
    return privateConstructors || !instanceCode && !initializesInstances(type);
  }

  /** Whether {@code type} declares an instance initializer or an instance field with an initializer. */
  private boolean initializesInstances(TypeElement type) {
    TreePath declaration = lookups.declaration(type, trees);
    if (declaration == null || !(declaration.getLeaf() instanceof ClassTree tree)) {
      return true;
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof BlockTree block && !block.isStatic()
          || member instanceof VariableTree field && field.getInitializer() != null
              && !isStatic(trees, new TreePath(declaration, member))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether code of {@code code} runs only once {@code type} is initialized (or being initialized
   * by the running thread): {@code code} is or extends it, or is an anonymous, local or inner class
   * of one that does ({@link #madeByItsOuter}).
   */
  private boolean runsAfter(TypeElement code, TypeElement type) {
    for (TypeElement made = code; made != null; made = madeByItsOuter(made)) {
      if (isOrExtends(made, type)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is {@code other} or one of its subtypes. */
  private boolean isOrExtends(TypeElement type, TypeElement other) {
    return types.isSubtype(types.erasure(type.asType()), types.erasure(other.asType()));
  }

  /**
   * The class whose code makes every object of {@code type}, and so has run before any code of
   * it: the enclosing class of an anonymous, local or inner (not static) class; else null.
   */
  private static TypeElement madeByItsOuter(TypeElement type) {
    NestingKind nesting = type.getNestingKind();
    boolean inner = nesting == NestingKind.ANONYMOUS || nesting == NestingKind.LOCAL
        || nesting == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC);
    Element outer = type.getEnclosingElement();
    while (inner && outer != null && !(outer instanceof TypeElement)) {
      outer = outer.getEnclosingElement();
    }
    return inner ? (TypeElement) outer : null;
  }

  /**
   * The classes of the code that starts the initialization of {@code type}: its uses (a new object
   * of it or a subclass, a static method or field, {@code Class.forName} naming it) in its top-level class where it is private,
   * else in its package's sources, each the innermost class around the use. Found once per
   * top-level class or package.
   */
  private List<TypeElement> usersOf(TypeElement type, boolean inTopLevel) {
    Element scope = type;
    while (!(scope instanceof PackageElement) && !(inTopLevel && scope.getEnclosingElement() instanceof PackageElement)) {
      scope = scope.getEnclosingElement();
    }
    Map<TypeElement, List<TypeElement>> byType = users.get(scope);
    if (byType == null) {
      byType = new HashMap<>();
      List<? extends Element> tops = scope instanceof PackageElement pkg ? pkg.getEnclosedElements() : List.of(scope);
      for (Element top : tops) {
        TreePath declaration = top instanceof TypeElement topType ? lookups.declaration(topType, trees) : null;
        if (declaration != null) {
          findUsers(declaration, byType);
        }
      }
      users.put(scope, byType);
    }
    return byType.getOrDefault(type, List.of());
  }

  /** Notes, per class of the sources, the classes of the code under {@code root} that starts its initialization. */
  private void findUsers(TreePath root, Map<TypeElement, List<TypeElement>> into) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
          note((TypeElement) constructor.getEnclosingElement());
        }
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        Element callee = trees.getElement(getCurrentPath());
        note(initializedBy(callee));
        note(initializedByName(getCurrentPath(), callee));
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        note(initializedByField(trees.getElement(getCurrentPath())));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        note(initializedByField(trees.getElement(getCurrentPath())));
        return super.visitMemberSelect(node, null);
      }

      private void note(TypeElement used) {
        TypeElement running = used == null ? null : runningClass(trees, getCurrentPath());
        for (TypeElement type = used == null ? null : shared(used); type != null && running != null && fromSource(type);
            type = superclass(type)) {
          into.computeIfAbsent(type, t -> new ArrayList<>()).add(running);
          if (!type.getKind().isInterface()) {
            for (TypeElement initialized : defaultingSuperinterfaces(type)) {
              into.computeIfAbsent(initialized, t -> new ArrayList<>()).add(running);
            }
          }
        }
      }
    }.scan(root, null);
  }

  /** The class a use's code belongs to: the innermost class around it. */
  static TypeElement runningClass(Trees trees, TreePath at) {
    for (TreePath p = at; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        return trees.getElement(p) instanceof TypeElement type ? type : null;
      }
    }
    return null;
  }

  private static TypeElement superclass(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
  }

  private boolean fromSource(TypeElement type) {
    return lookups.declaration(type, trees) != null;
  }

  /**
   * Whether the static initialization of {@code type} runs code of the program: a static block, or
   * a static field initializer that {@link #runsProgramCode(TreePath, TypeElement) does}.
   */
  private boolean runsProgramCode(TypeElement type) {
    Boolean known = initializing.get(type);
    if (known == null) {
      known = false;
      TreePath declaration = lookups.declaration(type, trees);
      if (declaration != null && declaration.getLeaf() instanceof ClassTree tree) {
        for (Tree member : tree.getMembers()) {
          TreePath path = new TreePath(declaration, member);
          if (member instanceof BlockTree block && block.isStatic()
              || member instanceof VariableTree field && isStatic(trees, path) && field.getInitializer() != null
                  && runsProgramCode(new TreePath(path, field.getInitializer()), type)) {
            known = true;
            break;
          }
        }
      }
      initializing.put(type, known);
    }
    return known;
  }

  /**
   * Whether the field declared at {@code field} is a static one: an enum's constants are, and so is
   * every field of an interface, whose declaration says nothing.
   */
  static boolean isStatic(Trees trees, TreePath field) {
    return trees.getElement(field) instanceof VariableElement variable
        ? variable.getModifiers().contains(Modifier.STATIC)
        : ((VariableTree) field.getLeaf()).getModifiers().getFlags().contains(Modifier.STATIC);
  }

  /**
   * Whether the static field initializer at {@code initializer}, of class {@code owner}, runs code
   * of the program: calls a method or constructor of a class of the sources, or reads a static
   * field of another one that is no constant (which initializes that class). The constructor of
   * {@code owner} itself does not count (an enum's constants, {@code INSTANCE = new Registry()}),
   * its arguments do. Where the sources are not attributed yet, a call or creation counts.
   */
  boolean runsProgramCode(TreePath initializer, TypeElement owner) {
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // an anonymous class's methods run when called, not here
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        found[0] |= callsSources(getCurrentPath());
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        Element constructor = trees.getElement(getCurrentPath());
        found[0] |= (constructor == null || constructor.getEnclosingElement() != owner) && callsSources(getCurrentPath());
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        found[0] |= readsStaticField(getCurrentPath(), owner);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        found[0] |= readsStaticField(getCurrentPath(), owner);
        return super.visitMemberSelect(node, null);
      }
    }.scan(initializer, null);
    return found[0];
  }

  /** Whether the method or constructor at {@code path} is declared in the sources, or may be: it is not attributed yet. */
  private boolean callsSources(TreePath path) {
    Element element = trees.getElement(path);
    return !(element instanceof ExecutableElement)
        || element.getEnclosingElement() instanceof TypeElement owner && fromSource(owner);
  }

  /** Whether the name at {@code path} reads a static field that is no constant, of a class of the sources other than {@code owner} and its supertypes. */
  private boolean readsStaticField(TreePath path, TypeElement owner) {
    TypeElement declaring = initializedByField(trees.getElement(path));
    return declaring != null
        && !isOrExtends(owner, declaring)
        && fromSource(declaring);
  }

  /**
   * The class the call at {@code call} of {@code callee} initializes when it is {@code
   * Class.forName}: {@code forName(name)} and {@code forName(name, true, loader)} initialize the
   * class they name, where the name is a constant or {@code Type.class.getName()}; else null (a
   * name computed at run time is not followed).
   */
  TypeElement initializedByName(TreePath call, Element callee) {
    if (!(call.getLeaf() instanceof MethodInvocationTree invocation)
        || !(callee instanceof ExecutableElement method)
        || !method.getSimpleName().contentEquals("forName")
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getQualifiedName().contentEquals("java.lang.Class")) {
      return null;
    }
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    boolean initializes =
        arguments.size() == 1 || arguments.size() == 3 && Boolean.TRUE.equals(constant(call, arguments.get(1)));
    if (!initializes) {
      return null;
    }
    ExpressionTree name = arguments.get(0);
    if (name instanceof MethodInvocationTree getName
        && getName.getArguments().isEmpty()
        && getName.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("getName")
        && select.getExpression() instanceof MemberSelectTree literal
        && literal.getIdentifier().contentEquals("class")
        && trees.getElement(new TreePath(new TreePath(new TreePath(new TreePath(call, name), select), literal), literal.getExpression()))
            instanceof TypeElement named) {
      return named;
    }
    return constant(call, name) instanceof String text ? lookups.typeNamed(text) : null;
  }

  /** The constant value of {@code argument}, an argument of the call at {@code call}: a literal or a constant variable; else null. */
  private Object constant(TreePath call, ExpressionTree argument) {
    if (argument instanceof LiteralTree literal) {
      return literal.getValue();
    }
    return trees.getElement(new TreePath(call, argument)) instanceof VariableElement variable
        ? variable.getConstantValue()
        : null;
  }

  /**
   * The class a call of {@code member} initializes: the one that declares it, when it is a static
   * method; else null.
   */
  static TypeElement initializedBy(Element member) {
    boolean uses = member instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD
        && method.getModifiers().contains(Modifier.STATIC);
    return uses && member.getEnclosingElement() instanceof TypeElement owner ? owner : null;
  }

  /**
   * The class a read or write of {@code member} initializes: the one that declares it, when it is
   * a static field that is no constant (a class literal, {@code Type.class}, initializes nothing);
   * else null.
   */
  static TypeElement initializedByField(Element member) {
    boolean uses = member instanceof VariableElement field && field.getKind().isField()
        && field.getModifiers().contains(Modifier.STATIC) && field.getConstantValue() == null
        && !field.getSimpleName().contentEquals("class");
    return uses && member.getEnclosingElement() instanceof TypeElement owner ? owner : null;
  }
}
