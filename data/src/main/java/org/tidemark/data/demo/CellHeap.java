package org.tidemark.data.demo;

/** A binary min-heap of grid cells keyed by a double, ties broken by cell index (deterministic order). */
final class CellHeap {
    private double[] keys = new double[1024];
    private int[] cells = new int[1024];
    private int size;

    void push(double key, int cell) {
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            cells = java.util.Arrays.copyOf(cells, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!less(key, cell, keys[p], cells[p])) break;
            keys[i] = keys[p];
            cells[i] = cells[p];
            i = p;
        }
        keys[i] = key;
        cells[i] = cell;
    }

    boolean isEmpty() { return size == 0; }

    double topKey() { return keys[0]; }

    int pop() {
        int top = cells[0];
        double k = keys[--size];
        int c = cells[size];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) break;
            int m = l + 1 < size && less(keys[l + 1], cells[l + 1], keys[l], cells[l]) ? l + 1 : l;
            if (!less(keys[m], cells[m], k, c)) break;
            keys[i] = keys[m];
            cells[i] = cells[m];
            i = m;
        }
        keys[i] = k;
        cells[i] = c;
        return top;
    }

    private static boolean less(double k1, int c1, double k2, int c2) {
        return k1 < k2 || (k1 == k2 && c1 < c2);
    }
}
