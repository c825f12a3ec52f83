/**
 * Test support: multi-file fixtures ({@code #- path} headers, {@code $0} cursors, caret lines
 * marking expected ranges and messages), one {@code check*} helper per feature, and the bridge to
 * real SQLAlchemy that backs every diagnostics fixture. Test scope only.
 */
package dev.ormlens.testkit;
