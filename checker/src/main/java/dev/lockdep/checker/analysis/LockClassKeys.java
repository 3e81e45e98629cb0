package dev.lockdep.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.PseudoLock;
import dev.lockdep.lockgraph.ReadMode;
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

/**
 * Names the lock class of a lock expression, in the order of SPEC §5: {@code @LockClass} (on the
 * element, then on the type), the field ({@code pkg.Type.field}), the class literal
 * ({@code pkg.T.class}), the static type. Locals initialised from a field, a getter returning a
 * field or a read-write view take the class of what they were initialised from.
 */
final class LockClassKeys {
  /** How many getters and aliases are followed: enough for real code, bounded for cycles. */
  private static final int MAX_DEPTH = 4;

  private final Trees trees;
  /** Annotations models files give library members. */
  private final Models models;
  private final LockTypes lockTypes;
  /**
   * The declaration of each field and method looked up, or empty when it has none in this
   * compilation: javac finds one by scanning its class's trees, and every use of a field asks.
   */
  private final Map<Element, Optional<TreePath>> declarations = new HashMap<>();

  LockClassKeys(Trees trees, LockTypes lockTypes, Models models) {
    this.trees = trees;
    this.models = models;
    this.lockTypes = lockTypes;
  }

  /** Where {@code element} is declared in this compilation, or null. */
  TreePath declaration(Element element) {
    return declarations.computeIfAbsent(element, e -> Optional.ofNullable(trees.getPath(e))).orElse(null);
  }

