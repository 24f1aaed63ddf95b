package org.steppe.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A search answer's JSON, written once as UTF-8 bytes: straight to bytes (not to a string first and
 * encoded after), and not again while the engine hands back the very same result for the same
 * request (its result cache: the index has not changed since). Keyed by the request, checked by the
 * result's identity, so a new result for the same request (the index changed) is written afresh.
 * At most {@value #CAPACITY} answers, least recently used first out. Thread-safe.
 */
final class JsonOnce {
  static final int CAPACITY = 256;

  private record Written(Object result, byte[] json) {}

  private final ObjectMapper mapper;
  private final Map<Object, Written> written = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, Written> eldest) {
      return size() > CAPACITY;
    }
  });

  JsonOnce(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The JSON of {@code shape()}, the API's shape of {@code result}, the answer to {@code request}. */
  byte[] json(Object request, Object result, Supplier<?> shape) {
    Written w = written.get(request);
    if (w != null && w.result() == result) {
      return w.json();
    }
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(shape.get());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the answer cannot be written as JSON", e);
    }
    written.put(request, new Written(result, json));
    return json;
  }
}
