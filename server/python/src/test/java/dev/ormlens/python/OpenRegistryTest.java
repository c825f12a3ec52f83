package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models on a base class from a package that is not in the workspace (neutron on {@code
 * neutron_lib}'s {@code BASEV2}, invenio on {@code invenio_db}): ORM Lens sees them as models, so
 * navigation works, but their registry is open, since the package may map classes and tables we
 * cannot see, so no name missing from it is reported.
 *
 * <p>Not run through SQLAlchemy: the base's package is not installed, and the oracle cannot import
 * it (a stubbing oracle for real code is the real-world issue's next step).
 */
class OpenRegistryTest {
  private static final String PORTS =
      """
      import sqlalchemy as sa
      from sqlalchemy import orm
      from neutron_lib.db import model_base

      class Port(model_base.BASEV2, model_base.HasId):
          network_id = sa.Column(sa.String(36), sa.ForeignKey("networks.id"), nullable=False)
          bindings = orm.relationship("PortBinding", back_populates="port", cascade="delete")
          # ライブラリ側のクラス: ワークスペースには無い 📦
          network = orm.relationship("Network", back_populates="ports")

      class PortBinding(model_base.BASEV2):
          __tablename__ = "ml2_port_bindings"
          port_id = sa.Column(sa.String(36), sa.ForeignKey("ports.id"), primary_key=True)
          port = orm.relationship(Port, back_populates="bindings")
      """;

  @Test
  void classesOnAnUnseenBaseAreModelsInAnOpenRegistry() {
    var facts = PythonFrontEnd.extract("neutron/models.py", "neutron.models", PORTS);
    Analysis analysis = new Analysis(WorkspaceIndex.of(List.of(facts)), AnalysisSettings.DEFAULTS);
    assertEquals(2, analysis.model().classes().size(), "Port and PortBinding are models");
    List<String> found = new ArrayList<>();
    for (FileFacts f : analysis.index().files()) {
      for (Diagnostic d : analysis.diagnostics(f.path())) {
        found.add(d.code() + " " + d.message());
      }
    }
    // "Network" and the table "networks" may be the library's: nothing is claimed about them.
    assertEquals(List.of(), found);
    int at = PORTS.indexOf("\"PortBinding\"") + 2;
    var targets = analysis.definitionAt("neutron/models.py", at);
    assertEquals(1, targets.size(), "the string jumps to the class");
    assertEquals(PORTS.indexOf("class PortBinding") + 6, targets.get(0).range().start());
  }
}
