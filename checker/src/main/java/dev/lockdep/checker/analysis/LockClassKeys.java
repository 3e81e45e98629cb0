package dev.lockdep.checker.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.PseudoLock;
import dev.lockdep.lockgraph.ReadMode;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Names the lock class of a lock expression, in the order of SPEC §5: {@code @LockClass} (on the
 * element, then on the type), the field ({@code pkg.Type.field}), the class literal
 * ({@code pkg.T.class}), the static type. Locals initialised from a field, a getter returning a
 * field or a read-write view take the class of what they were initialised from.
 */
final class LockClassKeys {
  /** What starts the name of a local's or a parameter's object: {@code local:name}. */
  static final String LOCAL = MethodSummary.LOCAL;
  /** How many getters and aliases are followed: enough for real code, bounded for cycles. */
  private static final int MAX_DEPTH = 4;

  /** The name of the object of the local or parameter named {@code name}. */
  static String localName(CharSequence name) {
    return LOCAL + name;
  }

  private final Trees trees;
  private final ElementLookups lookups;
  /** Annotations models files give library members. */
  private final Models models;
  private final LockTypes lockTypes;
  private final FieldAssignments fieldAssignments;
  /** The declaration of each field and method looked up, or empty when it has none in this compilation. */
  private final Map<Element, Optional<TreePath>> declarations = new HashMap<>();
  /** Per lock class of the program asked about, whether its holder cannot take it again ({@link #nonReentrantLock}). */
  private final Map<TypeElement, Boolean> nonReentrantLocks = new HashMap<>();
  /** Per lock field asked about, whether it may hold such a lock ({@link #mayHoldNonReentrant}). */
  private final Map<VariableElement, Boolean> nonReentrantFields = new HashMap<>();
  /** The instance each local of the unit is, asked at every use: javac copies a name to print it. */
  private final Map<VariableElement, String> localInstances = new HashMap<>();
  /**
   * {@code class} and {@code this}, compared by identity: javac interns names, and comparing their
   * text copies it.
   */
  private final Name classKeyword;
  private final Name thisKeyword;
  private final Name superKeyword;

  LockClassKeys(Trees trees, ElementLookups lookups, LockTypes lockTypes, Models models) {
    this.trees = trees;
    this.lookups = lookups;
    this.models = models;
    this.lockTypes = lockTypes;
    this.fieldAssignments = new FieldAssignments(trees);
    this.classKeyword = lookups.name("class");
    this.thisKeyword = lookups.name("this");
    this.superKeyword = lookups.name("super");
  }

  /** Where {@code element} is declared in this compilation, or null. */
  TreePath declaration(Element element) {
    return declarations.computeIfAbsent(element, e -> Optional.ofNullable(lookups.declaration(e, trees))).orElse(null);
  }

  /**
   * A class key before the subclass is settled. {@code typed}: the key is the static type of a
   * program object whose monitor this is, and composition puts its runtime type there ({@link
   * LockClass#typed}).
   */
  private record Key(
      String key, String name, boolean reentrant, Integer subclass, String instance, ReadMode mode, boolean typed) {
    Key(String key, String name, boolean reentrant, Integer subclass, String instance, ReadMode mode) {
      this(key, name, reentrant, subclass, instance, mode, false);
    }

    Key withInstance(String newInstance) {
      return new Key(key, name, reentrant, subclass, newInstance, mode, typed);
    }

    Key withMode(ReadMode newMode) {
      return new Key(key, name, reentrant, subclass, instance, newMode, typed);
    }

    Key withSubclass(Integer newSubclass) {
      return new Key(key, name, reentrant, newSubclass, instance, mode, typed);
    }
  }

  /**
   * The lock that {@code path}'s expression denotes, taken exclusively unless it is a read view.
   * {@code defaultSubclass} applies when no {@code @Nested} names the lock itself.
   */
  LockRef resolve(TreePath path, LocalScope scope, int defaultSubclass) {
    return ref(key(path, scope, 0), defaultSubclass, path.getLeaf().toString());
  }

  /** The object a method runs on: the lock of an instance {@code synchronized} method or {@code wait()}. */
  LockRef resolveThis(TypeElement owner, int subclass) {
    return ref(typeKey(owner.asType(), "this"), subclass, "this");
  }

  /** The object of class {@code outer} enclosing the objects of {@code owner}, as a lock ({@code @GuardedBy("Outer.this")}). */
  LockRef resolveEnclosing(TypeElement owner, TypeElement outer, int subclass) {
    return ref(typeKey(outer.asType(), enclosingInstance(owner, outer)), subclass, "this");
  }

  /** The receiver of a call of {@code method} written without one, at {@code call}, as a lock. */
  LockRef resolveImplicitReceiver(TreePath call, ExecutableElement method, int subclass) {
    TypeElement type = implicitReceiverType(call, method);
    if (type == null) {
      type = enclosingClass(call);
    }
    return ref(typeKey(type.asType(), enclosingInstance(enclosingClass(call), type)), subclass, "this");
  }

  /** A parameter as a lock its method holds on entry ({@code @GuardedBy("param")}). */
  LockRef resolveParameter(VariableElement parameter, LocalScope scope, int defaultSubclass) {
    return ref(variableKey(null, parameter, scope, 0), defaultSubclass, parameter.getSimpleName().toString());
  }

  /** The lock of a static {@code synchronized} method: its class object. */
  LockRef resolveClassObject(TypeElement owner, int subclass) {
    String qualified = qualifiedName(owner) + ".class";
    String name = Names.type(owner) + ".class";
    Key k = new Key(qualified, name, true, null, qualified, ReadMode.EXCLUSIVE);
    return ref(k, subclass, name);
  }

  /**
   * The lock the JVM initializes {@code type} under ({@link ClassInitializations}): one object,
   * {@code pkg.Type.<clinit>}, reentrant for the thread initializing it.
   */
  LockRef classInitialization(TypeElement type) {
    String qualified = qualifiedName(type) + LockClass.INITIALIZATION;
    String name = Names.type(type) + LockClass.INITIALIZATION;
    return ref(new Key(qualified, name, true, null, qualified, ReadMode.EXCLUSIVE), 0, name);
  }

  /**
   * What {@code path}'s expression, passed as an argument, is to a callee: the lock it is if the
   * callee locks its parameter, and its type, exact when it was created right there.
   */
  MethodSummary.Argument argument(TreePath path, LocalScope scope) {
    Key k = freshLockOfField(path);
    if (k == null) {
      k = key(path, scope, 0);
    }
    TreePath created = created(path, scope);
    String type = programTypeName(trees.getTypeMirror(created != null ? created : path));
    return new MethodSummary.Argument(lockClass(k, 0), k.instance(), List.of(), type, type != null && created != null);
  }

