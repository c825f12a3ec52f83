package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * {@code reg.map_imperatively(User, user_table, properties={...})}.
 *
 * @param propertiesKnown false when {@code properties} is not a literal {@code {...}} or {@code
 *     dict(...)} (a variable, a helper's result, {@code **} entries): the mapped class may then
 *     have attributes we cannot see
 */
public record ImperativeMappingFact(
    NameRef registry,
    NameRef mappedClass,
    NameRef table,
    List<RelationshipFact> relationships,
    boolean propertiesKnown,
    TextRange range) {}
