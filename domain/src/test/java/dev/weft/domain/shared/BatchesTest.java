package dev.weft.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void cutsInOrderWithAShorterLastBatch() {
        assertThat(Batches.of(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }

    @Test
    void aListThatFitsIsOneBatchAndAnEmptyOneIsNone() {
        assertThat(Batches.of(List.of("a", "b"), 2)).containsExactly(List.of("a", "b"));
        assertThat(Batches.of(List.of(), 3)).isEmpty();
    }

    @Test
    void batchesDoNotChangeWithTheListTheyCameFrom() {
        java.util.ArrayList<Integer> items = new java.util.ArrayList<>(List.of(1, 2, 3));
        List<List<Integer>> batches = Batches.of(items, 2);
        items.set(0, 9);
        assertThat(batches.get(0)).containsExactly(1, 2);
    }

    @Test
    void aBatchHoldsAtLeastOneItem() {
        assertThatThrownBy(() -> Batches.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }
}
