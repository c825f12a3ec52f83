package dev.ormlens.core.analysis;

import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.FunctionFact;
import java.util.List;

/** The outcome of looking a name up the way SQLAlchemy does at mapper configuration. */
public sealed interface Lookup {
  /** A mapped class, possibly reached through a resolver function. */
  record FoundClass(MappedClass mappedClass, FunctionFact viaResolver) implements Lookup {}

  /** A table. */
  record FoundTable(MappedTable table) implements Lookup {}

  /** Several classes of the name in the registry: SQLAlchemy's "Multiple classes found". */
  record Ambiguous(List<MappedClass> candidates) implements Lookup {}

  /** The name denotes a module namespace, not a class (a lower-case name matching a module). */
  record IsModule(String token) implements Lookup {}

  /** The name denotes a workspace class that is not mapped. */
  record NotMapped(String qualifiedName) implements Lookup {}

  /** Nothing of that name: SQLAlchemy's "failed to locate a name". */
  record NotFound(String name, String why) implements Lookup {}

  /**
   * Only the imported module is known to us (a library, a computed value): we cannot tell, so we
   * say nothing.
   */
  record Unknowable() implements Lookup {}
}
