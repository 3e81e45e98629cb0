package dev.lockdep.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Scope;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.lockdep.checker.models.Models;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** A failure while analysing one method costs that method only, and says which method it was. */
class InternalErrorTest {
  private static final String SOURCE =
      """
      package p;
      class Boom {
        final Object a = new Object();
        final Object b = new Object();
        void boom() { synchronized (a) { synchronized (b) {} } }
        void fine() { synchronized (b) { synchronized (a) {} } }
      }
      """;

  @Test
  void aFailingMethodBecomesOneInternalErrorAndTheOthersAreAnalysed() throws Exception {
    JavacTask task = FrontEnd.task(Map.of("p/Boom.java", SOURCE), null);
    CompilationUnitTree unit = task.parse().iterator().next();
    task.analyze();
    UnitSummary summary = UnitAnalyzer.analyze(unit, new FailingIn("boom", Trees.instance(task)), task.getElements(), task.getTypes(), Models.NONE);
    assertEquals(1, summary.internalErrors().size(), summary.internalErrors()::toString);
    UnitSummary.InternalError error = summary.internalErrors().get(0);
    assertTrue(error.message().startsWith("internal error analysing Boom.boom(): java.lang.IllegalStateException"), error.message());
    assertEquals(5, error.at().line());
    MethodSummary fine = FrontEnd.method(summary, "Boom.fine()");
    assertEquals(2, fine.acquisitions().size());
  }

  /** The real Trees, except that resolving anything inside one method fails. */
  private static final class FailingIn extends Trees {
    private final String method;
    private final Trees trees;

    FailingIn(String method, Trees trees) {
      this.method = method;
      this.trees = trees;
    }

    private void failInside(TreePath path) {
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodTree m && m.getName().contentEquals(method) && p != path) {
          throw new IllegalStateException("injected");
        }
      }
    }

    @Override
    public Element getElement(TreePath path) {
      failInside(path);
      return trees.getElement(path);
    }

    @Override
    public TypeMirror getTypeMirror(TreePath path) {
      failInside(path);
      return trees.getTypeMirror(path);
    }

    @Override
    public SourcePositions getSourcePositions() {
      return trees.getSourcePositions();
    }

    @Override
    public Tree getTree(Element element) {
      return trees.getTree(element);
    }

    @Override
    public ClassTree getTree(TypeElement element) {
      return trees.getTree(element);
    }

    @Override
    public MethodTree getTree(ExecutableElement method) {
      return trees.getTree(method);
    }

    @Override
    public Tree getTree(Element e, AnnotationMirror a) {
      return trees.getTree(e, a);
    }

    @Override
    public Tree getTree(Element e, AnnotationMirror a, AnnotationValue v) {
      return trees.getTree(e, a, v);
    }

    @Override
    public TreePath getPath(CompilationUnitTree unit, Tree node) {
      return trees.getPath(unit, node);
    }

    @Override
    public TreePath getPath(Element e) {
      return trees.getPath(e);
    }

    @Override
    public TreePath getPath(Element e, AnnotationMirror a) {
      return trees.getPath(e, a);
    }

    @Override
    public TreePath getPath(Element e, AnnotationMirror a, AnnotationValue v) {
      return trees.getPath(e, a, v);
    }

    @Override
    public Scope getScope(TreePath path) {
      return trees.getScope(path);
    }

    @Override
    public String getDocComment(TreePath path) {
      return trees.getDocComment(path);
    }

    @Override
    public boolean isAccessible(Scope scope, TypeElement type) {
      return trees.isAccessible(scope, type);
    }

    @Override
    public boolean isAccessible(Scope scope, Element member, DeclaredType type) {
      return trees.isAccessible(scope, member, type);
    }

    @Override
    public TypeMirror getOriginalType(ErrorType errorType) {
      return trees.getOriginalType(errorType);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Tree t, CompilationUnitTree root) {
      trees.printMessage(kind, msg, t, root);
    }

    @Override
    public TypeMirror getLub(CatchTree tree) {
      return trees.getLub(tree);
    }
  }
}
