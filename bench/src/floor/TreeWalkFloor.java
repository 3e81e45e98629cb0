import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;

/**
 * The floor of the benchmark: the least a per-tree front end inside javac costs. After javac
 * analyses each top-level class it walks the attributed tree once and resolves the element of
 * every method invocation, method declaration and {@code synchronized} expression, and does
 * nothing else: no facts kept, nothing written, nothing printed.
 *
 * <p>A {@link TreeScanner} and {@link TreeInfo#symbolFor} rather than a {@code TreePathScanner}
 * and {@code Trees.getElement}: the latter allocates a path node for every tree visited, which a
 * front end can avoid, and the floor is meant to be the least such a walk costs. The driver's
 * JVM exports {@code com.sun.tools.javac.tree} (Error Prone needs it anyway).
 */
public final class TreeWalkFloor implements Plugin {

  @Override
  public String getName() {
    return "TreeWalkFloor";
  }

  @Override
  public void init(JavacTask task, String... args) {
    Trees trees = Trees.instance(task);
    task.addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getTypeElement() != null) {
          // One ANALYZE event per top-level class: walking the class, not its compilation unit,
          // visits each tree once when a file holds several classes.
          ClassTree type = trees.getTree(e.getTypeElement());
          if (type != null) {
            ElementResolver resolver = new ElementResolver();
            resolver.scan(type, null);
            ElementResolver.resolved = resolver.count;
          }
        }
      }
    });
  }

  /** Resolves the elements a lock front end asks for; counts them so the work cannot be skipped. */
  static final class ElementResolver extends TreeScanner<Void, Void> {
    /** Read by nobody; written so the JIT cannot drop the lookups as dead code. */
    static volatile int resolved;

    int count;

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      resolve((JCTree) tree);
      return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      resolve((JCTree) tree);
      return super.visitMethod(tree, unused);
    }

    @Override
    public Void visitSynchronized(SynchronizedTree tree, Void unused) {
      resolve(TreeInfo.skipParens((JCTree.JCExpression) tree.getExpression()));
      return super.visitSynchronized(tree, unused);
    }

    private void resolve(JCTree tree) {
      if (TreeInfo.symbolFor(tree) != null) {
        count++;
      }
    }
  }
}
