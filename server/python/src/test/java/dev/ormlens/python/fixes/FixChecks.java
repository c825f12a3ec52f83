package dev.ormlens.python.fixes;

import dev.ormlens.python.PythonFrontEnd;
import dev.ormlens.python.PythonModules;
import dev.ormlens.testkit.Checks;

/** The testkit's checks with the Python front end plugged in, for fix tests. */
final class FixChecks {
  static final Checks CHECKS =
      new Checks(
          (path, text) -> PythonFrontEnd.extract(path, PythonModules.moduleName(path), text));

  private FixChecks() {}
}
