package org.tidemark.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void hashMatchesOnlyTheSamePassword() {
        String h = PasswordHasher.hash("潮位-2026");
        assertThat(h).startsWith("pbkdf2$").doesNotContain("潮位");
        assertThat(PasswordHasher.matches("潮位-2026", h)).isTrue();
        assertThat(PasswordHasher.matches("潮位-2027", h)).isFalse();
        assertThat(PasswordHasher.hash("x")).isNotEqualTo(PasswordHasher.hash("x"));
    }

    @Test
    void plainDemoPasswordsCompareExactly() {
        assertThat(PasswordHasher.matches("planner", "planner")).isTrue();
        assertThat(PasswordHasher.matches("planne", "planner")).isFalse();
        assertThat(PasswordHasher.matches(null, "planner")).isFalse();
    }
}
