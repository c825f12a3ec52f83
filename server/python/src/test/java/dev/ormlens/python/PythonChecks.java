package dev.ormlens.python;

import dev.ormlens.testkit.Checks;

/** The testkit's checks with the Python front end plugged in. */
final class PythonChecks {
  static final Checks CHECKS =
      new Checks(
          (path, text) ->
              PythonFrontEnd.extract(
                  path,
                  // A src/ layout's modules are named from inside src/, as Discovery does.
                  PythonModules.moduleName(path.startsWith("src/") ? path.substring(4) : path),
                  text));

  private PythonChecks() {}
}
