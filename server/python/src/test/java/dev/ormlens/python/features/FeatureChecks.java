package dev.ormlens.python.features;

import dev.ormlens.python.PythonFrontEnd;
import dev.ormlens.python.PythonModules;
import dev.ormlens.testkit.Checks;

/** The testkit's checks with the Python front end plugged in, for the IDE features. */
final class FeatureChecks {
  static final Checks CHECKS =
      new Checks(
          (path, text) -> PythonFrontEnd.extract(path, PythonModules.moduleName(path), text));

  private FeatureChecks() {}
}
