package casebook.projections.casesearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The case search index: concrete indices named {@code <alias>-<yyyyMMddHHmmss>-<random>} behind one alias that
 * readers and the live projection use. Only the rebuild ever moves the alias.
 */
final class CaseIndex {

    private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);
    private static final String MAPPING = mapping("case-index.json");
    private static final String MAPPINGS = mappingsOf(MAPPING);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient es;
    private final String alias;
    private final Clock clock;

    /** @param es any client of the cluster: the index talks through its connection, reading case documents itself */
    CaseIndex(ElasticsearchClient es, String alias, Clock clock) {
        this.es = readingCaseDocuments(es);
        this.alias = alias;
        this.clock = clock;
    }

    String alias() {
        return alias;
    }

    /** The cluster's client, whose typed reads ({@code CaseDocument.class}) parse each document once. */
    ElasticsearchClient client() {
        return es;
    }

    /** The same connection and options, with {@link CaseDocumentJson#jsonpMapper()} for the documents read. */
    static ElasticsearchClient readingCaseDocuments(ElasticsearchClient es) {
        if (!(es._transport() instanceof RestClientTransport transport)) {
            throw new IllegalStateException("the case index needs the Elasticsearch RestClient transport, not "
                                            + es._transport().getClass().getName());
        }
        return new ElasticsearchClient(new RestClientTransport(transport.restClient(), CaseDocumentJson.jsonpMapper()),
                                       es._transportOptions());
    }

    /**
     * Creates a concrete index behind the alias unless the alias exists (another instance may win the race); an
     * existing one gets this version's mapping, so that new fields (additive changes only) are indexed at once.
     * A change that is not additive fails here: it needs a new index, i.e. a rebuild.
     */
    void ensureExists() {
        try {
            if (es.indices().existsAlias(a -> a.name(alias)).value()) {
                es.indices().putMapping(m -> m.index(alias).withJson(new StringReader(MAPPINGS)));
                return;
            }
            String index = newName();
            try {
                es.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING))
                        .aliases(alias, a -> a.isWriteIndex(true)));
                log.info("Created case search index {} behind alias {}", index, alias);
            } catch (ElasticsearchException lostRace) {
                // a second write index for the alias is refused atomically: fine if another instance made it
                if (!es.indices().existsAlias(a -> a.name(alias)).value()) {
                    throw lostRace;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new concrete index with the mapping and no alias, for a rebuild. */
    String createConcrete() {
        String index = newName();
        try {
            es.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    /** The concrete indices the alias points at now; none when the alias was deleted. */
    List<String> indicesBehindAlias() {
        try {
            if (!es.indices().existsAlias(a -> a.name(alias)).value()) {
                return List.of();
            }
            return List.copyOf(es.indices().getAlias(a -> a.name(alias)).result().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses (or allows again) writes to the given indices; reads go on. */
    void blockWrites(List<String> indices, boolean blocked) {
        if (indices.isEmpty()) {
            return;
        }
        try {
            es.indices().putSettings(s -> s.index(indices).ignoreUnavailable(true).settings(i -> i.blocks(b -> b.write(blocked))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * In one atomic request: points the alias at {@code target} as its write index and deletes {@code previous}
     * (which drops their aliases with them). Fails as a whole if one of {@code previous} is gone.
     */
    void swapTo(String target, List<String> previous) {
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(target).alias(alias).isWriteIndex(true))));
        previous.forEach(old -> actions.add(Action.of(a -> a.removeIndex(r -> r.index(old)))));
        try {
            es.indices().updateAliases(u -> u.actions(actions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String index) {
        try {
            es.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String newName() {
        return alias + "-" + STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String mappingsOf(String index) {
        try {
            return new ObjectMapper().readTree(index).get("mappings").toString();
        } catch (IOException e) {
            throw new UncheckedIOException("case-index.json is not JSON", e);
        }
    }

    /** Settings and mappings of every concrete index, from the resource beside this class. */
    private static String mapping(String resource) {
        try (InputStream json = CaseIndex.class.getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(json.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