  /** A class key before the subclass is settled. */
  private record Key(
      String key, String name, boolean reentrant, Integer subclass, String instance, ReadMode mode) {
    Key withInstance(String newInstance) {
      return new Key(key, name, reentrant, subclass, newInstance, mode);
    }

    Key withMode(ReadMode newMode) {
      return new Key(key, name, reentrant, subclass, instance, newMode);
    }

    Key withSubclass(Integer newSubclass) {
      return new Key(key, name, reentrant, newSubclass, instance, mode);
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

  private static LockRef ref(Key k, int defaultSubclass, String text) {
    int subclass = k.subclass() == null ? defaultSubclass : k.subclass();
    LockClass lockClass =
        new LockClass(k.key(), validSubclass(subclass), k.name(), k.reentrant(), PseudoLock.NONE);
    return new LockRef(lockClass, k.mode(), k.instance(), text);
  }

  /** Out-of-range subclasses are reported by {@link AnnotationMisuseScanner}; they count as 0. */
  static int validSubclass(int subclass) {
    return subclass >= 0 && subclass < LockClass.MAX_SUBCLASSES ? subclass : 0;
  }

  /** The identity of the object {@code path} denotes, or null. */
  String instance(TreePath path, LocalScope scope) {
    return key(path, scope, 0).instance();
  }

  private Key key(TreePath path, LocalScope scope, int depth) {
    Tree leaf = path.getLeaf();
    switch (leaf.getKind()) {
      case PARENTHESIZED:
        return key(child(path, ((ParenthesizedTree) leaf).getExpression()), scope, depth);
      case TYPE_CAST:
        return key(child(path, ((TypeCastTree) leaf).getExpression()), scope, depth);
      case METHOD_INVOCATION:
        return invocationKey(path, scope, depth);
      case IDENTIFIER:
      case MEMBER_SELECT:
        return nameKey(path, scope, depth);
      default:
        return typeKey(path, null);
    }
  }

  private Key nameKey(TreePath path, LocalScope scope, int depth) {
    Tree leaf = path.getLeaf();
    String name =
        leaf instanceof MemberSelectTree select
            ? select.getIdentifier().toString()
            : leaf.toString();
    if (name.equals("class") && leaf instanceof MemberSelectTree select) {
      TypeMirror type = trees.getTypeMirror(child(path, select.getExpression()));
      String qualified = qualifiedName(type);
      // The monitor of a Class object, whatever @LockClass says about the instances of that type.
      return new Key(qualified + ".class", simpleName(type) + ".class", true, null, qualified + ".class", ReadMode.EXCLUSIVE);
    }
    if (name.equals("this")) {
      String instance = leaf instanceof MemberSelectTree select ? select.getExpression() + ".this" : "this";
      return typeKey(path, instance);
    }
    Element element = trees.getElement(path);
    if (element instanceof VariableElement variable) {
      return variableKey(path, variable, scope, depth);
    }
    return typeKey(path, null);
  }

  private Key variableKey(TreePath path, VariableElement variable, LocalScope scope, int depth) {
    if (variable.getKind() == ElementKind.FIELD) {
      return lockClassOf(variable, fieldReceiverInstance(path, variable, scope, depth), depth);
    }
    Integer subclass = nested(variable);
    Optional<AnnotationMirror> lockClass = LockAnnotations.find(variable, LockAnnotations.LOCK_CLASS);
    boolean effectivelyFinal = scope.effectivelyFinal(variable);
    TreePath init = scope.initializer(variable);
    if (lockClass.isEmpty() && init != null && depth < MAX_DEPTH && follows(init.getLeaf())) {
      Key aliased = key(init, scope, depth + 1);
      if (!effectivelyFinal) {
        aliased = aliased.withInstance(null);
      } else if (aliased.instance() == null) {
        // An effectively final local is one object for its whole scope, even when its initializer
        // names none (a map lookup, a factory): a call on it may re-enter the lock it holds.
        aliased = aliased.withInstance("local:" + variable.getSimpleName());
      }
      return aliased.withSubclass(subclass != null ? subclass : aliased.subclass());
    }
    TypeMirror type = variable.asType();
    String instance = effectivelyFinal ? "local:" + variable.getSimpleName() : null;
    return annotatedOr(lockClass.orElse(null), type, typeKey(type, instance)).withSubclass(subclass);
  }

  private Key fieldKey(VariableElement field, String receiver) {
    TypeElement ownerType = (TypeElement) field.getEnclosingElement();
    String ownerSimple =
        ownerType.getSimpleName().length() > 0 ? ownerType.getSimpleName().toString() : Names.type(ownerType);
    String owner = qualifiedName(ownerType);
    String fieldName = field.getSimpleName().toString();
    String instance = null;
    if (field.getModifiers().contains(Modifier.FINAL)) {
      instance =
          field.getModifiers().contains(Modifier.STATIC)
              ? owner + "." + fieldName
              : receiver == null ? null : receiver + "." + fieldName;
    }
    TypeMirror type = field.asType();
    return new Key(owner + "." + fieldName, ownerSimple + "." + fieldName, defaultReentrant(type), null, instance, viewMode(type));
  }

  /**
   * The lock a field denotes when no expression names it: a lock that {@code @Acquires} names on a
   * callee, seen from a caller whose receiver is {@code receiver}.
   */
  LockRef resolveField(VariableElement field, String receiver, int defaultSubclass, String text) {
    return ref(lockClassOf(field, receiver, 0), defaultSubclass, text);
  }

  private Key lockClassOf(VariableElement field, String receiver, int depth) {
    Optional<AnnotationMirror> lockClass = LockAnnotations.find(field, LockAnnotations.LOCK_CLASS, models);
    Integer subclass = nested(field);
    Key initialised = lockClass.isPresent() ? null : fieldInitializerKey(field, receiver, depth);
    if (initialised != null) {
      return initialised.withSubclass(subclass != null ? subclass : initialised.subclass());
    }
    return annotatedOr(lockClass.orElse(null), field.asType(), fieldKey(field, receiver)).withSubclass(subclass);
  }

  /**
   * A field initialised with a read-write view or another lock's getter is that lock; a view of a
   * lock created right there ({@code new ReentrantReadWriteLock().writeLock()}) is the field's own.
   */
  private Key fieldInitializerKey(VariableElement field, String receiver, int depth) {
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
    TreePath viewed = receiver(child(fieldPath, init));
    if (viewed != null && viewed.getLeaf().getKind() == Tree.Kind.NEW_CLASS) {
      return null;
    }
    Key k = key(child(fieldPath, init), LocalScope.NONE, depth + 1);
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    boolean isFinal = field.getModifiers().contains(Modifier.FINAL);
    String instance = !isFinal ? null : isStatic ? k.instance() : LockRef.rebase(k.instance(), receiver);
    return k.withInstance(instance);
  }

  private String fieldReceiverInstance(TreePath path, VariableElement field, LocalScope scope, int depth) {
    if (field.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    if (path.getLeaf() instanceof MemberSelectTree select) {
      return depth >= MAX_DEPTH ? null : key(child(path, select.getExpression()), scope, depth + 1).instance();
    }
    return "this";
  }

  private Key invocationKey(TreePath path, LocalScope scope, int depth) {
    MethodInvocationTree invocation = (MethodInvocationTree) path.getLeaf();
    Element element = trees.getElement(path);
    if (!(element instanceof ExecutableElement method) || depth >= MAX_DEPTH) {
      return typeKey(path, null);
    }
    TreePath receiver = receiver(path);
    String name = method.getSimpleName().toString();
    TypeMirror receiverType = receiver == null ? null : trees.getTypeMirror(receiver);
    boolean noArgs = invocation.getArguments().isEmpty();
    if (receiver != null && noArgs && lockTypes.isLock(trees.getTypeMirror(path))) {
      if (lockTypes.isReadWriteLock(receiverType) && (name.equals("readLock") || name.equals("writeLock"))) {
        return key(receiver, scope, depth + 1).withMode(name.equals("readLock") ? ReadMode.SHARED : ReadMode.EXCLUSIVE);
      }
      if (lockTypes.isStampedLock(receiverType) && (name.equals("asReadLock") || name.equals("asWriteLock"))) {
        return key(receiver, scope, depth + 1).withMode(name.equals("asReadLock") ? ReadMode.SHARED : ReadMode.EXCLUSIVE);
      }
    }
    if (receiver != null && noArgs && name.equals("asReadWriteLock") && lockTypes.isStampedLock(receiverType)) {
      return key(receiver, scope, depth + 1);
    }
    String receiverInstance = receiver == null ? "this" : key(receiver, scope, depth + 1).instance();
    Optional<AnnotationMirror> lockClass = LockAnnotations.find(method, LockAnnotations.LOCK_CLASS, models);
    if (lockClass.isEmpty()) {
      TreePath returned = getterReturn(method);
      if (returned != null) {
        Key k = key(returned, LocalScope.NONE, depth + 1);
        return k.withInstance(LockRef.rebase(k.instance(), receiverInstance));
      }
    }
    return annotatedOr(lockClass.orElse(null), method.getReturnType(), typeKey(path, null));
  }

  /** The field expression a one-statement getter returns, if {@code method} is one in this compilation. */
  private TreePath getterReturn(ExecutableElement method) {
    TreePath methodPath = declaration(method);
    if (methodPath == null || !(methodPath.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return null;
    }
    List<? extends StatementTree> statements = tree.getBody().getStatements();
    if (statements.size() != 1 || !(statements.get(0) instanceof ReturnTree ret) || ret.getExpression() == null) {
      return null;
    }
    TreePath returned = child(child(child(methodPath, tree.getBody()), ret), ret.getExpression());
    return follows(ret.getExpression()) ? returned : null;
  }

  /** Expressions whose lock class an alias takes over: names, field accesses, getters, views. */
  private static boolean follows(Tree expression) {
    Tree e = expression;
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e.getKind() == Tree.Kind.IDENTIFIER
        || e.getKind() == Tree.Kind.MEMBER_SELECT
        || e.getKind() == Tree.Kind.METHOD_INVOCATION;
  }

  private Key typeKey(TreePath path, String instance) {
    return typeKey(trees.getTypeMirror(path), instance);
  }

  private Key typeKey(TypeMirror type, String instance) {
    Key own = new Key(qualifiedName(type), simpleName(type), defaultReentrant(type), null, instance, viewMode(type));
    return annotatedOr(null, type, own);
  }

  /** {@code @LockClass} on the element, else on the type, else {@code own}. */
  private Key annotatedOr(AnnotationMirror onElement, TypeMirror type, Key own) {
    AnnotationMirror annotation = onElement;
    if (annotation == null && type instanceof DeclaredType declared) {
      annotation = LockAnnotations.find(declared.asElement(), LockAnnotations.LOCK_CLASS, models).orElse(null);
      if (annotation != null && LockAnnotations.stringValue(annotation, "value", "").isEmpty()) {
        String typeName = qualifiedName(type);
        return new Key(typeName, simpleName(type), LockAnnotations.booleanValue(annotation, "reentrant", true), own.subclass(), own.instance(), own.mode());
      }
    }
    if (annotation == null) {
      return own;
    }
    String value = LockAnnotations.stringValue(annotation, "value", "");
    boolean reentrant = LockAnnotations.booleanValue(annotation, "reentrant", own.reentrant());
    return value.isEmpty()
        ? new Key(own.key(), own.name(), reentrant, own.subclass(), own.instance(), own.mode())
        : new Key(value, value, reentrant, own.subclass(), own.instance(), own.mode());
  }

  private boolean defaultReentrant(TypeMirror type) {
    return !lockTypes.isStampedLock(type) && !lockTypes.isSemaphore(type);
  }

  private ReadMode viewMode(TypeMirror type) {
    return lockTypes.isReadLockView(type) ? ReadMode.SHARED : ReadMode.EXCLUSIVE;
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
      return simple.length() > 0 ? simple.toString() : Names.type((TypeElement) declared.asElement());
    }
    return qualifiedName(type);
  }
}
