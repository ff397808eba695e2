package org.tidemark.data.raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;

/** TIFF 6.0 IFD encoding helpers (field types SHORT 3, LONG 4, DOUBLE 12, ASCII 2). */
final class Tiff {
    private Tiff() {}

    record Entry(int tag, int type, int count, byte[] value) {
        static Entry shorts(int tag, int... v) {
            ByteBuffer b = le(v.length * 2);
            for (int x : v) b.putShort((short) x);
            return new Entry(tag, 3, v.length, b.array());
        }

        static Entry longs(int tag, long... v) {
            ByteBuffer b = le(v.length * 4);
            for (long x : v) b.putInt((int) x);
            return new Entry(tag, 4, v.length, b.array());
        }

        static Entry doubles(int tag, double... v) {
            ByteBuffer b = le(v.length * 8);
            for (double x : v) b.putDouble(x);
            return new Entry(tag, 12, v.length, b.array());
        }

        static Entry ascii(int tag, String s) {
            byte[] b = GeoTiffWriter.ascii(s);
            return new Entry(tag, 2, b.length, b);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The IFD (sorted by tag, next-IFD 0) followed by the values that do not fit in 4 bytes. */
    static ByteBuffer encodeIfd(List<Entry> entries, long ifdOffset) {
        List<Entry> sorted = entries.stream().sorted(Comparator.comparingInt(Entry::tag)).toList();
        int dirSize = 2 + sorted.size() * 12 + 4;
        int extra = 0;
        for (Entry e : sorted) if (e.value().length > 4) extra += (e.value().length + 1) & ~1;
        ByteBuffer b = le(dirSize + extra);
        b.putShort((short) sorted.size());
        long valuePos = ifdOffset + dirSize;
        ByteBuffer values = le(extra);
        for (Entry e : sorted) {
            b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
            if (e.value().length <= 4) {
                byte[] v = java.util.Arrays.copyOf(e.value(), 4);
                b.put(v);
            } else {
                b.putInt((int) (valuePos + values.position()));
                values.put(e.value());
                if ((e.value().length & 1) == 1) values.put((byte) 0);
            }
        }
        b.putInt(0);
        b.put(values.array());
        return b.flip();
    }
}
