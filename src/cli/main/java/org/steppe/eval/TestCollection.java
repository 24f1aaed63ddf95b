package org.steppe.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A test collection: documents, topics and graded judgements, read from either of the two layouts
 * classic collections ship in. TREC, as Terrier ships Vaswani: {@code corpus/*} ({@code <DOC><DOCNO>…}),
 * {@code query-text.trec} ({@code <top><num>…<title>…}) and {@code qrels} ({@code qid iter docno grade}).
 * SMART, as CISI and CACM ship: one document file ({@code *.ALL}: {@code .I}, {@code .T} title,
 * {@code .W} text), one query file ({@code *.QRY} or {@code query.text}) and one judgement file
 * ({@code *.REL} or {@code qrels.text}: {@code qid docid …}, every listed pair relevant).
 *
 * @param documents document number to document, in file order
 * @param topics topic number to query text, in file order
 * @param grades topic number to judged documents and their grades (&gt; 0 relevant)
 */
public record TestCollection(Map<String, Doc> documents, Map<String, String> topics, Map<String, Map<String, Integer>> grades) {
  private static final Pattern DOC = Pattern.compile("<DOC>\\s*<DOCNO>\\s*(.*?)\\s*</DOCNO>(.*?)</DOC>", Pattern.DOTALL);
  private static final Pattern TOP = Pattern.compile("<top>.*?<num>\\s*(.*?)\\s*</num>.*?<title>(.*?)</title>.*?</top>",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  /** A SMART record field: a line holding only {@code .X} (or {@code .I n}). */
  private static final Pattern SMART_FIELD = Pattern.compile("^\\.([A-Z])(?:\\s+(\\S+))?\\s*$", Pattern.MULTILINE);

  /** One document: its title ({@code null} when the collection has none) and its text. */
  public record Doc(String title, String text) {}

  /**
   * Reads a collection folder in either layout.
   *
   * @throws IOException when a part is missing or unreadable, naming the file
   */
  public static TestCollection read(Path folder) throws IOException {
    if (Files.isDirectory(folder.resolve("corpus"))) {
      return readTrec(folder);
    }
    Path docs = find(folder, n -> n.endsWith(".all"));
    if (docs == null) {
      throw new IOException("no collection in " + folder + ": expected corpus/ with query-text.trec and qrels (TREC), "
          + "or *.ALL with *.QRY and *.REL (SMART)");
    }
    Path queries = Optional.ofNullable(find(folder, n -> n.endsWith(".qry"))).orElse(folder.resolve("query.text"));
    Path rels = Optional.ofNullable(find(folder, n -> n.endsWith(".rel"))).orElse(folder.resolve("qrels.text"));
    Map<String, Doc> documents = new LinkedHashMap<>();
    smartRecords(readRequired(docs)).forEach((id, fields) -> documents.put(id, new Doc(fields.get('T'), fields.getOrDefault('W', ""))));
    Map<String, String> topics = new LinkedHashMap<>();
    smartRecords(readRequired(queries)).forEach((id, fields) -> {
      String text = fields.getOrDefault('W', fields.getOrDefault('T', ""));
      topics.put(id, text.strip().replaceAll("\\s+", " "));
    });
    Map<String, Map<String, Integer>> grades = new HashMap<>();
    for (String line : readRequired(rels).lines().toList()) {
      String[] p = line.strip().split("\\s+");
      if (p.length >= 2) {
        grades.computeIfAbsent(number(p[0]), k -> new HashMap<>()).put(number(p[1]), 1);
      }
    }
    return new TestCollection(documents, topics, grades);
  }

  private static TestCollection readTrec(Path folder) throws IOException {
    Map<String, Doc> docs = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder.resolve("corpus"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      Matcher m = DOC.matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) {
        docs.put(m.group(1), new Doc(null, m.group(2).strip()));
      }
    }
    Map<String, String> topics = new LinkedHashMap<>();
    Matcher m = TOP.matcher(readRequired(folder.resolve("query-text.trec")));
    while (m.find()) {
      topics.put(m.group(1), m.group(2).strip().replaceAll("\\s+", " "));
    }
    Map<String, Map<String, Integer>> grades = new HashMap<>();
    for (String line : readRequired(folder.resolve("qrels")).lines().toList()) {
      String[] p = line.strip().split("\\s+");
      if (p.length >= 4) {
        grades.computeIfAbsent(p[0], k -> new HashMap<>()).put(p[2], Integer.parseInt(p[3]));
      }
    }
    return new TestCollection(docs, topics, grades);
  }

  /** The records of a SMART file: id to its fields (letter to text). */
  private static Map<String, Map<Character, String>> smartRecords(String text) {
    Map<String, Map<Character, String>> out = new LinkedHashMap<>();
    Matcher m = SMART_FIELD.matcher(text);
    Map<Character, String> current = null;
    char field = 0;
    int from = 0;
    while (m.find()) {
      if (current != null && field != 0) {
        current.merge(field, text.substring(from, m.start()).strip(), (a, b) -> a + "\n" + b);
      }
      field = m.group(1).charAt(0);
      if (field == 'I' && m.group(2) != null) {
        current = new LinkedHashMap<>();
        out.put(number(m.group(2)), current);
        field = 0;
      }
      from = m.end();
    }
    if (current != null && field != 0) {
      current.merge(field, text.substring(from).strip(), (a, b) -> a + "\n" + b);
    }
    return out;
  }

  /** "01" and "1" name the same topic or document. */
  private static String number(String id) {
    return id.matches("\\d+") ? String.valueOf(Long.parseLong(id)) : id;
  }

  private static Path find(Path folder, java.util.function.Predicate<String> lowerName) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).filter(p -> lowerName.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
          .sorted().findFirst().orElse(null);
    }
  }

  private static String readRequired(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("missing " + file);
    }
    // Old collections are Latin-1 or plain ASCII; Latin-1 never fails to decode and is exact for ASCII.
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** The documents judged relevant (grade &gt; 0) for a topic. */
  public Set<String> relevant(String topic) {
    return grades.getOrDefault(topic, Map.of()).entrySet().stream().filter(e -> e.getValue() > 0)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** Topics with a query and at least one relevant document: the ones a mean is taken over (trec_eval's default). */
  public List<String> judgedTopics() {
    List<String> out = new ArrayList<>();
    topics.keySet().forEach(t -> {
      if (!relevant(t).isEmpty()) {
        out.add(t);
      }
    });
    return out;
  }
}
