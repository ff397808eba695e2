package org.tidemark.sensors.sl651;

/**
 * The SL 651-2014 frame check (§6.2.3.3): CRC-16 with the reflected polynomial 0xA001 (x¹⁶+x¹⁵+x²+1),
 * initial value 0xFFFF, no final XOR — the parameters known as CRC-16/MODBUS — over every byte from the
 * first {@code 7E} up to and including the end character; sent high byte first.
 */
final class Crc16 {
    private Crc16() {}

    static int of(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc & 0xFFFF;
    }
}
