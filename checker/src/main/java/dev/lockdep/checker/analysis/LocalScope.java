package dev.lockdep.checker.analysis;

import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;

/** What the analysis of one method knows about its local variables and parameters. */
interface LocalScope {
  /** The expression a local was initialised from, while it still holds that value; else null. */
  TreePath initializer(Element local);

  /** Whether the local or parameter is never assigned after its declaration. */
  boolean effectivelyFinal(Element local);

  /** A scope that knows nothing: fields and getters seen from outside any method. */
  LocalScope NONE =
      new LocalScope() {
        @Override
        public TreePath initializer(Element local) {
          return null;
        }

        @Override
        public boolean effectivelyFinal(Element local) {
          return false;
        }
      };
}
