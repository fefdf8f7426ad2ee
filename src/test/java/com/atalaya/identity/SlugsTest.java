package com.atalaya.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aBrandNameBecomesASlug() {
        assertThat(Slugs.slugify("Café Ñandú S.L.")).isEqualTo("cafe-nandu-s-l");
        assertThat(Slugs.isSlug(Slugs.slugify("Café Ñandú S.L."))).isTrue();
    }

    @Test
    void onlyTextThatCouldBeASlugIsOne() {
        assertThat(Slugs.isSlug("tienda-2")).isTrue();
        for (String bad :
                new String[] {null, "", "-tienda", "Tienda", "tien da", "tienda\u0000", "ñandu", "a".repeat(65)}) {
            assertThat(Slugs.isSlug(bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}
