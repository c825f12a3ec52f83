package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/**
 * The target class named by a relationship attribute's annotation: {@code Mapped[list["Child"]]},
 * {@code Mapped[Optional[Child]]}, or SQLModel's bare {@code list["Child"]}.
 *
 * @param target the class name as written, with its range (inside the quotes when quoted)
 * @param collection whether the annotation is a collection ({@code list}, {@code set}, ...)
 * @param quoted whether the class name is a string (resolved by SQLAlchemy's registry, not Python)
 * @param mapped whether it is wrapped in {@code Mapped[...]}
 */
public record AnnotationFact(
    TextRange range,
    NameRef target,
    boolean collection,
    boolean optional,
    boolean quoted,
    boolean mapped) {}
