package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rollcall.skyward.simulator.QmlativSimulator;
import org.rollcall.skyward.simulator.SimulatorOptions;

/** The Qmlativ client against the simulator over real HTTP: tokens, paging, search, retries, failures (formats.md 4.1). */
class QmlativClientIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private QmlativSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private QmlativClient client(SimulatorOptions o, int pageSize, Clock clock) throws Exception {
        sim = QmlativSimulator.start(o);
        return new QmlativClient(options(sim.baseUrl(), o.clientKey(), o.clientSecret(), pageSize), clock);
    }

    static SkywardOptions options(URI base, String key, String secret, int pageSize) {
        return new SkywardOptions(base, key, secret, List.of(1L), pageSize, "0 0 2 * * ?", ZoneId.of("America/Chicago"),
                "StudentNumber", Path.of("config/descriptors/skyward.csv"), 3, Duration.ofMillis(5), Duration.ofSeconds(10));
    }

    private List<JsonNode> all(QmlativClient c, String object, com.fasterxml.jackson.databind.node.ObjectNode search,
                               List<String> fields) {
        List<JsonNode> out = new ArrayList<>();
        c.each(1, object, search, fields, out::add);
        return out;
    }

    @Test
    void pagingFollowsNextToTheEndWithOnlyTheFieldsAsked() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(500, TODAY), 37, Clock.systemUTC());
        List<JsonNode> names = all(c, "Demographics/Name", null, List.of("NameID", "LastName"));
        assertThat(names).hasSize(sim.district().rows("Demographics/Name").size());
        assertThat(names.get(0).size()).isEqualTo(2);
        assertThat(names).extracting(n -> n.get("NameID").asLong()).doesNotHaveDuplicates();
        long pages = (names.size() + 36) / 37;
        assertThat(sim.counts().get("GET Demographics/Name 200")).isEqualTo(pages);
        assertThat(c.tokens().issued()).isEqualTo(1);
    }

    @Test
    void aNextLinkRelativeToTheHostIsFollowedToo() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(100, TODAY).nextRelativeToHost(), 30, Clock.systemUTC());
        assertThat(all(c, "Demographics/Name", null, List.of("NameID")))
                .hasSize(sim.district().rows("Demographics/Name").size());
        assertThat(sim.counts().keySet()).noneMatch(k -> k.endsWith(" 404"));
    }

    @Test
    void aPostedSearchConditionFiltersAndSortsAcrossPages() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(300, TODAY), 50, Clock.systemUTC());
        var search = SkywardFetch.Searches.sorted(SkywardFetch.Searches.and(
                SkywardFetch.Searches.longIn("SchoolYearID", List.of(2L))), "StudentID");
        List<JsonNode> rows = all(c, "Enrollment/EntryWithdrawal", search, List.of("StudentID", "SchoolYearID"));
        long expected = sim.district().rows("Enrollment/EntryWithdrawal").stream()
                .filter(r -> r.get("SchoolYearID").asLong() == 2).count();
        assertThat(rows).hasSize((int) expected).allMatch(r -> r.get("SchoolYearID").asLong() == 2);
        assertThat(rows).extracting(r -> r.get("StudentID").asLong()).isSorted();
        assertThat(sim.counts()).containsKey("POST Enrollment/EntryWithdrawal 200");
    }

    @Test
    void aTokenThatExpiresMidRunIsReplacedAndTheFetchCarriesOn() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(300, TODAY).expireTokensAfter(3), 40, Clock.systemUTC());
        List<JsonNode> names = all(c, "Demographics/Name", null, List.of("NameID"));
        assertThat(names).hasSize(sim.district().rows("Demographics/Name").size());
        assertThat(sim.counts().get("GET Demographics/Name 401")).isEqualTo(1);
        assertThat(c.tokens().issued()).isEqualTo(2);
    }

    @Test
    void a403SayingTheTokenHasExpiredAlsoRefreshesIt() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(100, TODAY).expireTokensAfter(2).expiryAs403(), 40,
                Clock.systemUTC());
        assertThat(all(c, "Demographics/Name", null, List.of("NameID"))).isNotEmpty();
        assertThat(sim.counts().get("GET Demographics/Name 403")).isEqualTo(1);
        assertThat(c.tokens().issued()).isEqualTo(2);
    }

    @Test
    void theTokenIsRefreshedShortlyBeforeItExpires() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        QmlativClient c = client(SimulatorOptions.district(50, TODAY).tokenLifetime(Duration.ofMinutes(10)), 1000, clock);
        all(c, "District/SchoolYear", null, List.of());
        all(c, "District/SchoolYear", null, List.of());
        assertThat(c.tokens().issued()).isEqualTo(1);
        now.set(now.get().plus(Duration.ofMinutes(9).plusSeconds(30)));
        all(c, "District/SchoolYear", null, List.of());
        assertThat(c.tokens().issued()).as("a minute before expiry a new token is fetched").isEqualTo(2);
        assertThat(sim.counts().keySet()).noneMatch(k -> k.endsWith(" 401"));
    }

    @Test
    void transient503And429AndDroppedConnectionsAreRetried() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(200, TODAY).fail("Demographics/Name", 2, 503, 2)
                .fail("Demographics/Name", 3, 0, 1).tooManyRequestsEvery(7), 50, Clock.systemUTC());
        List<JsonNode> names = all(c, "Demographics/Name", null, List.of("NameID"));
        assertThat(names).hasSize(sim.district().rows("Demographics/Name").size());
        assertThat(sim.counts().get("GET Demographics/Name 503")).isEqualTo(2);
        assertThat(c.retried()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anUnavailableTokenEndpointIsRetriedToo() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(50, TODAY).fail("oauth/token", 0, 503, 2), 100,
                Clock.systemUTC());
        assertThat(all(c, "District/SchoolYear", null, List.of())).hasSize(3);
        assertThat(sim.counts().get("POST oauth/token 503")).isEqualTo(2);
        assertThat(c.tokens().issued()).isEqualTo(1);
    }

    @Test
    void aPageThatKeepsFailingEndsTheFetchNamingObjectAndPage() throws Exception {
        QmlativClient c = client(SimulatorOptions.district(200, TODAY).fail("Demographics/Name", 2, 503, -1), 50,
                Clock.systemUTC());
        assertThatThrownBy(() -> all(c, "Demographics/Name", null, List.of("NameID")))
                .isInstanceOf(SkywardFetchException.class)
                .hasMessageContaining("Demographics/Name page 2").hasMessageContaining("4 attempts").hasMessageContaining("503");
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() throws Exception {
        sim = QmlativSimulator.start(SimulatorOptions.district(10, TODAY));
        QmlativClient c = new QmlativClient(options(sim.baseUrl(), "rollcall-key", "wrong", 10), Clock.systemUTC());
        assertThatThrownBy(() -> all(c, "District/SchoolYear", null, List.of()))
                .isInstanceOf(SkywardFetchException.class).hasMessageContaining("key and secret");
    }
}
