package dev.lockdep.checker.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.PseudoLock;
import dev.lockdep.lockgraph.ReadMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Recognises the calls that take, try, release or wait on a lock (SPEC §5): the
 * {@code java.util.concurrent} lock types, {@code Object.wait}, and methods annotated
 * {@code @Acquires} or {@code @Releases} (directly or on a method they override).
 */
final class LockOperations {
  private final Trees trees;
  /** Annotations models files give library members. */
  private final Models models;
  private final Elements elements;
  private final LockTypes lockTypes;
  private final LockClassKeys keys;
  private final ElementLookups lookups;
  private final TypeElement object;
  /** {@link #guardField}'s answers, by owner and guard. */
  private final Map<TypeElement, Map<String, Optional<VariableElement>>> guardFields = new HashMap<>();
  private final Name wait;

  LockOperations(
      Trees trees, Elements elements, ElementLookups lookups, LockTypes lockTypes, LockClassKeys keys, Models models) {
    this.lookups = lookups;
    this.trees = trees;
    this.models = models;
    this.elements = elements;
    this.lockTypes = lockTypes;
    this.keys = keys;
    this.object = lookups.jdkType("java.lang.Object");
    this.wait = elements.getName("wait");
  }

  /** What the class of a map's bins adds to the map's: a word no Java name holds. */
  private static final String BINS = " bins";

  /** A read-write lock's write lock, whose own queries ask about its lock's write hold. */
  private static final String WRITE_LOCK = "java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock";

  /**
   * The methods of {@code ConcurrentHashMap} that lock a bin of the map: those that run their
   * function argument while they hold it, and those that only take it.
   */
  private static final Set<String> BIN_LOCKING =
      Set.of(
          "compute", "computeIfAbsent", "computeIfPresent", "merge", "put", "putIfAbsent", "remove", "replace",
          "clear", "putAll", "replaceAll");

  /**
   * The lock of the bins of a {@code ConcurrentHashMap} a call of {@code method} takes, one
   * non-reentrant lock class named after the map (its field, or where it is created, then {@code
   * bins}), another than the map object's monitor: the JDK's
   * own lock, which {@code computeIfAbsent} and its kind hold while they run the function they are
   * given, so a lock the function takes is ordered after the map's, and the same map's bin taken
   * again from the function is lockdep's AA (the JDK's "Recursive update"). Empty for any other
   * call, and for a map not known to be a {@code ConcurrentHashMap} (another {@code
   * ConcurrentMap} locks nothing).
   */
  Optional<LockRef> mapBins(TreePath path, ExecutableElement method, LocalScope scope, int defaultSubclass) {
    TreePath receiver = LockClassKeys.receiver(path);
    if (receiver == null || !BIN_LOCKING.contains(method.getSimpleName().toString()) || !isConcurrentHashMap(receiver, scope)) {
      return Optional.empty();
    }
    LockRef map = keys.resolve(receiver, scope, defaultSubclass);
    // The bins are not the map object's own monitor, which code may lock too (`synchronized (map)`).
    return Optional.of(ownLock(map, map.lockClass().key() + BINS, map.lockClass().name() + BINS, false));
  }

  /**
   * A lock an object has beside its monitor (a map's bins, a synchronizer's state), of the class
   * {@code key} named {@code name}, taken exclusively, with the object's subclass and instance.
   */
  private static LockRef ownLock(LockRef object, String key, String name, boolean reentrant) {
    LockClass lockClass = new LockClass(key, object.lockClass().subclass(), name, reentrant, PseudoLock.NONE);
    return new LockRef(lockClass, ReadMode.EXCLUSIVE, object.instance(), object.text());
  }

  private boolean isConcurrentHashMap(TreePath receiver, LocalScope scope) {
    TreePath created = keys.createdOrInField(receiver, scope);
    return lockTypes.isConcurrentHashMap(trees.getTypeMirror(created != null ? created : receiver));
  }

