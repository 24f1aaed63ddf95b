package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API package exposes no internal type: every type named by a public class's public or
 * protected signature (supertypes, constructors, methods, fields, record components, type
 * arguments, exceptions) is the JDK's, Lucene's {@code Directory}, or the API's own.
 */
class ApiSurfaceTest {
  private static final Set<String> ALLOWED_OUTSIDE = Set.of("org.apache.lucene.store.Directory");

  @Test
  void publicSignaturesUseOnlyApiTypes() throws Exception {
    List<Class<?>> api = publicApiClasses();
    assertTrue(api.size() >= 20 && api.contains(Steppe.class) && api.contains(SteppeSearch.class), "the API classes were found: " + api);
    Set<String> leaks = new TreeSet<>();
    for (Class<?> c : api) {
      check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(c.getName() + " implements", t, leaks);
      }
      for (Executable e : Stream.concat(Stream.of(c.getDeclaredConstructors()), Stream.of(c.getDeclaredMethods())).toList()) {
        if (exposed(c, e) && !e.isSynthetic()) {
          String where = c.getName() + "." + e.getName();
          if (e instanceof java.lang.reflect.Method m) {
            check(where + " returns", m.getGenericReturnType(), leaks);
          }
          for (Type t : e.getGenericParameterTypes()) {
            check(where + " takes", t, leaks);
          }
          for (Type t : e.getGenericExceptionTypes()) {
            check(where + " throws", t, leaks);
          }
        }
      }
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        if (exposed(c, f) && !f.isSynthetic()) {
          check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
        }
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          check(c.getName() + "." + rc.getName(), rc.getGenericType(), leaks);
        }
      }
    }
    assertEquals(Set.of(), leaks, "internal types in the API's signatures");
  }

  /** The public classes (nested ones too, when reachable) of org.steppe.search, from the compiled classes. */
  private static List<Class<?>> publicApiClasses() throws URISyntaxException, java.io.IOException, ClassNotFoundException {
    Path dir = Path.of(Steppe.class.getResource("Steppe.class").toURI()).getParent();
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = p.getFileName().toString();
        Class<?> c = Class.forName("org.steppe.search." + name.substring(0, name.length() - ".class".length()), false,
            ApiSurfaceTest.class.getClassLoader());
        if (reachable(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean reachable(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  /** Public, or protected in a class an embedder can extend. */
  private static boolean exposed(Class<?> owner, Member m) {
    int mod = m.getModifiers();
    return Modifier.isPublic(mod) || (Modifier.isProtected(mod) && !Modifier.isFinal(owner.getModifiers()));
  }

  private static void check(String where, Type type, Set<String> leaks) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String name = c.getName();
      boolean ok = c.isPrimitive() || name.startsWith("java.") || name.startsWith("org.steppe.search.") || ALLOWED_OUTSIDE.contains(name);
      if (!ok) {
        leaks.add(where + ": " + name);
      }
    } else if (type instanceof ParameterizedType p) {
      check(where, p.getRawType(), leaks);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, leaks);
      }
    } else if (type instanceof GenericArrayType g) {
      check(where, g.getGenericComponentType(), leaks);
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, leaks);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, leaks);
      }
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        check(where, b, leaks);
      }
    }
  }
}
