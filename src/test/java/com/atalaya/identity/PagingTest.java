package com.atalaya.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void pagesInBoundsBecomeRequests() {
        assertThat(Paging.of(0, 1, 100).getOffset()).isZero();
        assertThat(Paging.of(Paging.MAX_PAGE, 200, 200).getOffset()).isEqualTo(2_000_000L);
    }

    @Test
    void absurdPagesAndSizesAreInvalidInputNamingTheParameter() {
        for (int page : new int[] {-1, Paging.MAX_PAGE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Paging.of(page, 25, 100))
                    .as("page %d", page)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("page");
                        assertThat(e.messageKey()).isEqualTo("paging.page");
                    });
        }
        for (int size : new int[] {-1, 0, 101, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Paging.of(0, size, 100))
                    .as("size %d", size)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("size");
                        assertThat(e.args()).containsExactly(100);
                    });
        }
    }
}
