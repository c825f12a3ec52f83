package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/** {@code reg.map_imperatively(User, user_table, properties={...})}. */
public record ImperativeMappingFact(
    NameRef registry,
    NameRef mappedClass,
    NameRef table,
    List<RelationshipFact> relationships,
    TextRange range) {}
