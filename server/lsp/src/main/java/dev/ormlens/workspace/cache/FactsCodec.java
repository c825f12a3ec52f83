package dev.ormlens.workspace.cache;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.TextRange;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes and reads {@link FileFacts} in a compact binary form: every value tagged, records as their
 * components in order, strings through one shared table (so a name written in a thousand files is
 * stored, and held in memory, once).
 *
 * <p>Generic over the fact records on purpose: a field added to a record is saved without touching
 * this class, and {@link #schema()} changes with it, so older caches are discarded rather than
 * misread. Only records and enums of {@code dev.ormlens.core} are ever instantiated.
 */
final class FactsCodec {
  private static final String ALLOWED_PACKAGE = "dev.ormlens.core.";

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte TRUE = 4;
  private static final byte FALSE = 5;
  private static final byte ENUM = 6;
  private static final byte RANGE = 7;
  private static final byte LINES = 8;
  private static final byte LIST = 9;
  private static final byte MAP = 10;
  private static final byte SET = 11;
  private static final byte RECORD = 12;

  /** How to take a record apart and put it back together. */
  private record Shape(Class<?> type, MethodHandle[] accessors, MethodHandle constructor) {}

  /** Record shapes, computed once per class (a JDK per-class cache, not mutable state of ours). */
  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shapeOf(type);
        }
      };

  private FactsCodec() {}

  /**
   * A description of every record reachable from {@link FileFacts}: caches written under another
   * schema are not read.
   */
  static String schema() {
    Set<String> out = new TreeSet<>();
    describe(FileFacts.class, out, new java.util.HashSet<>());
    return String.join(";", out);
  }

  private static void describe(Type type, Set<String> out, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        describe(arg, out, seen);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !c.getName().startsWith(ALLOWED_PACKAGE)) {
      return;
    }
    if (c.isRecord()) {
      StringBuilder b = new StringBuilder(c.getName()).append('(');
      for (RecordComponent rc : c.getRecordComponents()) {
        b.append(rc.getName()).append(':').append(rc.getGenericType().getTypeName()).append(',');
        describe(rc.getGenericType(), out, seen);
      }
      out.add(b.append(')').toString());
    } else if (c.isEnum()) {
      out.add(c.getName() + Arrays.toString(c.getEnumConstants()));
    } else if (c.isSealed()) {
      for (Class<?> sub : c.getPermittedSubclasses()) {
        out.add(c.getName() + ">" + sub.getName());
        describe(sub, out, seen);
      }
    }
  }

  private static Shape shape(Class<?> type) {
    return SHAPES.get(type);
  }

  private static Shape shapeOf(Class<?> t) {
    {
      {
        if (!t.isRecord() || !t.getName().startsWith(ALLOWED_PACKAGE)) {
          throw new IllegalArgumentException("not a fact record: " + t.getName());
        }
        try {
          MethodHandles.Lookup lookup = MethodHandles.publicLookup();
          RecordComponent[] components = t.getRecordComponents();
          MethodHandle[] accessors = new MethodHandle[components.length];
          Class<?>[] types = new Class<?>[components.length];
          for (int i = 0; i < components.length; i++) {
            accessors[i] = lookup.unreflect(components[i].getAccessor());
            types[i] = components[i].getType();
          }
          MethodHandle constructor =
              lookup
                  .findConstructor(t, MethodType.methodType(void.class, types))
                  .asSpreader(Object[].class, components.length);
          return new Shape(t, accessors, constructor);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  // ---- writing

  /** Accumulates values and the string table they refer to. */
  static final class Writer {
    private final Bytes body = new Bytes();
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> table = new ArrayList<>();

    void write(Object value) {
      if (value == null) {
        body.put(NULL);
      } else if (value instanceof String s) {
        body.put(STRING);
        string(s);
      } else if (value instanceof Integer i) {
        body.put(INT);
        body.varint(i);
      } else if (value instanceof Long l) {
        body.put(LONG);
        body.varlong(l);
      } else if (value instanceof Boolean b) {
        body.put(b ? TRUE : FALSE);
      } else if (value instanceof Enum<?> e) {
        body.put(ENUM);
        string(e.getDeclaringClass().getName());
        body.varint(e.ordinal());
      } else if (value instanceof TextRange r) {
        body.put(RANGE);
        body.varint(r.start());
        body.varint(r.end() - r.start());
      } else if (value instanceof LineMap lines) {
        body.put(LINES);
        int[] starts = lines.lineStarts();
        body.varint(lines.length());
        body.varint(starts.length);
        for (int i = 1; i < starts.length; i++) {
          body.varint(starts[i] - starts[i - 1]);
        }
      } else if (value instanceof List<?> list) {
        body.put(LIST);
        body.varint(list.size());
        list.forEach(this::write);
      } else if (value instanceof Set<?> set) {
        body.put(SET);
        body.varint(set.size());
        set.forEach(this::write);
      } else if (value instanceof Map<?, ?> map) {
        body.put(MAP);
        body.varint(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          write(e.getKey());
          write(e.getValue());
        }
      } else if (value instanceof Record) {
        Shape shape = shape(value.getClass());
        body.put(RECORD);
        string(shape.type().getName());
        try {
          for (MethodHandle accessor : shape.accessors()) {
            write(accessor.invoke(value));
          }
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      } else {
        throw new IllegalArgumentException("cannot save a " + value.getClass().getName());
      }
    }

    void varint(int v) {
      body.varint(v);
    }

    void varlong(long v) {
      body.varlong(v);
    }

    void string(String s) {
      Integer index = strings.get(s);
      if (index == null) {
        index = table.size();
        strings.put(s, index);
        table.add(s);
      }
      body.varint(index);
    }

    /** The string table, then the body. */
    byte[] finish() {
      Bytes out = new Bytes();
      out.varint(table.size());
      for (String s : table) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.varint(utf8.length);
        out.put(utf8, 0, utf8.length);
      }
      out.put(body.array(), 0, body.size());
      return Arrays.copyOf(out.array(), out.size());
    }
  }

  // ---- reading

  /** Reads what a {@link Writer} wrote; throws {@link IllegalStateException} on malformed input. */
  static final class Reader {
    private final byte[] in;
    private int pos;
    private final String[] table;
    private final Map<String, Class<?>> classes = new HashMap<>();

    Reader(byte[] in, int offset) {
      this.in = in;
      this.pos = offset;
      int count = varint();
      table = new String[count];
      for (int i = 0; i < count; i++) {
        int length = varint();
        table[i] = new String(in, pos, length, StandardCharsets.UTF_8);
        pos += length;
      }
    }

    boolean atEnd() {
      return pos >= in.length;
    }

    Object read() {
      byte tag = in[pos++];
      switch (tag) {
        case NULL:
          return null;
        case STRING:
          return string();
        case INT:
          return varint();
        case LONG:
          return varlong();
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case ENUM:
          {
            Class<?> type = allowed(string());
            Object[] constants = type.getEnumConstants();
            return constants[varint()];
          }
        case RANGE:
          {
            int start = varint();
            return new TextRange(start, start + varint());
          }
        case LINES:
          {
            int length = varint();
            int[] starts = new int[varint()];
            for (int i = 1; i < starts.length; i++) {
              starts[i] = starts[i - 1] + varint();
            }
            return LineMap.ofLineStarts(starts, length);
          }
        case LIST:
          {
            Object[] items = new Object[varint()];
            for (int i = 0; i < items.length; i++) {
              items[i] = read();
            }
            return List.of(items);
          }
        case SET:
          {
            int n = varint();
            Set<Object> set = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
              set.add(read());
            }
            return Set.copyOf(set);
          }
        case MAP:
          {
            int n = varint();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
              map.put(read(), read());
            }
            return Map.copyOf(map);
          }
        case RECORD:
          {
            Shape shape = shape(allowed(string()));
            Object[] args = new Object[shape.accessors().length];
            for (int i = 0; i < args.length; i++) {
              args[i] = read();
            }
            try {
              return shape.constructor().invoke(args);
            } catch (Throwable e) {
              throw new IllegalStateException("cannot rebuild " + shape.type().getName(), e);
            }
          }
        default:
          throw new IllegalStateException("bad tag " + tag + " at " + (pos - 1));
      }
    }

    private Class<?> allowed(String name) {
      return classes.computeIfAbsent(
          name,
          n -> {
            if (!n.startsWith(ALLOWED_PACKAGE)) {
              throw new IllegalStateException("not a fact type: " + n);
            }
            try {
              Class<?> c = Class.forName(n, false, FactsCodec.class.getClassLoader());
              if (!(c.isRecord() || c.isEnum()) || !Modifier.isPublic(c.getModifiers())) {
                throw new IllegalStateException("not a fact type: " + n);
              }
              return c;
            } catch (ClassNotFoundException e) {
              throw new IllegalStateException("unknown fact type: " + n, e);
            }
          });
    }

    String string() {
      int index = varint();
      if (index < 0 || index >= table.length) {
        throw new IllegalStateException("bad string index " + index);
      }
      return table[index];
    }

    int varint() {
      int result = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        byte b = in[pos++];
        result |= (b & 0x7f) << shift;
        if (b >= 0) {
          return (result >>> 1) ^ -(result & 1);
        }
      }
      throw new IllegalStateException("bad varint");
    }

    long varlong() {
      long result = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        byte b = in[pos++];
        result |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return (result >>> 1) ^ -(result & 1);
        }
      }
      throw new IllegalStateException("bad varlong");
    }
  }

  /** A growable byte array with zig-zag varints. */
  static final class Bytes {
    private byte[] buf = new byte[1 << 16];
    private int size;

    void put(byte b) {
      ensure(1);
      buf[size++] = b;
    }

    void put(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    void varint(int v) {
      int z = (v << 1) ^ (v >> 31);
      ensure(5);
      while ((z & ~0x7f) != 0) {
        buf[size++] = (byte) ((z & 0x7f) | 0x80);
        z >>>= 7;
      }
      buf[size++] = (byte) z;
    }

    void varlong(long v) {
      long z = (v << 1) ^ (v >> 63);
      ensure(10);
      while ((z & ~0x7fL) != 0) {
        buf[size++] = (byte) ((z & 0x7f) | 0x80);
        z >>>= 7;
      }
      buf[size++] = (byte) z;
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    byte[] array() {
      return buf;
    }

    int size() {
      return size;
    }
  }
}
