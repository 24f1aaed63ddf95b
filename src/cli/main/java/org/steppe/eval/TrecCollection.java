package org.steppe.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A TREC-format test collection as Terrier ships it: documents ({@code <DOC><DOCNO>…}), topics
 * ({@code <top><num>…<title>…}) and binary judgements ({@code qid iter docno rel}).
 *
 * @param documents document number to text, in file order
 * @param topics topic number to query text, in file order
 * @param relevant topic number to the documents judged relevant (rel &gt; 0)
 */
public record TrecCollection(Map<String, String> documents, Map<String, String> topics, Map<String, Set<String>> relevant) {
  private static final Pattern DOC = Pattern.compile("<DOC>\\s*<DOCNO>\\s*(.*?)\\s*</DOCNO>(.*?)</DOC>", Pattern.DOTALL);
  private static final Pattern TOP = Pattern.compile("<top>.*?<num>\\s*(.*?)\\s*</num>.*?<title>(.*?)</title>.*?</top>",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  /**
   * Reads a collection folder laid out as {@code corpus/*} (document files), {@code query-text.trec}
   * (or any {@code *query*} file) and {@code qrels}.
   *
   * @throws IOException when a part is missing or unreadable, naming the file
   */
  public static TrecCollection read(Path folder) throws IOException {
    Path corpus = folder.resolve("corpus");
    if (!Files.isDirectory(corpus)) {
      throw new IOException("no corpus/ folder of TREC documents in " + folder);
    }
    Map<String, String> docs = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      Matcher m = DOC.matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) {
        docs.put(m.group(1), m.group(2).strip());
      }
    }
    Path queries = folder.resolve("query-text.trec");
    Map<String, String> topics = new LinkedHashMap<>();
    Matcher m = TOP.matcher(readRequired(queries));
    while (m.find()) {
      topics.put(m.group(1), m.group(2).strip().replaceAll("\\s+", " "));
    }
    Map<String, Set<String>> relevant = new HashMap<>();
    for (String line : readRequired(folder.resolve("qrels")).lines().toList()) {
      String[] p = line.strip().split("\\s+");
      if (p.length >= 4 && Integer.parseInt(p[3]) > 0) {
        relevant.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[2]);
      }
    }
    return new TrecCollection(docs, topics, relevant);
  }

  private static String readRequired(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("missing " + file);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Topics that have at least one relevant document: the ones a mean is taken over (trec_eval's default). */
  public List<String> judgedTopics() {
    List<String> out = new ArrayList<>();
    topics.keySet().forEach(t -> {
      if (relevant.containsKey(t)) {
        out.add(t);
      }
    });
    return out;
  }
}
