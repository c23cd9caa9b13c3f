package dev.weft.application.shared;

import java.util.List;

/** One page of a cursor-paged list; next is null on the last page. */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }
}
