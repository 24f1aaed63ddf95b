package org.steppe.bench.opennlp;

import java.util.List;
import java.util.Map;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Emits gazetteer membership: the types of the gazetteer entities whose spellings contain the
 * token ("gaz=person"). Stateless.
 */
public final class GazetteerFeatureGenerator implements AdaptiveFeatureGenerator {
  private final GazetteerWords words;

  public GazetteerFeatureGenerator(GazetteerWords words) {
    this.words = words;
  }

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    String types = words.types(tokens[index]);
    if (types != null) {
      features.add("gaz=" + types);
    }
  }

  /** Builds the generator from the model resource named by the descriptor's {@code dict} parameter. */
  public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
      String name = getStr("dict");
      Object words = resourceManager == null ? null : resourceManager.getResource(name);
      if (words == null) {
        // OpenNLP first builds generators without resources, only to learn which serializers they need.
        return (features, tokens, index, previousOutcomes) -> { };
      }
      if (!(words instanceof GazetteerWords gw)) {
        throw new InvalidFormatException("resource '" + name + "' is not gazetteer words");
      }
      return new GazetteerFeatureGenerator(gw);
    }

    @Override
    public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
      return Map.of(getStr("dict"), new GazetteerWords.Serializer());
    }
  }
}
