package org.tidemark.sensors.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, refusing larger ones without buffering them. */
final class BoundedBody {
    private BoundedBody() {}

    static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) throw new PayloadTooLargeException(limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(256, Math.min(limit, declaredLength)));
        byte[] buf = new byte[8192];
        int n;
        long total = 0;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) throw new PayloadTooLargeException(limit);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
