package dev.ormlens.testkit;

import dev.ormlens.core.model.FileFacts;

/** Turns a fixture file into facts: the language front end under test. */
@FunctionalInterface
public interface FrontEnd {
  FileFacts extract(String path, String text);
}
