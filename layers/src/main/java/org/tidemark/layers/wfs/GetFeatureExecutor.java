package org.tidemark.layers.wfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.source.FeatureCursor;

/**
 * Runs planned queries as one paged result (WFS 2.0 §7.7.4.4 response paging): counts each query
 * (numberMatched), maps the STARTINDEX/COUNT window over the concatenated results, and streams each
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

    static void run(List<PlannedQuery> queries, GetFeatureRequest r, FeatureSink sink, WfsContext ctx) throws IOException {
        Window win = window(queries, r.startIndex(), r.count());
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
        FeatureCursor pending = active.isEmpty() ? null : open(queries.get(active.get(0)), win, active.get(0));
        try {
            sink.begin(queries, win.matched(), win.returned(), next, previous);
            for (int k = 0; k < active.size(); k++) {
                int i = active.get(k);
                PlannedQuery q = queries.get(i);
                FeatureCursor c = k == 0 ? pending : open(q, win, i);
                pending = c;
                long n = 0;
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