  /** What the call at {@code path}, of {@code method}, does to held locks, if anything. */
  Optional<LockOperation> classify(TreePath path, ExecutableElement method, LocalScope scope, int defaultSubclass) {
    MethodInvocationTree invocation = (MethodInvocationTree) path.getLeaf();
    TreePath receiver = LockClassKeys.receiver(path);
    TypeMirror receiverType = receiver == null ? null : trees.getTypeMirror(receiver);
    Optional<LockOperation> annotated = annotated(path, method, receiver, scope, defaultSubclass);
    if (annotated.isPresent()) {
      return annotated;
    }
    if (isObjectWait(method)) {
      return Optional.of(LockOperation.of(LockOperation.Kind.WAIT, lockOf(receiver, path, scope, defaultSubclass)));
    }
    Optional<LockOperation> synchronizing = synchronizer(path, method, receiver, scope, defaultSubclass);
    if (synchronizing.isPresent()) {
      return synchronizing;
    }
    if (receiver == null) {
      return Optional.empty();
    }
    if (lockTypes.isStampedLock(receiverType)) {
      return stamped(method.getSimpleName().toString(), receiver, scope, defaultSubclass);
    }
    if (lockTypes.isLock(receiverType)) {
      return lock(method.getSimpleName().toString(), receiver, scope, defaultSubclass);
    }
    if (lockTypes.isSemaphore(receiverType) && isOnePermit(receiver, scope)) {
      return semaphore(method.getSimpleName().toString(), invocation.getArguments().size(), receiver, scope, defaultSubclass);
    }
    if (lockTypes.isCondition(receiverType) && method.getSimpleName().toString().startsWith("await")) {
      return conditionLock(receiver, scope, defaultSubclass)
          .map(lock -> LockOperation.of(LockOperation.Kind.WAIT, lock));
    }
    return Optional.empty();
  }

  /**
   * The lock a call asks about, if it is one of the JDK's "does this thread hold it" queries:
   * {@code ReentrantLock.isHeldByCurrentThread()}, the same of a read-write lock's write lock
   * ({@code rw.writeLock().isHeldByCurrentThread()}),
   * {@code ReentrantReadWriteLock.isWriteLockedByCurrentThread()}, {@code Thread.holdsLock(x)}.
   */
  Optional<LockRef> heldQuery(TreePath call, LocalScope scope, int subclass) {
    if (!(trees.getElement(call) instanceof ExecutableElement method)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Optional.empty();
    }
    String name = method.getSimpleName().toString();
    String type = owner.getQualifiedName().toString();
    TreePath receiver = LockClassKeys.receiver(call);
    boolean lockQuery =
        (type.equals("java.util.concurrent.locks.ReentrantLock") || type.equals(WRITE_LOCK))
                && name.equals("isHeldByCurrentThread")
            || type.equals("java.util.concurrent.locks.ReentrantReadWriteLock") && name.equals("isWriteLockedByCurrentThread");
    if (lockQuery && receiver != null) {
      return Optional.of(keys.resolve(receiver, scope, subclass).withMode(ReadMode.EXCLUSIVE));
    }
    MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
    if (type.equals("java.lang.Thread") && name.equals("holdsLock") && invocation.getArguments().size() == 1) {
      return Optional.of(keys.resolve(new TreePath(call, invocation.getArguments().get(0)), scope, subclass));
    }
    return Optional.empty();
  }

  /**
   * The lock a call counts the holds of, if it is one of the JDK's hold counts, {@code
   * ReentrantLock.getHoldCount()}, {@code ReentrantReadWriteLock.getReadHoldCount()} (its read
   * lock) or {@code getWriteHoldCount()} and the write lock's own {@code getHoldCount()} (its write
   * lock): compared with 0, a "does this thread hold it" query.
   */
  Optional<LockRef> holdCount(TreePath call, LocalScope scope, int subclass) {
    if (!(call.getLeaf() instanceof MethodInvocationTree)
        || !(trees.getElement(call) instanceof ExecutableElement method)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Optional.empty();
    }
    TreePath receiver = LockClassKeys.receiver(call);
    if (receiver == null) {
      return Optional.empty();
    }
    ReadMode mode =
        switch (owner.getQualifiedName() + "#" + method.getSimpleName()) {
          case "java.util.concurrent.locks.ReentrantLock#getHoldCount",
              "java.util.concurrent.locks.ReentrantReadWriteLock#getWriteHoldCount",
              WRITE_LOCK + "#getHoldCount" -> ReadMode.EXCLUSIVE;
          case "java.util.concurrent.locks.ReentrantReadWriteLock#getReadHoldCount" -> ReadMode.SHARED;
          default -> null;
        };
    return mode == null ? Optional.empty() : Optional.of(keys.resolve(receiver, scope, subclass).withMode(mode));
  }

  /**
   * A method of {@code java.util.concurrent.locks} whose call takes nothing: {@code readLock()},
   * {@code newCondition()}, {@code isHeldByCurrentThread()}. They throw only when misused, so
   * they are not where a {@code try} body is left: the read-to-write upgrade
   * {@code l.unlock(); l = rw.writeLock(); l.lock();} inside {@code try/finally} is balanced.
   */
  boolean isLockAccessor(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement owner
        && elements.getPackageOf(owner).getQualifiedName().contentEquals("java.util.concurrent.locks");
  }

