package dev.ormlens.core.index;

import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.RegistryFact;
import dev.ormlens.core.model.TableFact;
import java.util.List;

/**
 * What a qualified name denotes in the workspace, after following imports and re-exports. {@code
 * members} are the dotted parts left after the symbol ({@code db.Model}: registry {@code db},
 * members {@code [Model]}).
 */
public sealed interface Symbol {
  /** A class statement in the workspace. */
  record Class(FileFacts file, ClassFact fact, List<String> members) implements Symbol {
    public String qualifiedName() {
      return qualify(file, fact.name());
    }
  }

  /** A module-level function in the workspace. */
  record Function(FileFacts file, FunctionFact fact, List<String> members) implements Symbol {}

  /** A module-level {@code Table(...)} variable. */
  record Table(FileFacts file, TableFact fact, List<String> members) implements Symbol {}

  /** A registry, declarative base, Flask-SQLAlchemy instance or {@code MetaData}. */
  record Registry(FileFacts file, RegistryFact fact, List<String> members) implements Symbol {
    public String qualifiedName() {
      return qualify(file, fact.name());
    }
  }

  /** A workspace module. */
  record Module(FileFacts file, List<String> members) implements Symbol {}

  /** Some other module-level binding. */
  record Value(FileFacts file, Definition definition, List<String> members) implements Symbol {}

  /** A name outside the workspace ({@code sqlalchemy.orm.DeclarativeBase}). */
  record External(String qualified) implements Symbol {}

  /** A workspace module exists but does not bind the name. */
  record Unresolved(String qualified) implements Symbol {}

  static String qualify(FileFacts file, String name) {
    return file.module().isEmpty() ? name : file.module() + "." + name;
  }
}
