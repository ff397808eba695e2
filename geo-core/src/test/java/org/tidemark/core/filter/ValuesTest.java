package org.tidemark.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void numbersCompareByValueAcrossTypes() {
        assertThat(Values.compare(1, 1.0, true)).isZero();
        assertThat(Values.compare(2L, new BigDecimal("1.5"), true)).isPositive();
        assertThat(Values.compare(0.1, new BigDecimal("0.1"), true)).isZero();
        assertThat(Values.compare(Long.MAX_VALUE, Long.MAX_VALUE - 1, true)).isPositive();
        assertThat(Values.compare(3, "3.0", true)).isZero();
    }

    @Test
    void timesCompareAsInstants() {
        assertThat(Values.compare(Instant.parse("2024-05-01T00:00:00Z"), LocalDate.of(2024, 5, 1), true)).isZero();
        assertThat(Values.compare(Instant.parse("2024-05-01T08:00:00Z"), "2024-05-01T09:00:00+01:00", true)).isZero();
        assertThat(Values.compare(LocalDate.of(2024, 5, 2), "2024-05-01", true)).isPositive();
    }

    @Test
    void stringsCompareByCodeUnitOptionallyIgnoringCase() {
        assertThat(Values.compare("B", "a", true)).isNegative();
        assertThat(Values.compare("B", "a", false)).isPositive();
        assertThat(Values.equal("Dam", "DAM", false)).isTrue();
    }

    @Test
    void unrelatedTypesAreIncomparable() {
        assertThatThrownBy(() -> Values.compare("abc", 3, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Values.compare(true, 3, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Values.equal("abc", 3, true)).isFalse();
    }

    @Test
    void nullsSortLast() {
        assertThat(Values.NULLS_LAST.compare(null, 1)).isPositive();
        assertThat(Values.NULLS_LAST.compare(1, null)).isNegative();
        assertThat(Values.NULLS_LAST.compare(null, null)).isZero();
    }
}
