package org.tidemark.layers.wfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.source.FeatureCursor;

/**
 * Runs planned queries as one paged result (WFS 2.0 §7.7.4.4 response paging): counts each query
 * (numberMatched) unless a single query's page ends within the features read ahead, maps the
 * STARTINDEX/COUNT window over the concatenated results, and streams each
 * query's slice into the sink. The first cursor is opened before anything is written so that source
 * failures still produce a proper exception report.
 */
final class GetFeatureExecutor {
    private GetFeatureExecutor() {}

    /** The page window: total matched and each query's local offset/limit. */
    record Window(long matched, long returned, long[] offsets, long[] limits) {}

    static Window window(List<PlannedQuery> queries, long start, long count) {
        long[] matched = new long[queries.size()];
        long total = 0;
        for (int i = 0; i < queries.size(); i++) {
            matched[i] = queries.get(i).layer().count(queries.get(i).query());
            total += matched[i];
        }
        long[] offsets = new long[queries.size()];
        long[] limits = new long[queries.size()];
        long remaining = count < 0 ? Long.MAX_VALUE : count;
        long skip = start;
        long returned = 0;
        for (int i = 0; i < queries.size(); i++) {
            long local = Math.min(skip, matched[i]);
            skip -= local;
            long take = Math.max(0, Math.min(matched[i] - local, remaining));
            offsets[i] = local;
            limits[i] = take;
            remaining -= take;
            returned += take;
        }
        return new Window(total, returned, offsets, limits);
    }

    /** Features read ahead of the response header; a page that ends within them needs no count query. */
    static final int READ_AHEAD = 256;

    /**
     * The first features of a single-query page, read before the header is written. When the source runs out
     * within them before the page is full, numberMatched is {@code start + n} and the count query is saved:
     * for typical bounding-box requests of a few dozen features this halves the database work. Otherwise the
     * cursor is closed before counting (never two pooled connections per request) and reopened after the
     * features already read.
     */
    static final class Head implements AutoCloseable {
        final List<Feature> features = new ArrayList<>();
        private FeatureCursor cursor;
        private boolean exhausted;

        private Head(FeatureCursor cursor) { this.cursor = cursor; }

        static Head read(PlannedQuery q, long start, long count) {
            Head h = new Head(q.layer().query(q.query().withPage(start, limit(count))));
            try {
                long want = count < 0 ? READ_AHEAD : Math.min(count, READ_AHEAD);
                while (h.features.size() < want && h.cursor.hasNext()) h.features.add(h.cursor.next());
                h.exhausted = !h.cursor.hasNext();
                return h;
            } catch (RuntimeException e) {
                h.close();
                throw e;
            }
        }

        /** The total is known when the source ran out before the page was full (and the page is not past the end). */
        boolean knowsTotal(long start, long count) {
            return exhausted && (count < 0 || features.size() < count) && (!features.isEmpty() || start == 0);
        }

        /** Closes the cursor while the count runs, then reopens it after the features already read. */
        void recount(PlannedQuery q, long start, long count, Runnable counting) {
            close();
            counting.run();
            long n = features.size();
            cursor = exhausted ? null : q.layer().query(q.query().withPage(start + n, limit(count < 0 ? -1 : count - n)));
        }

        boolean hasNext() { return cursor != null && cursor.hasNext(); }

        Feature next() { return cursor.next(); }

        @Override
        public void close() {
            if (cursor != null) cursor.close();
            cursor = null;
        }

        private static int limit(long count) { return count < 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, count); }
    }

    static void run(List<PlannedQuery> queries, GetFeatureRequest r, FeatureSink sink, WfsContext ctx) throws IOException {
        if (queries.size() != 1 || r.hits()) {
            run(queries, r, sink, ctx, window(queries, r.startIndex(), r.count()), null);
            return;
        }
        try (Head head = Head.read(queries.get(0), r.startIndex(), r.count())) {
            Window win;
            if (head.knowsTotal(r.startIndex(), r.count())) {
                int n = head.features.size();
                win = new Window(r.startIndex() + n, n, new long[] {r.startIndex()}, new long[] {n});
            } else {
                Window[] counted = new Window[1];
                head.recount(queries.get(0), r.startIndex(), r.count(), () -> counted[0] = window(queries, r.startIndex(), r.count()));
                win = counted[0];
            }
            run(queries, r, sink, ctx, win, head);
        }
    }

    private static void run(List<PlannedQuery> queries, GetFeatureRequest r, FeatureSink sink, WfsContext ctx, Window win,
                            Head head) throws IOException {
        if (r.byId() && win.matched() == 0) {
            throw GeoServiceException.notFound("ID", "No feature with id " + r.queries().get(0).resourceIds().get(0));
        }
        String next = null;
        String previous = null;
        if (!r.byId() && r.count() >= 0 && r.startIndex() + r.count() < win.matched()) {
            next = PageLinks.of(ctx, r, r.startIndex() + r.count(), r.count());
        }
        if (!r.byId() && r.startIndex() > 0 && win.matched() > 0) {
            long prevStart = r.count() < 0 ? 0 : Math.max(0, r.startIndex() - r.count());
            long prevCount = r.count() < 0 ? r.startIndex() : Math.min(r.count(), r.startIndex());
            previous = PageLinks.of(ctx, r, prevStart, prevCount);
        }
        if (r.hits()) {
            // WFS 2.0 §7.7.4.4.1: a hits response's next link leads to the first page of the results themselves
            String first = !r.byId() && win.matched() > r.startIndex() ? PageLinks.of(ctx, r, r.startIndex(), r.count()) : null;
            sink.begin(queries, win.matched(), 0, first, previous);
            sink.end();
            return;
        }
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) if (win.limits()[i] > 0) active.add(i);
        // Open the first cursor before writing anything, so a failing source still gets an exception report.
        FeatureCursor pending = active.isEmpty() || head != null ? null : open(queries.get(active.get(0)), win, active.get(0));
        try {
            sink.begin(queries, win.matched(), win.returned(), next, previous);
            for (int k = 0; k < active.size(); k++) {
                int i = active.get(k);
                PlannedQuery q = queries.get(i);
                long n = 0;
                if (head != null) {
                    // the single query's first features were read before the header; its cursor goes on after them
                    for (Feature f : head.features) {
                        if (n >= win.limits()[i]) break;
                        sink.feature(q, f);
                        n++;
                    }
                    while (n < win.limits()[i] && head.hasNext()) {
                        sink.feature(q, head.next());
                        n++;
                    }
                    head.close();
                    continue;
                }
                FeatureCursor c = k == 0 ? pending : open(q, win, i);
                pending = c;
                while (c.hasNext() && n < win.limits()[i]) {
                    sink.feature(q, c.next());
                    n++;
                }
                c.close();
                pending = null;
            }
            sink.end();
        } finally {
            if (pending != null) pending.close();
        }
    }

    private static FeatureCursor open(PlannedQuery q, Window win, int i) {
        long limit = win.limits()[i];
        return q.layer().query(q.query().withPage(win.offsets()[i], (int) Math.min(Integer.MAX_VALUE, limit)));
    }
}
