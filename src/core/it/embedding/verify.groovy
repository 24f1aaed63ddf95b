// The README's example ran against the installed steppe-core, and an embedder's classpath holds
// Steppe's core, Lucene and Jackson (with its YAML dataformat and SnakeYAML, for index-config/) only:
// no web server, no command line, no SLF4J (API or provider), no HTML or feed parser (those readers
// are steppe-formats', which an embedder adds only to read web pages and feeds).
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.contains('1 hit(s)') : 'the example printed its hit count'
assert log.contains('Senators question the treaty | Tengrinews | 2014-10-20 | ') : 'the example printed the Tengrinews hit'
assert log.contains('source CABAR.asia: 1') && log.contains('source Tengrinews: 1') : 'the example printed the source facet'

def jars = new File(basedir, 'target/classpath.txt').text.trim().split(File.pathSeparator).collect { new File(it) }
def core = jars.find { it.name.startsWith('steppe-core-') }
assert core != null : "steppe-core is on the classpath: ${jars*.name}"

def allowed = ['steppe-core-', 'lucene-', 'jackson-', 'snakeyaml-']
jars.each { jar ->
  assert allowed.any { jar.name.startsWith(it) } : "${jar.name} should not be on an embedder's classpath"
  new ZipFile(jar).withCloseable { zip ->
    assert zip.getEntry('META-INF/services/org.slf4j.spi.SLF4JServiceProvider') == null : "${jar.name} is an SLF4J provider"
    assert zip.getEntry('org/slf4j/impl/StaticLoggerBinder.class') == null : "${jar.name} is an SLF4J 1 binding"
  }
}
['javalin', 'jetty', 'picocli', 'kotlin', 'jline', 'progressbar', 'slf4j', 'jsoup', 'rome', 'jdom', 'steppe-formats'].each { banned ->
  assert !jars.any { it.name.contains(banned) } : "${banned} reached an embedder's classpath"
}

// The core artifact is Steppe's classes only: nothing shaded in.
new ZipFile(core).withCloseable { zip ->
  def foreign = zip.entries().toList()*.name.findAll { it.endsWith('.class') && !it.startsWith('org/steppe/') }
  assert foreign.isEmpty() : "classes not Steppe's in ${core.name}: ${foreign.take(5)}"
}

long bytes = jars.sum { it.length() }
println "embedder classpath: ${jars.size()} jars, ${String.format('%.1f', bytes / 1048576.0)} MB (${core.name} ${String.format('%.2f', core.length() / 1048576.0)} MB)"
true
