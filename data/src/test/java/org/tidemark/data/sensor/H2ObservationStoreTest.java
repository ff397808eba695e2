package org.tidemark.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.ObservationStoreContract;

/** The store contract on an in-memory H2 database (the embedded profile's engine). */
class H2ObservationStoreTest extends ObservationStoreContract {
    static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        return ds;
    }

    @Override
    protected ObservationStore store() {
        return new JdbcObservationStore(h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    @Test
    void creatingTheStoreTwiceKeepsTheData() {
        JdbcDataSource ds = h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new JdbcObservationStore(ds).append(List.of(obs("63201100", "Z", 0, 1.5)));
        assertThat(new JdbcObservationStore(ds).latest()).hasSize(1);
    }
}