  private Optional<LockOperation> lock(String name, TreePath receiver, LocalScope scope, int subclass) {
    LockOperation.Kind kind =
        switch (name) {
          case "lock", "lockInterruptibly" -> LockOperation.Kind.ACQUIRE;
          case "tryLock" -> LockOperation.Kind.TRY_ACQUIRE;
          case "unlock" -> LockOperation.Kind.RELEASE;
          default -> null;
        };
    return kind == null
        ? Optional.empty()
        : Optional.of(LockOperation.of(kind, keys.resolve(receiver, scope, subclass)));
  }

  private Optional<LockOperation> stamped(String name, TreePath receiver, LocalScope scope, int subclass) {
    LockRef lock = keys.resolve(receiver, scope, subclass);
    LockRef read = lock.withMode(ReadMode.SHARED);
    LockRef write = lock.withMode(ReadMode.EXCLUSIVE);
    return Optional.ofNullable(
        switch (name) {
          case "readLock", "readLockInterruptibly" -> LockOperation.of(LockOperation.Kind.ACQUIRE, read);
          case "writeLock", "writeLockInterruptibly" -> LockOperation.of(LockOperation.Kind.ACQUIRE, write);
          case "tryReadLock" -> LockOperation.of(LockOperation.Kind.TRY_ACQUIRE, read);
          case "tryWriteLock" -> LockOperation.of(LockOperation.Kind.TRY_ACQUIRE, write);
          case "unlockRead", "tryUnlockRead" -> LockOperation.of(LockOperation.Kind.RELEASE, read);
          case "unlockWrite", "tryUnlockWrite" -> LockOperation.of(LockOperation.Kind.RELEASE, write);
          case "unlock" -> new LockOperation(LockOperation.Kind.RELEASE, List.of(lock), true);
          default -> null;
        });
  }

  private Optional<LockOperation> semaphore(
      String name, int arity, TreePath receiver, LocalScope scope, int subclass) {
    LockOperation.Kind kind =
        switch (name) {
          case "acquire", "acquireUninterruptibly" -> arity == 0 ? LockOperation.Kind.ACQUIRE : null;
          case "tryAcquire" -> arity == 0 || arity == 2 ? LockOperation.Kind.TRY_ACQUIRE : null;
          case "release" -> arity == 0 ? LockOperation.Kind.RELEASE : null;
          default -> null;
        };
    return kind == null
        ? Optional.empty()
        : Optional.of(LockOperation.of(kind, keys.resolve(receiver, scope, subclass)));
  }

  /**
   * What a call of {@code AbstractQueuedSynchronizer}'s exclusive mode does to the lock of a
   * synchronizer that is a lock of its own (Groovy's {@code LockableObject}: a class of the
   * program extending it whose {@code lock()} is {@code if (compareAndSetState(0, 1)) ... else
   * acquire(1);}): {@code acquire} and {@code
   * acquireInterruptibly} take it, {@code tryAcquireNanos} tries it, {@code release} lets it go.
   * The fast path's {@code compareAndSetState} needs no rule: a method that takes the lock on a
   * path it returns by hands it to its callers. The lock is not the object's monitor: it is of
   * its own class, named after the class that extends the synchronizer ({@code
   * LockableObject.state}), as lockdep keys a lock by the place that initialises it; reentrant,
   * as a {@code Lock} of a library is taken to be. In a {@code Lock} of the program built on a
   * synchronizer, these are the lock's inside: its callers' {@code lock()} and {@code unlock()}
   * are the {@code Lock}'s operations, which run no body. Shared mode is a latch's or a
   * semaphore's, no lock.
   */
  private Optional<LockOperation> synchronizer(
      TreePath path, ExecutableElement method, TreePath receiver, LocalScope scope, int subclass) {
    if (!(method.getEnclosingElement() instanceof TypeElement declaring)
        || !declaring.getQualifiedName().contentEquals(LockTypes.SYNCHRONIZER)) {
      return Optional.empty();
    }
    LockOperation.Kind kind =
        switch (method.getSimpleName().toString()) {
          case "acquire", "acquireInterruptibly" -> LockOperation.Kind.ACQUIRE;
          case "tryAcquireNanos" -> LockOperation.Kind.TRY_ACQUIRE;
          case "release" -> LockOperation.Kind.RELEASE;
          default -> null;
        };
    TypeElement synchronizer =
        receiver != null
            ? lookups.typeElement(trees.getTypeMirror(receiver))
            : keys.implicitReceiverType(path, method);
    if (kind == null || synchronizer == null || lookups.ofJdk(synchronizer)) {
      return Optional.empty();
    }
    TypeElement top = synchronizer;
    for (TypeElement up = lookups.typeElement(top.getSuperclass()); up != null && !lookups.ofJdk(up);
        up = lookups.typeElement(up.getSuperclass())) {
      top = up;
    }
    LockRef object = lockOf(receiver, path, scope, subclass);
    return Optional.of(
        LockOperation.of(kind, ownLock(object, lookups.typeName(top) + " state", Names.type(top) + ".state", true)));
  }

