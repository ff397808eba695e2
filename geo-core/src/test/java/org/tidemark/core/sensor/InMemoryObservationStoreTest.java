package org.tidemark.core.sensor;

class InMemoryObservationStoreTest extends ObservationStoreContract {
    @Override
    protected ObservationStore store() { return new InMemoryObservationStore(); }
}
