package org.tidemark.data.demo;

/** One generated default-seed dataset per test JVM (generation takes seconds; tests only read it). */
final class SharedDemo {
    private static DemoDataset data;

    private SharedDemo() {}

    static synchronized DemoDataset dataset() {
        if (data == null) data = DemoDataset.generate(DemoDataset.DEFAULT_SEED, System.out::println);
        return data;
    }
}
