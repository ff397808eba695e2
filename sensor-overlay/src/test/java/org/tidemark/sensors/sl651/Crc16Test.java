package org.tidemark.sensors.sl651;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {
    @Test
    void matchesTheCrc16ModbusCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.of(check, 0, check.length)).isEqualTo(0x4B37);
    }

    @Test
    void coversOnlyTheGivenRange() {
        byte[] b = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.of(b, 2, 9)).isEqualTo(0x4B37);
    }
}
