/**
 * JMH micro-benchmarks of the engine: parsing and extracting one file, building a snapshot and its
 * ORM model, analysing a workspace, re-analysing after one edit, saving and reading the index
 * cache. Workspaces come from {@code bench/generate.py}. Never a dependency of the product.
 */
package dev.ormlens.bench;
