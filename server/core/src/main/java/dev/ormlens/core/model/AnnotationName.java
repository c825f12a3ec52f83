package dev.ormlens.core.model;

/**
 * A name used in an annotation. {@code lazy} when Python never evaluates it at class creation: it
 * sits inside a string, or the module has {@code from __future__ import annotations}.
 */
public record AnnotationName(NameRef name, boolean lazy) {}
