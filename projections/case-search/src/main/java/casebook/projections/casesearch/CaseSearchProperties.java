package casebook.projections.casesearch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.regex.Pattern;

/**
 * {@code casebook.search.*}: the alias that readers and the live projection use (concrete indices are named after
 * it), how many events the projection handles per batch (one mget and one bulk request per batch), and in how many
 * segments its event stream is split when the projection first starts (the most instances that can share the
 * work; each segment sends its own batches, so more segments mean smaller batches, and Axon's coordinator offers
 * every event to every segment, so its cost per event grows with their number).
 */
@ConfigurationProperties("casebook.search")
public record CaseSearchProperties(@DefaultValue("cases") String alias, @DefaultValue("200") int batchSize,
                                   @DefaultValue("2") int segments) {

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,200}");

    public CaseSearchProperties {
        if (alias == null || !INDEX_NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("casebook.search.alias must be a lower-case index name, was " + alias);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("casebook.search.batch-size must be 1 or more, was " + batchSize);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("casebook.search.segments must be 1 or more, was " + segments);
        }
    }
}
