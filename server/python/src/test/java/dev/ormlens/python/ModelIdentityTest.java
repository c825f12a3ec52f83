package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.WorkspaceIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mapped classes and their relationship sites point at each other; equality and hashing must not
 * follow that loop (a code action that put one in a hash set used to end in StackOverflowError).
 */
class ModelIdentityTest {
  private static final String MODELS =
      """
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

      class Base(DeclarativeBase):
          pass

      class Node(Base):
          __tablename__ = "node"
          id: Mapped[int] = mapped_column(primary_key=True)
          parent_id: Mapped[int] = mapped_column(ForeignKey("node.id"))
          children: Mapped[list["Node"]] = relationship(back_populates="parent")
          parent: Mapped["Node"] = relationship(back_populates="children", remote_side=[id])
      """;

  private static OrmModel model(String text) {
    var facts = PythonFrontEnd.extract("models.py", "models", text);
    return new Analysis(WorkspaceIndex.of(List.of(facts)), AnalysisSettings.DEFAULTS).model();
  }

  @Test
  void classesAndSitesHashAndCompareWithoutRecursing() {
    OrmModel first = model(MODELS);
    OrmModel second = model(MODELS);
    Set<Object> seen = new HashSet<>();
    for (OrmModel.MappedClass c : first.classes()) {
      seen.add(c);
      seen.addAll(c.relationships());
    }
    for (OrmModel.MappedClass c : second.classes()) {
      assertTrue(seen.contains(c), "same class from the same facts: " + c);
      for (OrmModel.RelationshipSite r : c.relationships()) {
        assertTrue(seen.contains(r), "same site from the same facts");
      }
    }
    OrmModel edited = model(MODELS.replace("children", "kids"));
    OrmModel.MappedClass before = first.classes().iterator().next();
    OrmModel.MappedClass after = edited.classes().iterator().next();
    assertNotEquals(before, after, "an edited class body is another class");
  }
}
