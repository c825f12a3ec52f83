/** Text positions and edits: UTF-16 offsets, line maps, edits. Depends on nothing but the JDK. */
package dev.ormlens.core.text;