  /**
   * The {@code new} expression that created the object {@code path}'s expression is: itself, or
   * the initializer of an effectively final local; else null.
   */
  TreePath created(TreePath path, LocalScope scope) {
    TreePath expression = withoutParenthesesAndCasts(path);
    if (expression.getLeaf().getKind() == Tree.Kind.NEW_CLASS) {
      return expression;
    }
    if (expression.getLeaf().getKind() == Tree.Kind.IDENTIFIER
        && trees.getElement(expression) instanceof VariableElement local
        && local.getKind() != ElementKind.FIELD
        && scope.effectivelyFinal(local)) {
      TreePath init = scope.initializer(local);
      return init != null && init.getLeaf().getKind() == Tree.Kind.NEW_CLASS ? init : null;
    }
    return null;
  }

  /**
   * The {@code new} expression that created the object {@code path}'s expression is, as {@link
   * #created} finds it, or the initializer of the field it reads when that field is one object.
   */
  TreePath createdOrInField(TreePath path, LocalScope scope) {
    TreePath created = created(path, scope);
    if (created != null) {
      return created;
    }
    TreePath expression = withoutParenthesesAndCasts(path);
    return trees.getElement(expression) instanceof VariableElement field && field.getKind() == ElementKind.FIELD
        ? createdIn(field)
        : null;
  }

  /**
   * The name of the object the {@code new} expression at {@code path} creates, when it initialises
   * an effectively final local: that local, which later calls name as their receiver; else null.
   */
  String createdInstance(TreePath path, LocalScope scope) {
    TreePath parent = path.getParentPath();
    if (parent != null
        && parent.getLeaf() instanceof VariableTree declaration
        && declaration.getInitializer() == path.getLeaf()
        && trees.getElement(parent) instanceof VariableElement local
        && local.getKind() != ElementKind.FIELD
        && scope.effectivelyFinal(local)) {
      return localInstance(local, path);
    }
    VariableElement field = createdField(path);
    return field == null ? null : fieldInstance(field, "this", null);
  }

  /**
   * The field that holds, for the life of its object, what the {@code new} expression at {@code
   * path} creates: a field declared with it that is {@code final} or that nothing assigns ({@link
   * FieldAssignments#initializerOnly}), or a {@code final} field assigned it ({@code f = new ...},
   * {@code this.f = new ...}) in the only constructor of its class. Calls on that field
   * anywhere in the program then run on an object whose constructor's arguments are known
   * ({@code writeLock = new ReleasableLock(segmentLock.writeLock())}). Else null.
   */
  VariableElement createdField(TreePath path) {
    TreePath parent = path.getParentPath();
    Element target = null;
    if (parent == null) {
      return null;
    } else if (parent.getLeaf() instanceof VariableTree declaration && declaration.getInitializer() == path.getLeaf()) {
      target = trees.getElement(parent);
      if (target instanceof VariableElement field && fieldAssignments.initializerOnly(field, parent)) {
        return field;
      }
    } else if (parent.getLeaf() instanceof AssignmentTree assignment
        && assignment.getExpression() == path.getLeaf()
        && (assignment.getVariable() instanceof IdentifierTree
            || (assignment.getVariable() instanceof MemberSelectTree select
                && select.getExpression() instanceof IdentifierTree receiver
                && receiver.getName().equals(thisKeyword)))
        && parent.getParentPath().getLeaf() instanceof ExpressionStatementTree) {
      Element assigned = trees.getElement(child(parent, assignment.getVariable()));
      target = assigned != null && inOnlyConstructorOf(parent, assigned.getEnclosingElement()) ? assigned : null;
    }
    return target instanceof VariableElement field
            && field.getKind() == ElementKind.FIELD
            && field.getModifiers().contains(Modifier.FINAL)
        ? field
        : null;
  }