  /**
   * A semaphore is a lock only when created with one permit where it is declared, or where the
   * variable it was copied from is.
   */
  private boolean isOnePermit(TreePath receiver, LocalScope scope) {
    TreePath path = receiver;
    for (int depth = 0; depth < 4 && path != null; depth++) {
      if (path.getLeaf() instanceof NewClassTree) {
        break;
      }
      path = initializerPath(path, scope);
    }
    ExpressionTree init = path == null ? null : (ExpressionTree) path.getLeaf();
    return init instanceof NewClassTree creation
        && !creation.getArguments().isEmpty()
        && creation.getArguments().get(0).getKind() == Tree.Kind.INT_LITERAL
        && "1".equals(creation.getArguments().get(0).toString());
  }

  /** The lock a {@code Condition} was created from, if its declaration says. */
  private Optional<LockRef> conditionLock(TreePath condition, LocalScope scope, int subclass) {
    TreePath init = initializerPath(condition, scope);
    if (init == null
        || !(init.getLeaf() instanceof MethodInvocationTree creation)
        || !(trees.getElement(init) instanceof ExecutableElement factory)
        || !factory.getSimpleName().contentEquals("newCondition")) {
      return Optional.empty();
    }
    TreePath lock = LockClassKeys.receiver(init);
    return lock == null ? Optional.empty() : Optional.of(keys.resolve(lock, scope, subclass));
  }

  /** Where the variable {@code path} names was initialised: a local in scope or a field's declaration. */
  private TreePath initializerPath(TreePath path, LocalScope scope) {
    Element element = trees.getElement(path);
    if (element == null) {
      return null;
    }
    if (element.getKind() != ElementKind.FIELD) {
      return scope.initializer(element);
    }
    TreePath declaration = keys.declaration(element);
    if (declaration == null
        || !(declaration.getLeaf() instanceof VariableTree variable)
        || variable.getInitializer() == null) {
      return null;
    }
    return new TreePath(declaration, variable.getInitializer());
  }

  private LockRef lockOf(TreePath receiver, TreePath invocation, LocalScope scope, int subclass) {
    if (receiver != null) {
      return keys.resolve(receiver, scope, subclass);
    }
    return keys.resolveImplicitReceiver(invocation, (ExecutableElement) trees.getElement(invocation), subclass);
  }

  /** Compared by identity: javac has one element per class and interns names, and comparing text copies it. */
  private boolean isObjectWait(ExecutableElement method) {
    return method.getEnclosingElement() == object && method.getSimpleName().equals(wait);
  }

  // ---- @Acquires / @Releases ----

  private Optional<LockOperation> annotated(
      TreePath path, ExecutableElement method, TreePath receiver, LocalScope scope, int subclass) {
    for (Declared declared : declaredOperations(method)) {
      ReadMode mode =
          declared.acquires() && LockAnnotations.booleanValue(declared.mirror(), "shared", false)
              ? ReadMode.SHARED
              : ReadMode.EXCLUSIVE;
      List<LockRef> locks = new ArrayList<>();
      for (String guard : guardNames(declared.mirror())) {
        lockNamedAtCall(guard, declared.method(), path, receiver, scope, subclass)
            .ifPresent(lock -> locks.add(lock.withMode(mode)));
      }
      if (!locks.isEmpty()) {
        LockOperation.Kind kind = declared.acquires() ? LockOperation.Kind.ACQUIRE : LockOperation.Kind.RELEASE;
        return Optional.of(new LockOperation(kind, locks, !declared.acquires()));
      }
    }
    return Optional.empty();
  }

  /** An {@code @Acquires} ({@code acquires}) or {@code @Releases} on {@code method}. */
  record Declared(ExecutableElement method, boolean acquires, AnnotationMirror mirror) {}

