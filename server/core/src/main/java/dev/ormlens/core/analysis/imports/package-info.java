/**
 * The module import graph and a simulation of Python's import machinery over it: which imports run
 * when a module is imported (module level, implicit parent packages, submodules named by {@code
 * from pkg import mod}), which never run ({@code TYPE_CHECKING}) and which run later (inside
 * functions such as lazy resolvers). Built from per-file facts only; depends on {@code core.model},
 * {@code core.index} and {@code core.text}, never on LSP, a parser or the file system.
 */
package dev.ormlens.core.analysis.imports;