  /** Whether {@code path} is directly in the body of the one constructor {@code owner} declares. */
  private boolean inOnlyConstructorOf(TreePath path, Element owner) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree && trees.getElement(p) instanceof ExecutableElement method) {
        return method.getKind() == ElementKind.CONSTRUCTOR
            && method.getEnclosingElement().equals(owner)
            && ElementFilter.constructorsIn(owner.getEnclosedElements()).size() == 1;
      }
      if (leaf instanceof ClassTree || leaf instanceof LambdaExpressionTree) {
        return false;
      }
    }
    return false;
  }

  /** The name composition knows {@code type} by, when the program (not the JDK) declares it; else null. */
  String programTypeName(TypeMirror type) {
    TypeElement element = programType(type);
    return element == null ? null : lookups.typeName(element);
  }

  /** The class or interface of {@code type} when the program declares it, not the JDK; else null. */
  private TypeElement programType(TypeMirror type) {
    TypeElement element = lookups.typeElement(type);
    return element == null || lookups.ofJdk(element) ? null : element;
  }

  /** {@link #programTypeName} of a class. */
  String programTypeName(TypeElement type) {
    return type == null || lookups.ofJdk(type) ? null : lookups.typeName(type);
  }

  private static LockRef ref(Key k, int defaultSubclass, String text) {
    return new LockRef(lockClass(k, defaultSubclass), k.mode(), k.instance(), text);
  }

  private static LockClass lockClass(Key k, int defaultSubclass) {
    int subclass = k.subclass() == null ? defaultSubclass : k.subclass();
    return new LockClass(k.key(), validSubclass(subclass), k.name(), k.reentrant(), PseudoLock.NONE, k.typed());
  }

  /** Out-of-range subclasses are reported by {@link AnnotationMisuse}; they count as 0. */
  static int validSubclass(int subclass) {
    return subclass >= 0 && subclass < LockClass.MAX_SUBCLASSES ? subclass : 0;
  }

  /**
   * The identity of the object {@code path} denotes, or null: the instance {@link #key} finds,
   * without naming the lock class, which a receiver has no use for.
   */
  String instance(TreePath path, LocalScope scope) {
    return instance(path, scope, 0);
  }

  private Key key(TreePath path, LocalScope scope, int depth) {
    TreePath expression = withoutParenthesesAndCasts(path);
    switch (expression.getLeaf().getKind()) {
      case METHOD_INVOCATION:
        return invocationKey(expression, scope, depth);
      case IDENTIFIER:
      case MEMBER_SELECT:
        return nameKey(expression, scope, depth);
      case NEW_CLASS:
        return createdKey(expression, null);
      default:
        return typeKey(expression, null);
    }
  }

  /** {@code key(path, scope, depth).instance()}, following what {@link #key} follows. */
  private String instance(TreePath path, LocalScope scope, int depth) {
    TreePath expression = withoutParenthesesAndCasts(path);
    switch (expression.getLeaf().getKind()) {
      case METHOD_INVOCATION:
        return invocationInstance(expression, scope, depth);
      case IDENTIFIER:
      case MEMBER_SELECT:
        return nameInstance(expression, scope, depth);
      default:
        return null;
    }
  }

  /** Whether {@code tree} starts a body of its own: a method, a lambda, a class. */
  static boolean isBodyBoundary(Tree tree) {
    return tree instanceof MethodTree || tree instanceof LambdaExpressionTree || tree instanceof ClassTree;
  }

  /** The expression inside any parentheses. */
  static TreePath withoutParentheses(TreePath path) {
    TreePath expression = path;
    while (expression.getLeaf() instanceof ParenthesizedTree parenthesized) {
      expression = child(expression, parenthesized.getExpression());
    }
    return expression;
  }

  /** The expression inside any parentheses and casts: a cast names the same object, of the same lock class. */
  static TreePath withoutParenthesesAndCasts(TreePath path) {
    TreePath expression = path;
    while (true) {
      Tree leaf = expression.getLeaf();
      if (leaf instanceof ParenthesizedTree parenthesized) {
        expression = child(expression, parenthesized.getExpression());
      } else if (leaf instanceof TypeCastTree cast) {
        expression = child(expression, cast.getExpression());
      } else {
        return expression;
      }
    }
  }

  private Key nameKey(TreePath path, LocalScope scope, int depth) {
    Tree leaf = path.getLeaf();
    Name name = identifier(leaf);
    if (name.equals(classKeyword) && leaf instanceof MemberSelectTree select) {
      TypeMirror type = trees.getTypeMirror(child(path, select.getExpression()));
      String qualified = qualifiedName(type);
      // The monitor of a Class object, whatever @LockClass says about the instances of that type.
      return new Key(qualified + ".class", simpleName(type) + ".class", true, null, qualified + ".class", ReadMode.EXCLUSIVE);
    }
    if (name.equals(thisKeyword) || name.equals(superKeyword)) {
      return typeKey(path, thisInstance(path));
    }
    Element element = trees.getElement(path);
    if (element instanceof VariableElement variable) {
      return variableKey(path, variable, scope, depth);
    }
    return typeKey(path, null);
  }

  private String nameInstance(TreePath path, LocalScope scope, int depth) {
    Tree leaf = path.getLeaf();
    Name name = identifier(leaf);
    if (name.equals(classKeyword) && leaf instanceof MemberSelectTree select) {
      return qualifiedName(trees.getTypeMirror(child(path, select.getExpression()))) + ".class";
    }
    if (name.equals(thisKeyword) || name.equals(superKeyword)) {
      // super names this object too, seen as its superclass.
      return thisInstance(path);
    }
    return trees.getElement(path) instanceof VariableElement variable
        ? variableInstance(path, variable, scope, depth)
        : null;
  }

  /** The name an identifier or a field access ends in. */
  private static Name identifier(Tree name) {
    return name instanceof MemberSelectTree select ? select.getIdentifier() : ((IdentifierTree) name).getName();
  }

  /** The object {@code this} or {@code Outer.this} at {@code path} is. */
  private String thisInstance(TreePath path) {
    if (!(path.getLeaf() instanceof MemberSelectTree select)) {
      return "this";
    }
    return trees.getElement(child(path, select.getExpression())) instanceof TypeElement outer
        ? enclosingInstance(path, outer)
        : null;
  }

  /**
   * The name of the object of class {@code outer} that the code at {@code path} runs in: {@code
   * this} in {@code outer} itself, else the enclosing instance reached from {@code this} one class
   * out at a time, {@code this.this$Outer} (the field javac gives an inner class); null when some
   * class on the way has no enclosing instance. Every body of one object names its enclosing
   * objects alike, so an inner class's {@code synchronized (Outer.this)} and the outer class's
   * {@code synchronized} method are seen to take one monitor.
   */
  String enclosingInstance(TreePath path, TypeElement outer) {
    return enclosingInstance(enclosingClass(path), outer);
  }

  /** {@link #enclosingInstance(TreePath, TypeElement)} for code in the class {@code here}. */
  private static String enclosingInstance(TypeElement here, TypeElement outer) {
    StringBuilder name = new StringBuilder("this");
    for (TypeElement type = here; type != null; ) {
      if (type.equals(outer)) {
        return name.toString();
      }
      TypeElement enclosing = enclosingInstanceType(type);
      if (enclosing == null) {
        return null;
      }
      name.append(".this$").append(enclosing.getSimpleName().isEmpty() ? "anonymous" : enclosing.getSimpleName());
      type = enclosing;
    }
    return null;
  }

  /**
   * The object a member of {@code owner} named without a receiver is, at {@code path}: {@code this}
   * when the class there has the member, else the innermost enclosing instance that has it; null
   * for a static member.
   */
  String implicitReceiver(TreePath path, Element member) {
    TypeElement type = implicitReceiverType(path, member);
    return type == null ? null : enclosingInstance(path, type);
  }

  /** The class of {@link #implicitReceiver}'s object, or null for a static member. */
  TypeElement implicitReceiverType(TreePath path, Element member) {
    if (member.getModifiers().contains(Modifier.STATIC) || !(member.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    TypeElement here = enclosingClass(path);
    for (TypeElement type = here; type != null; type = enclosingInstanceType(type)) {
      if (lockTypes.types().isSubtype(lockTypes.types().erasure(type.asType()), lockTypes.types().erasure(owner.asType()))) {
        return type;
      }
    }
    return here;
  }

  /** The class whose body encloses {@code path}, or null outside any. */
  static TypeElement enclosingClass(TreePath path, Trees trees) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        return trees.getElement(p) instanceof TypeElement type ? type : null;
      }
    }
    return null;
  }

  private TypeElement enclosingClass(TreePath path) {
    return enclosingClass(path, trees);
  }

  /** The class of the enclosing instance objects of {@code type} have, or null when they have none. */
  private static TypeElement enclosingInstanceType(TypeElement type) {
    if (type.getModifiers().contains(Modifier.STATIC) || type.getKind() != ElementKind.CLASS) {
      return null;
    }
    Element enclosing = type.getEnclosingElement();
    while (enclosing != null && !(enclosing instanceof TypeElement)) {
      if (enclosing instanceof ExecutableElement method && method.getModifiers().contains(Modifier.STATIC)) {
        // A local or anonymous class in a static method.
        return null;
      }
      enclosing = enclosing.getEnclosingElement();
    }
    return enclosing instanceof TypeElement outer ? outer : null;
  }

  private Key variableKey(TreePath path, VariableElement variable, LocalScope scope, int depth) {
    if (variable.getKind() == ElementKind.FIELD) {
      return lockClassOf(variable, fieldReceiverInstance(path, variable, scope, depth), path, depth);
    }
    Integer subclass = nested(variable);
    Optional<AnnotationMirror> lockClass = LockAnnotations.find(variable, LockAnnotations.LOCK_CLASS);
    boolean effectivelyFinal = scope.effectivelyFinal(variable);
    TreePath init = lockClass.isEmpty() ? aliasedInitializer(variable, scope, depth) : null;
    if (init != null) {
      Key aliased = key(init, scope, depth + 1);
      if (!effectivelyFinal) {
        aliased = aliased.withInstance(null);
      } else if (aliased.instance() == null) {
        aliased = aliased.withInstance(localInstance(variable, path));
      }
      return aliased.withSubclass(subclass != null ? subclass : aliased.subclass());
    }
    TreePath created = lockClass.isEmpty() && effectivelyFinal ? scope.initializer(variable) : null;
    if (created != null && created.getLeaf().getKind() == Tree.Kind.NEW_CLASS) {
      return createdKey(created, localInstance(variable, path)).withSubclass(subclass);
    }
    TypeMirror type = variable.asType();
    String instance = effectivelyFinal ? localInstance(variable, path) : null;
    return annotatedOr(lockClass.orElse(null), type, typeKey(type, instance)).withSubclass(subclass);
  }

  private String variableInstance(TreePath path, VariableElement variable, LocalScope scope, int depth) {
    if (variable.getKind() == ElementKind.FIELD) {
      // A field the reading body assigns is no one object, whatever it was initialised with.
      if (!namesOneObject(variable, path)) {
        return null;
      }
      String receiver = fieldReceiverInstance(path, variable, scope, depth);
      TreePath init =
          LockAnnotations.find(variable, LockAnnotations.LOCK_CLASS, models).isEmpty()
              ? fieldInitializer(variable, depth)
              : null;
      return init != null
          ? initialisedInstance(variable, receiver, instance(init, LocalScope.NONE, depth + 1), path)
          : fieldInstance(variable, receiver, path);
    }
    if (!scope.effectivelyFinal(variable)) {
      return null;
    }
    TreePath init =
        LockAnnotations.find(variable, LockAnnotations.LOCK_CLASS).isEmpty()
            ? aliasedInitializer(variable, scope, depth)
            : null;
    String aliased = init == null ? null : instance(init, scope, depth + 1);
    return aliased != null ? aliased : localInstance(variable, path);
  }

  /** The initializer of a local whose lock the local takes over, or null. */
  private static TreePath aliasedInitializer(VariableElement local, LocalScope scope, int depth) {
    TreePath init = scope.initializer(local);
    return init != null && depth < MAX_DEPTH && follows(init.getLeaf()) ? init : null;
  }

  /**
   * An effectively final local: one object for its whole scope, even when its initializer names
   * none (a map lookup, a factory), so a call on it may re-enter the lock it holds. Used at {@code
   * use} inside a local or anonymous class, it is the copy that class keeps, {@code this.val$name}
   * (javac's name for it), which every method of one object of that class shares.
   */
  private String localInstance(VariableElement local, TreePath use) {
    if (use != null
        && local.getEnclosingElement() instanceof ExecutableElement method
        && method.getEnclosingElement() instanceof TypeElement declaring) {
      TypeElement here = enclosingClass(use);
      if (here != null && !here.equals(declaring)) {
        return "this.val$" + local.getSimpleName();
      }
    }
    String known = localInstances.get(local);
    if (known == null) {
      known = localName(local.getSimpleName());
      localInstances.put(local, known);
    }
    return known;
  }

  /**
   * Whether a field is one object for the life of the object that has it: {@code final}, or
   * private and assigned only while that object is constructed ({@link FieldAssignments#constructionOnly}),
   * or set once where it was found {@code null} ({@link FieldAssignments#setOnce}).
   */
  private boolean oneObject(VariableElement field) {
    return field.getModifiers().contains(Modifier.FINAL)
        || fieldAssignments.constructionOnly(field, declaration(field))
        || fieldAssignments.setOnce(field, declaration(field));
  }

  /**
   * Whether a read of {@code field} at {@code use} names the object every other read of it on the
   * same receiver in the same body names: it is {@link #oneObject}, or the body does not assign it
   * ({@link FieldAssignments#assignedInBody}). A field named without a read ({@code use} null: a
   * lock an annotation names) is the object it holds.
   */
  private boolean namesOneObject(VariableElement field, TreePath use) {
    return oneObject(field) || use == null || !fieldAssignments.assignedInBody(field, use);
  }

  private Key fieldKey(VariableElement field, String receiver, TreePath use) {
    TypeMirror fieldType = field.asType();
    if (programType(fieldType) != null) {
      // A field holding a program object: its lock is that object's monitor, whichever field names it.
      TreePath created = createdIn(field);
      String instance = fieldInstance(field, receiver, use);
      return created != null ? createdKey(created, instance) : typeKey(fieldType, instance);
    }
    TypeMirror type = field.asType();
    return new Key(
        fieldKeyText(field), fieldClassName(field), defaultReentrant(type) && !mayHoldNonReentrant(field), null,
        fieldInstance(field, receiver, use), viewMode(type));
  }

  /** How reports print the lock class of a field: {@code Owner.field}. */
  private static String fieldClassName(VariableElement field) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    String ownerSimple = !owner.getSimpleName().isEmpty() ? owner.getSimpleName().toString() : Names.type(owner);
    return ownerSimple + "." + field.getSimpleName();
  }

  /** A field's key, {@code pkg.Owner.field}: its lock class when it holds a lock object, and its {@link MethodSummary.Store}. */
  static String fieldKeyText(VariableElement field) {
    return qualifiedName((TypeElement) field.getEnclosingElement()) + "." + field.getSimpleName();
  }

  /** The {@code new} expression a field that is one object is declared with, or null. */
  private TreePath createdIn(VariableElement field) {
    TreePath fieldPath = declaration(field);
    if (fieldPath == null
        || !(fieldPath.getLeaf() instanceof VariableTree declaration)
        || declaration.getInitializer() == null
        || declaration.getInitializer().getKind() != Tree.Kind.NEW_CLASS
        || !oneObject(field)) {
      return null;
    }
    return child(fieldPath, declaration.getInitializer());
  }

  /** The object {@code field} read through {@code receiver} at {@code use} is, when it {@link #namesOneObject names one}; else null. */
  private String fieldInstance(VariableElement field, String receiver, TreePath use) {
    if (!namesOneObject(field, use)) {
      return null;
    }
    String fieldName = field.getSimpleName().toString();
    if (field.getModifiers().contains(Modifier.STATIC)) {
      return qualifiedName((TypeElement) field.getEnclosingElement()) + "." + fieldName;
    }
    return receiver == null ? null : receiver + "." + fieldName;
  }

  /**
   * The lock a field denotes when no expression names it: a lock that {@code @Acquires} names on a
   * callee, seen from a caller whose receiver is {@code receiver}.
   */
  LockRef resolveField(VariableElement field, String receiver, int defaultSubclass, String text) {
    return ref(lockClassOf(field, receiver, null, 0), defaultSubclass, text);
  }

  private Key lockClassOf(VariableElement field, String receiver, TreePath use, int depth) {
    Optional<AnnotationMirror> lockClass = LockAnnotations.find(field, LockAnnotations.LOCK_CLASS, models);
    Integer subclass = nested(field);
    TreePath init = lockClass.isPresent() ? null : fieldInitializer(field, depth);
    if (init != null) {
      Key initialised = key(init, LocalScope.NONE, depth + 1);
      return initialised
          .withInstance(initialisedInstance(field, receiver, initialised.instance(), use))
          .withSubclass(subclass != null ? subclass : initialised.subclass());
    }
    return annotatedOr(lockClass.orElse(null), field.asType(), fieldKey(field, receiver, use)).withSubclass(subclass);
  }

  /**
   * The initializer of a field whose lock the field is: a field initialised with a read-write view
   * or another lock's getter is that lock; a view of a lock created right there
   * ({@code new ReentrantReadWriteLock().writeLock()}) is the field's own. Null when the field's
   * lock is its own.
   */
  private TreePath fieldInitializer(VariableElement field, int depth) {
    if (depth >= MAX_DEPTH) {
      return null;
    }
    TreePath fieldPath = declaration(field);
    if (fieldPath == null || !(fieldPath.getLeaf() instanceof VariableTree declaration)) {
      return null;
    }
    ExpressionTree init = declaration.getInitializer();
    if (init == null || init.getKind() != Tree.Kind.METHOD_INVOCATION) {
      return null;
    }
    TreePath initPath = child(fieldPath, init);
    TreePath viewed = receiver(initPath);
    if (viewed != null && viewed.getLeaf().getKind() == Tree.Kind.NEW_CLASS) {
      return null;
    }
    // Only a call that returns a lock the program names (a view, a getter, an annotated method)
    // hands its lock on; any other (a factory: Collections.synchronizedMap(new HashMap<>())) makes
    // a new object, the field's own, not one class with every result of that call's type.
    return trees.getElement(initPath) instanceof ExecutableElement method
            && (isView(initPath, method, viewed)
                || LockAnnotations.find(method, LockAnnotations.LOCK_CLASS, models).isPresent()
                || getter(method) != null)
        ? initPath
        : null;
  }

  /** The object a field initialised from the lock {@code initialised} is, read through {@code receiver}. */
  private String initialisedInstance(VariableElement field, String receiver, String initialised, TreePath use) {
    if (!namesOneObject(field, use)) {
      return null;
    }
    return field.getModifiers().contains(Modifier.STATIC) ? initialised : LockRef.rebase(initialised, receiver);
  }

  private String fieldReceiverInstance(TreePath path, VariableElement field, LocalScope scope, int depth) {
    if (field.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    if (path != null && path.getLeaf() instanceof MemberSelectTree select) {
      return depth >= MAX_DEPTH ? null : instance(child(path, select.getExpression()), scope, depth + 1);
    }
    return path == null ? "this" : implicitReceiver(path, field);
  }

  private Key invocationKey(TreePath path, LocalScope scope, int depth) {
    Element element = trees.getElement(path);
    if (!(element instanceof ExecutableElement method) || depth >= MAX_DEPTH) {
      return typeKey(path, null);
    }
    TreePath receiver = receiver(path);
    if (isView(path, method, receiver)) {
      Key viewed = key(receiver, scope, depth + 1);
      return switch (method.getSimpleName().toString()) {
        case "readLock", "asReadLock" -> viewed.withMode(ReadMode.SHARED);
        case "writeLock", "asWriteLock" -> viewed.withMode(ReadMode.EXCLUSIVE);
        default -> viewed;
      };
    }
    Optional<AnnotationMirror> lockClass = LockAnnotations.find(method, LockAnnotations.LOCK_CLASS, models);
    Getter getter = lockClass.isEmpty() ? getter(method) : null;
    if (getter != null) {
      Key k = key(getter.returned(), getter.scope(), depth + 1);
      return k.withInstance(
          LockRef.rebase(getter.outside(k.instance()), receiverInstance(path, method, receiver, scope, depth)));
    }
    Key byType = typeKey(path, null);
    Key key = annotatedOr(lockClass.orElse(null), method.getReturnType(), byType);
    if (key != byType) {
      return key;
    }
    Key returned = returnedKey(method, byType, trees.getTypeMirror(path));
    return returned == byType ? returned : returned.withInstance(returnedInstance(path, method, receiver, scope, depth));
  }

  /**
   * The name of the lock a call of {@code method}, keyed by the method ({@link #returnedKey}),
   * returns: {@code receiver.getLock()}, for a method without parameters, which one object's calls
   * take to return one lock, as a getter does; composition finds it where it knows the receiver's
   * class and that class's implementation is a getter ({@code MethodSummary#returnedLock}).
   */
  private String returnedInstance(
      TreePath path, ExecutableElement method, TreePath receiver, LocalScope scope, int depth) {
    if (!method.getParameters().isEmpty() || method.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    return LockRef.rebase(
        "this." + method.getSimpleName() + "()", receiverInstance(path, method, receiver, scope, depth));
  }

  /**
   * The lock {@code method}, a getter that implements or overrides another method, returns, named
   * as its body names it, where a call of the method it implements is keyed by that method
   * ({@link #returnedKey}): a lock of a JDK type; else null.
   */
  LockRef returnedLock(ExecutableElement method) {
    if (!method.getParameters().isEmpty()
        || method.getModifiers().contains(Modifier.STATIC)
        || method.getReturnType().getKind() != TypeKind.DECLARED
        || programType(method.getReturnType()) != null) {
      return null;
    }
    Getter getter = getter(method);
    if (getter == null) {
      return null;
    }
    Key k = key(getter.returned(), getter.scope(), 1);
    // A getter handing on the lock of the object it wraps (`return session.getLock();`) returns
    // that object's lock, named by the method it calls there.
    return k.typed() ? null : ref(k.withInstance(getter.outside(k.instance())), 0, method.toString());
  }

  /**
   * The lock a method of the program returns where nothing names its object (an interface or
   * abstract method, a body that is not a getter, a method of another compilation) when its type
   * is the JDK's ({@code Object}, {@code Lock}): a class of that method's own, {@code
   * Channel.getMutex()}. Lockdep keys a lock by where it is made, which is where the method's
   * bodies find it; keyed by its JDK type, it would be one class with every other monitor of
   * that type in the program. A program type's monitor keeps its type, which composition refines;
   * an element of a generic type ({@code E poll()}) is of the type its caller sees.
   */
  private Key returnedKey(ExecutableElement method, Key byType, TypeMirror type) {
    if (byType.typed()
        || type.getKind() != TypeKind.DECLARED
        || method.getReturnType().getKind() != TypeKind.DECLARED
        || !byType.key().equals(qualifiedName(type))
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || programTypeName(owner) == null) {
      return byType;
    }
    String signature = Names.method(method);
    return new Key(
        qualifiedName(owner) + signature.substring(Names.type(owner).length()), signature, byType.reentrant(),
        byType.subclass(), null, byType.mode());
  }

  private String invocationInstance(TreePath path, LocalScope scope, int depth) {
    if (!(trees.getElement(path) instanceof ExecutableElement method) || depth >= MAX_DEPTH) {
      return null;
    }
    TreePath receiver = receiver(path);
    if (isView(path, method, receiver)) {
      return instance(receiver, scope, depth + 1);
    }
    Getter getter = LockAnnotations.find(method, LockAnnotations.LOCK_CLASS, models).isEmpty() ? getter(method) : null;
    if (getter == null) {
      // The lock a method keyed by itself returns is named as its acquisition names it.
      return invocationKey(path, scope, depth).instance();
    }
    String instance = getter.outside(instance(getter.returned(), getter.scope(), depth + 1));
    return LockRef.rebase(instance, receiverInstance(path, method, receiver, scope, depth));
  }

  /** The object the call at {@code call} of {@code method}, at {@code depth}, runs on. */
  private String receiverInstance(TreePath call, Element method, TreePath receiver, LocalScope scope, int depth) {
    return receiver == null ? implicitReceiver(call, method) : instance(receiver, scope, depth + 1);
  }

  /**
   * Whether the call at {@code path}, of {@code method}, returns a view of its receiver's lock: a
   * read-write lock's {@code readLock()} or {@code writeLock()}, a stamped lock's
   * {@code asReadLock()}, {@code asWriteLock()} or {@code asReadWriteLock()}.
   */
  private boolean isView(TreePath path, ExecutableElement method, TreePath receiver) {
    if (receiver == null || !((MethodInvocationTree) path.getLeaf()).getArguments().isEmpty()) {
      return false;
    }
    TypeMirror receiverType = trees.getTypeMirror(receiver);
    return switch (method.getSimpleName().toString()) {
      case "readLock", "writeLock" ->
          lockTypes.isLock(trees.getTypeMirror(path)) && lockTypes.isReadWriteLock(receiverType);
      case "asReadLock", "asWriteLock" ->
          lockTypes.isLock(trees.getTypeMirror(path)) && lockTypes.isStampedLock(receiverType);
      case "asReadWriteLock" -> lockTypes.isStampedLock(receiverType);
      default -> false;
    };
  }

  /**
   * What a getter returns: {@code returned}, an expression read in the getter's own {@code scope},
   * which knows the locals the getter declared.
   */
  private record Getter(TreePath returned, LocalScope scope) {
    /**
     * The returned object's name as the caller reads it: a name of the getter's own local (a local
     * initialised from a lookup, one object in the getter only) names nothing outside it.
     */
    String outside(String instance) {
      return instance != null && instance.startsWith(LOCAL) ? null : instance;
    }
  }

  /**
   * The getter {@code method} is, if it is one in this compilation: its body ends in {@code return
   * e;} with {@code e} a field, a local, a getter's call or a view, and before that has only
   *
   * <ul>
   *   <li>guards that only throw ({@code if (field == null) throw ...;}), which return nothing else;
   *   <li>locals with initializers, each read back only as what it was initialised with: nothing
   *       else in such a body assigns it ({@code Holder h = INSTANCE; if (h == null) throw ...;
   *       return h;});
   *   <li>the lazy initialisation of the field it returns ({@code if (instance == null) instance =
   *       new Registry();}, also inside a {@code synchronized} block, as double-checked locking
   *       writes it): the field is then set once ({@link FieldAssignments#setOnce}), one object
   *       for every read that finds it set.
   * </ul>
   *
   * A body that is one {@code synchronized} block of such statements is a getter as well.
   */
  private Getter getter(ExecutableElement method) {
    TreePath methodPath = declaration(method);
    if (methodPath == null || !(methodPath.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return null;
    }
    List<? extends StatementTree> statements = tree.getBody().getStatements();
    TreePath bodyPath = child(methodPath, tree.getBody());
    if (statements.size() == 1 && statements.get(0) instanceof SynchronizedTree block) {
      // What it returns read under a lock (`synchronized (lock) { return subsegmentsLock; }`):
      // the same field of the same object.
      statements = block.getBlock().getStatements();
      bodyPath = child(child(bodyPath, block), block.getBlock());
    }
    int last = statements.size() - 1;
    if (last < 0 || !(statements.get(last) instanceof ReturnTree ret) || ret.getExpression() == null
        || !follows(ret.getExpression())) {
      return null;
    }
    TreePath returned = child(child(bodyPath, ret), ret.getExpression());
    boolean returnsField = trees.getElement(returned) instanceof VariableElement v && v.getKind() == ElementKind.FIELD;
    Map<Element, TreePath> locals = new HashMap<>();
    for (int i = 0; i < last; i++) {
      StatementTree statement = statements.get(i);
      if (statement instanceof VariableTree local && local.getInitializer() != null) {
        TreePath localPath = child(bodyPath, local);
        locals.put(trees.getElement(localPath), child(localPath, local.getInitializer()));
      } else if (!isThrowingGuard(statement)
          && !(returnsField && isLazyInitialisation(statement, ret.getExpression()))) {
        return null;
      }
    }
    return new Getter(returned, locals.isEmpty() ? LocalScope.NONE : new GetterScope(locals));
  }

  /** The locals of a getter: each is what it was initialised with, and no statement of the getter assigns one. */
  private record GetterScope(Map<Element, TreePath> locals) implements LocalScope {
    @Override
    public TreePath initializer(Element local) {
      return locals.get(local);
    }

    @Override
    public boolean effectivelyFinal(Element local) {
      return locals.containsKey(local);
    }
  }

  /**
   * Whether {@code statement} is the lazy initialisation of {@code returned}, a field: {@code if
   * (returned == null) ...} with no else (whatever else its branch does), or a {@code synchronized}
   * block of such.
   */
  private static boolean isLazyInitialisation(StatementTree statement, ExpressionTree returned) {
    if (statement instanceof SynchronizedTree block) {
      for (StatementTree inner : block.getBlock().getStatements()) {
        if (!isLazyInitialisation(inner, returned)) {
          return false;
        }
      }
      return true;
    }
    return statement instanceof IfTree lazy
        && lazy.getElseStatement() == null
        && FieldAssignments.isNullTestOf(lazy.getCondition(), returned);
  }

  /** Whether {@code statement} is {@code if (condition) throw ...;}, with no else. */
  private static boolean isThrowingGuard(StatementTree statement) {
    if (!(statement instanceof IfTree guard) || guard.getElseStatement() != null) {
      return false;
    }
    StatementTree then = guard.getThenStatement();
    if (then instanceof BlockTree block && block.getStatements().size() == 1) {
      then = block.getStatements().get(0);
    }
    return then instanceof ThrowTree;
  }

  /** Expressions whose lock class an alias takes over: names, field accesses, getters, views. */
  private static boolean follows(Tree expression) {
    Tree e = expression;
    // A cast names the same object.
    while (e instanceof ParenthesizedTree || e instanceof TypeCastTree) {
      e = e instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) e).getExpression();
    }
    return e.getKind() == Tree.Kind.IDENTIFIER
        || e.getKind() == Tree.Kind.MEMBER_SELECT
        || e.getKind() == Tree.Kind.METHOD_INVOCATION;
  }

  private Key typeKey(TreePath path, String instance) {
    return typeKey(trees.getTypeMirror(path), instance);
  }

  private Key typeKey(TypeMirror type, String instance) {
    TypeElement element = programType(type);
    if (element != null) {
      // The monitor of a program object: its class is the object's runtime type, of which the
      // static type is all the body knows; composition knows more.
      Key monitor =
          new Key(lookups.typeName(element), simpleName(type), defaultReentrant(type), null, instance, viewMode(type), true);
      return annotatedOr(null, type, monitor);
    }
    Key own = new Key(qualifiedName(type), simpleName(type), defaultReentrant(type), null, instance, viewMode(type));
    return annotatedOr(null, type, own);
  }

  /**
   * The monitor of an object created by {@code creation} ({@code new T(...)}): of exactly class
   * {@code T} when the program declares it; else the static type's key, as for any expression.
   */
  private Key createdKey(TreePath creation, String instance) {
    Key key = typeKey(trees.getTypeMirror(creation), instance);
    return key.typed() ? new Key(key.key(), key.name(), key.reentrant(), key.subclass(), instance, key.mode(), false) : key;
  }

  /** {@code @LockClass} on the element, else on the type, else {@code own}. */
  private Key annotatedOr(AnnotationMirror onElement, TypeMirror type, Key own) {
    AnnotationMirror annotation = onElement;
    if (annotation == null && type instanceof DeclaredType declared) {
      annotation = LockAnnotations.find(declared.asElement(), LockAnnotations.LOCK_CLASS, models).orElse(null);
      if (annotation != null && LockAnnotations.stringValue(annotation, "value", "").isEmpty()) {
        String typeName = qualifiedName(type);
        return new Key(
            own.key(), own.name(), LockAnnotations.booleanValue(annotation, "reentrant", true), own.subclass(),
            own.instance(), own.mode(), own.typed());
      }
    }
    if (annotation == null) {
      return own;
    }
    String value = LockAnnotations.stringValue(annotation, "value", "");
    boolean reentrant = LockAnnotations.booleanValue(annotation, "reentrant", own.reentrant());
    return value.isEmpty()
        ? new Key(own.key(), own.name(), reentrant, own.subclass(), own.instance(), own.mode(), own.typed())
        : new Key(value, value, reentrant, own.subclass(), own.instance(), own.mode());
  }

  private boolean defaultReentrant(TypeMirror type) {
    return !lockTypes.isStampedLock(type) && !lockTypes.isSemaphore(type) && !nonReentrantLock(type);
  }

  /**
   * Whether {@code type} is a lock class of the program that the thread holding it cannot take
   * again: a {@code Lock} whose synchronizer (the class itself or a class nested in it, extending
   * {@code AbstractQueuedSynchronizer}) acquires without asking who holds it. A reentrant one must
   * ask ({@code getExclusiveOwnerThread()}, {@code isHeldExclusively()}) to count its holder's
   * holds; one whose {@code tryAcquire} never does blocks its holder, lockdep's self-deadlock on a
   * non-recursive lock. A class whose synchronizer this compilation does not have is reentrant,
   * as {@code Lock}s mostly are.
   */
  private boolean nonReentrantLock(TypeMirror type) {
    TypeElement element = programType(type);
    return element != null
        && lockTypes.isLock(type)
        && nonReentrantLocks.computeIfAbsent(element, this::acquiresWithoutAskingTheHolder);
  }

  private boolean acquiresWithoutAskingTheHolder(TypeElement lock) {
    List<TypeElement> candidates = new ArrayList<>(ElementFilter.typesIn(lock.getEnclosedElements()));
    candidates.add(lock);
    boolean found = false;
    for (TypeElement candidate : candidates) {
      if (!lockTypes.isSynchronizer(candidate.asType())) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(candidate.getEnclosedElements())) {
        TreePath declared = method.getSimpleName().contentEquals("tryAcquire") && method.getParameters().size() == 1
            ? declaration(method)
            : null;
        if (declared != null) {
          if (asksTheHolder(declared)) {
            return false;
          }
          found = true;
        }
      }
    }
    return found;
  }

  /** A search of a tree for something: whether any of its nodes says yes. */
  private abstract static class Search extends TreePathScanner<Boolean, Void> {
    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }

    boolean finds(TreePath path) {
      return Boolean.TRUE.equals(scan(path, null));
    }
  }

  /** Whether {@code method} calls {@code getExclusiveOwnerThread()} or {@code isHeldExclusively()}. */
  private static boolean asksTheHolder(TreePath method) {
    return new Search() {
      @Override
      public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Tree select = call.getMethodSelect();
        Name name = select instanceof MemberSelectTree member ? member.getIdentifier() : ((IdentifierTree) select).getName();
        return name.contentEquals("getExclusiveOwnerThread") || name.contentEquals("isHeldExclusively")
            || Boolean.TRUE.equals(super.visitMethodInvocation(call, unused));
      }
    }.finds(method);
  }

  /**
   * Whether the lock field {@code field} may hold a lock its holder cannot take again ({@link
   * #nonReentrantLock}): its initializer, or an assignment to it in its class, creates one on some
   * branch ({@code executor instanceof Pool ? new SpinLock() : new ReentrantLock()}). One such
   * object is enough for its holder to block itself.
   */
  private boolean mayHoldNonReentrant(VariableElement field) {
    return nonReentrantFields.computeIfAbsent(field, f -> {
      TreePath declared = declaration(f);
      TreePath owner = declared == null ? null : declared.getParentPath();
      if (owner == null) {
        return false;
      }
      return new Search() {
        @Override
        public Boolean visitVariable(VariableTree variable, Void unused) {
          return variable == declared.getLeaf() && variable.getInitializer() != null
              ? createsNonReentrant(new TreePath(getCurrentPath(), variable.getInitializer()))
              : super.visitVariable(variable, unused);
        }

        @Override
        public Boolean visitAssignment(AssignmentTree assignment, Void unused) {
          return f.equals(trees.getElement(new TreePath(getCurrentPath(), assignment.getVariable())))
                  && createsNonReentrant(new TreePath(getCurrentPath(), assignment.getExpression()))
              || Boolean.TRUE.equals(super.visitAssignment(assignment, unused));
        }
      }.finds(owner);
    });
  }

  /** Whether {@code value}, or a branch of it, creates a lock its holder cannot take again. */
  private boolean createsNonReentrant(TreePath value) {
    TreePath expression = withoutParenthesesAndCasts(value);
    if (expression.getLeaf() instanceof ConditionalExpressionTree choice) {
      return createsNonReentrant(child(expression, choice.getTrueExpression()))
          || createsNonReentrant(child(expression, choice.getFalseExpression()));
    }
    return expression.getLeaf().getKind() == Tree.Kind.NEW_CLASS && nonReentrantLock(trees.getTypeMirror(expression));
  }

  private ReadMode viewMode(TypeMirror type) {
    return lockTypes.isReadLockView(type) ? ReadMode.SHARED : ReadMode.EXCLUSIVE;
  }

  /**
   * The fields {@code constructor} sets from its parameters, {@code this.field = parameter} at the
   * top level of its body, for fields that are one object: lock fields (of a lock type or {@code
   * Object}) that name no class of their own, and fields of any other object type
   * ({@link MethodSummary.Store}).
   */
  List<MethodSummary.Store> stores(ExecutableElement constructor, TreePath body) {
    List<MethodSummary.Store> stores = new ArrayList<>();
    for (StatementTree statement : ((BlockTree) body.getLeaf()).getStatements()) {
      if (!(statement instanceof ExpressionStatementTree expression)
          || !(expression.getExpression() instanceof AssignmentTree assignment)
          || !(assignment.getExpression() instanceof IdentifierTree)) {
        continue;
      }
      TreePath at = child(child(body, statement), assignment);
      if (!(trees.getElement(child(at, assignment.getVariable())) instanceof VariableElement field)
          || field.getKind() != ElementKind.FIELD
          || !field.getEnclosingElement().equals(constructor.getEnclosingElement())
          || !(trees.getElement(child(at, assignment.getExpression())) instanceof VariableElement parameter)) {
        continue;
      }
      int position = constructor.getParameters().indexOf(parameter);
      if (position < 0 || !oneObject(field) || !(field.asType() instanceof DeclaredType)) {
        continue;
      }
      if (isLockObject(field.asType())) {
        if (LockAnnotations.find(field, LockAnnotations.LOCK_CLASS, models).isEmpty()) {
          stores.add(new MethodSummary.Store(lockClassOf(field, "this", null, 0).key(), position));
        }
      } else {
        // Any other object: the field is the creator's argument, whose type and callbacks the
        // methods called on the new object see.
        stores.add(new MethodSummary.Store(fieldKeyText(field), position));
      }
    }
    return stores;
  }

  /**
   * The key of a lock object created as an argument of the creation of what a field holds ({@code
   * lruLock = new ReleasableLock(new ReentrantLock())}): lockdep keys a lock where it is
   * initialised, and this one is initialised for that field, as if the field held it; else null.
   */
  private Key freshLockOfField(TreePath path) {
    TreePath expression = withoutParenthesesAndCasts(path);
    TreePath creation = expression.getParentPath();
    if (expression.getLeaf().getKind() != Tree.Kind.NEW_CLASS
        || creation == null
        || creation.getLeaf().getKind() != Tree.Kind.NEW_CLASS) {
      return null;
    }
    TypeMirror type = trees.getTypeMirror(expression);
    VariableElement holder = isLockObject(type) ? createdField(creation) : null;
    return holder == null
        ? null
        : new Key(fieldKeyText(holder), fieldClassName(holder), defaultReentrant(type), null, null, viewMode(type));
  }

  /** Whether {@code type} is one of a lock object: a JDK lock, read-write lock, stamped lock, semaphore or {@code Object}. */
  boolean isLockObject(TypeMirror type) {
    TypeElement element = lookups.typeElement(type);
    return element != null
        && (element.getQualifiedName().contentEquals("java.lang.Object")
            || lockTypes.isLock(type) || lockTypes.isReadWriteLock(type) || lockTypes.isStampedLock(type)
            || lockTypes.isSemaphore(type));
  }

  /** The subclass {@code @Nested} gives an element, written or in a models file, or null. */
  Integer nested(Element element) {
    return nestedValue(LockAnnotations.find(element, LockAnnotations.NESTED, models));
  }

  /** As {@link #nested}, for the annotation written on {@code element} only. */
  static Integer writtenNested(Element element) {
    return nestedValue(LockAnnotations.find(element, LockAnnotations.NESTED));
  }

  private static Integer nestedValue(Optional<AnnotationMirror> nested) {
    return nested.flatMap(a -> LockAnnotations.value(a, "value")).map(v -> (Integer) v).orElse(null);
  }

  /** The receiver of a call written as {@code receiver.m(...)}, or null for an implicit one. */
  static TreePath receiver(TreePath invocationPath) {
    MethodInvocationTree invocation = (MethodInvocationTree) invocationPath.getLeaf();
    TreePath select = child(invocationPath, invocation.getMethodSelect());
    return invocation.getMethodSelect() instanceof MemberSelectTree member
        ? child(select, member.getExpression())
        : null;
  }

  static TreePath child(TreePath parent, Tree leaf) {
    return new TreePath(parent, leaf);
  }

  private String qualifiedName(TypeMirror type) {
    TypeMirror erased = type == null ? null : lockTypes.types().erasure(type);
    if (erased instanceof DeclaredType declared) {
      return qualifiedName((TypeElement) declared.asElement());
    }
    return erased == null || erased.getKind() == TypeKind.ERROR ? "java.lang.Object" : erased.toString();
  }

  /** The qualified name; an anonymous class, which has none, is named after where it is written. */
  static String qualifiedName(TypeElement type) {
    String qualified = type.getQualifiedName().toString();
    if (!qualified.isEmpty()) {
      return qualified;
    }
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    String pkg = ((PackageElement) e).getQualifiedName().toString();
    return pkg.isEmpty() ? Names.type(type) : pkg + "." + Names.type(type);
  }

  private String simpleName(TypeMirror type) {
    TypeMirror erased = type == null ? null : lockTypes.types().erasure(type);
    if (erased instanceof DeclaredType declared) {
      Name simple = declared.asElement().getSimpleName();
      return !simple.isEmpty() ? simple.toString() : Names.type((TypeElement) declared.asElement());
    }
    return qualifiedName(type);
  }
}