  /**
   * The {@code @Acquires} and {@code @Releases} of {@code method} and of the methods it overrides,
   * nearest first, each method's {@code @Acquires} before its {@code @Releases}: read once per
   * callee in the compilation, as every call of it asks on every pass.
   */
  private List<Declared> declaredOperations(ExecutableElement method) {
    return lookups.lockOperations(
        method,
        m -> {
          List<Declared> declaredOperations = new ArrayList<>();
          for (ExecutableElement declared : withOverridden(m)) {
            for (String annotation : List.of(LockAnnotations.ACQUIRES, LockAnnotations.RELEASES)) {
              Optional<AnnotationMirror> mirror = LockAnnotations.find(declared, annotation, models);
              if (mirror.isPresent()) {
                declaredOperations.add(new Declared(declared, annotation.equals(LockAnnotations.ACQUIRES), mirror.get()));
              }
            }
          }
          return declaredOperations;
        });
  }

  static List<String> guardNames(AnnotationMirror mirror) {
    List<String> names = LockAnnotations.stringsValue(mirror, "value");
    return names.isEmpty() ? List.of("this") : names;
  }

  /** The method and every method it overrides, nearest first: annotations are inherited. */
  List<ExecutableElement> withOverridden(ExecutableElement method) {
    return lookups.withOverridden(method);
  }

  /**
   * The lock a {@code @GuardedBy}-grammar name on {@code callee} denotes at this call: {@code this}
   * is the receiver, a parameter name is the argument, a field is the receiver's field.
   */
  private Optional<LockRef> lockNamedAtCall(
      String guard, ExecutableElement callee, TreePath call, TreePath receiver, LocalScope scope, int subclass) {
    MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
    if (guard.equals("this")) {
      return Optional.of(lockOf(receiver, call, scope, subclass));
    }
    List<? extends VariableElement> parameters = callee.getParameters();
    for (int i = 0; i < parameters.size() && i < invocation.getArguments().size(); i++) {
      if (parameters.get(i).getSimpleName().contentEquals(guard)) {
        return Optional.of(keys.resolve(new TreePath(call, invocation.getArguments().get(i)), scope, subclass));
      }
    }
    String receiverInstance = receiver == null ? keys.implicitReceiver(call, callee) : keys.instance(receiver, scope);
    return guardField(guard, (TypeElement) callee.getEnclosingElement())
        .map(field -> keys.resolveField(field, receiverInstance, subclass, guard));
  }

  /**
   * The lock a {@code @GuardedBy}-grammar name on {@code method} denotes inside its own body: the
   * lock its caller holds on entry.
   */
  Optional<LockRef> lockNamedInBody(String guard, ExecutableElement method, LocalScope scope, int subclass) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (guard.equals("this")) {
      return Optional.of(keys.resolveThis(owner, subclass));
    }
    if (guard.endsWith(".this")) {
      String outerName = guard.substring(0, guard.length() - ".this".length());
      for (Element e = owner; e != null; e = e.getEnclosingElement()) {
        if (e instanceof TypeElement outer && outer.getSimpleName().contentEquals(outerName)) {
          return Optional.of(keys.resolveEnclosing(owner, outer, subclass).withText(guard));
        }
      }
      return Optional.empty();
    }
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(guard)) {
        return Optional.of(keys.resolveParameter(parameter, scope, subclass));
      }
    }
    return guardField(guard, owner).map(field -> keys.resolveField(field, "this", subclass, guard));
  }

  /**
   * A field named by a guard string ({@code field} or {@code Type.staticField}), seen from {@code
   * owner}. Asked at every call of a method whose annotations name a lock, so answered once per
   * owner and guard: javac builds all of a type's members anew at each {@code getAllMembers}.
   */
  Optional<VariableElement> guardField(String guard, TypeElement owner) {
    return guardFields.computeIfAbsent(owner, o -> new HashMap<>()).computeIfAbsent(guard, g -> findGuardField(g, owner));
  }

  private Optional<VariableElement> findGuardField(String guard, TypeElement owner) {
    int dot = guard.lastIndexOf('.');
    TypeElement type = owner;
    if (dot > 0) {
      String typeName = guard.substring(0, dot);
      type = elements.getTypeElement(typeName);
      for (Element e = owner; type == null && e != null; e = e.getEnclosingElement()) {
        if (e instanceof TypeElement t && t.getSimpleName().contentEquals(typeName)) {
          type = t;
        }
      }
      if (type == null) {
        return Optional.empty();
      }
    }
    String fieldName = guard.substring(dot + 1);
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
      if (field.getSimpleName().contentEquals(fieldName)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
