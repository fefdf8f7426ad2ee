package com.atalaya.identity;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Bounds of page numbers and sizes a client may ask for. A page outside them is an {@link
 * InvalidInputException} (400), never an offset that overflows into a server error; deeper than
 * {@link #MAX_PAGE} pages a list is narrowed by its filters instead.
 */
public final class Paging {

    /** Pages are numbered from 0 to this; with at most 200 items a page the offset stays far below 2^31. */
    public static final int MAX_PAGE = 10_000;

    private Paging() {}

    /** The page number itself, when it is between 0 and {@link #MAX_PAGE}. */
    public static int page(int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException(
                    "page", "paging.page", "page must be a number from 0 to " + MAX_PAGE, MAX_PAGE);
        }
        return page;
    }

    /** A page request, when the page is in bounds and the size between 1 and {@code maxSize}. */
    public static PageRequest of(int page, int size, int maxSize, Sort sort) {
        page(page);
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException(
                    "size", "paging.size", "size must be a number from 1 to " + maxSize, maxSize);
        }
        return PageRequest.of(page, size, sort);
    }

    public static PageRequest of(int page, int size, int maxSize) {
        return of(page, size, maxSize, Sort.unsorted());
    }
}
