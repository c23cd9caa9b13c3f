package dev.weft.infrastructure.federation.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.infrastructure.federation.signatures.StructuredFields.InnerList;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Item;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Member;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Token;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredFieldsTest {

    @Test
    void readsInnerListsWithParametersAndSerializesThemBackUnchanged() {
        String member = "(\"@method\" \"@query-param\";name=\"Pet\");created=1618884473;keyid=\"k\\\"1\";alg=\"ed25519\"";
        Map<String, Member> dictionary = StructuredFields.parseDictionary("sig1=" + member + ", sig2=()");

        assertThat(dictionary).containsOnlyKeys("sig1", "sig2");
        InnerList list = (InnerList) dictionary.get("sig1");
        assertThat(list.items()).extracting(Item::value).containsExactly("@method", "@query-param");
        assertThat(list.items().get(1).parameters()).containsEntry("name", "Pet");
        assertThat(list.parameters()).containsEntry("created", 1618884473L).containsEntry("keyid", "k\"1");
        assertThat(StructuredFields.serialize(list)).isEqualTo(member);
        assertThat(((InnerList) dictionary.get("sig2")).items()).isEmpty();
    }

    @Test
    void readsEveryBareItemType() {
        Map<String, Member> dictionary = StructuredFields.parseDictionary(
                "a=:aGk=:, b=?0, c=token/x, d=-12, e=1.5, f");

        assertThat((byte[]) ((Item) dictionary.get("a")).value()).containsExactly('h', 'i');
        assertThat(((Item) dictionary.get("b")).value()).isEqualTo(false);
        assertThat(((Item) dictionary.get("c")).value()).isEqualTo(new Token("token/x"));
        assertThat(((Item) dictionary.get("d")).value()).isEqualTo(-12L);
        assertThat(((Item) dictionary.get("e")).value()).isEqualTo(new BigDecimal("1.5"));
        assertThat(((Item) dictionary.get("f")).value()).isEqualTo(true);
    }

    @Test
    void rejectsMalformedDictionaries() {
        assertThatThrownBy(() -> StructuredFields.parseDictionary("sig1=(\"a\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructuredFields.parseDictionary("sig1=:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructuredFields.parseDictionary("Sig1=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructuredFields.parseDictionary("a=1,")).isInstanceOf(IllegalArgumentException.class);
    }
}
