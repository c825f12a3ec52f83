package dev.ormlens.python;

import dev.ormlens.testkit.Checks;

/** The testkit's checks with the Python front end plugged in. */
final class PythonChecks {
  static final Checks CHECKS =
      new Checks(
          (path, text) -> PythonFrontEnd.extract(path, PythonModules.moduleName(path), text));

  private PythonChecks() {}
}
