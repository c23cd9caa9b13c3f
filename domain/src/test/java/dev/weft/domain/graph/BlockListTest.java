package dev.weft.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.shared.RemoteActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockListTest {
    private BlockList blocks;

    @BeforeEach
    void setUp() {
        blocks = new BlockList();
    }

    @Test
    void anEmptyListBlocksNobody() {
        assertThat(blocks.blocks(RemoteActor.of("https://any.example/users/x"))).isFalse();
    }

    @Test
    void aBlockedActorIsBlockedAndOthersOnItsServerAreNot() {
        blocks.addActor("https://remote.example/users/bob");

        assertThat(blocks.blocksActor("https://remote.example/users/bob")).isTrue();
        assertThat(blocks.blocks(RemoteActor.of("https://remote.example/users/bob"))).isTrue();
        assertThat(blocks.blocks(RemoteActor.of("https://remote.example/users/carol"))).isFalse();
        assertThat(blocks.blocksDomain("remote.example")).isFalse();
    }

    @Test
    void aDomainBlockCoversActorsOnThatHost() {
        blocks.addDomain("bad.example");

        assertThat(blocks.blocksDomain("bad.example")).isTrue();
        assertThat(blocks.blocks(RemoteActor.of("https://bad.example/users/eve"))).isTrue();
    }

    @Test
    void aDomainBlockCoversSubdomainsAtAnyDepth() {
        blocks.addDomain("bad.example");

        assertThat(blocks.blocks(RemoteActor.of("https://social.bad.example/users/eve"))).isTrue();
        assertThat(blocks.blocks(RemoteActor.of("https://a.b.bad.example/users/eve"))).isTrue();
    }

    @Test
    void aDomainBlockDoesNotCoverHostsThatMerelyEndWithTheSameLetters() {
        blocks.addDomain("bad.example");

        assertThat(blocks.blocks(RemoteActor.of("https://notbad.example/users/eve"))).isFalse();
        assertThat(blocks.blocks(RemoteActor.of("https://bad.example.org/users/eve"))).isFalse();
    }

    @Test
    void aSubdomainBlockDoesNotCoverItsParentOrSiblings() {
        blocks.addDomain("social.bad.example");

        assertThat(blocks.blocks(RemoteActor.of("https://social.bad.example/users/eve"))).isTrue();
        assertThat(blocks.blocks(RemoteActor.of("https://bad.example/users/eve"))).isFalse();
        assertThat(blocks.blocks(RemoteActor.of("https://other.bad.example/users/eve"))).isFalse();
        assertThat(blocks.blocksDomain("bad.example")).isFalse();
    }

    @Test
    void theActorsHostIsComparedInLowerCaseAndWithoutItsPort() {
        blocks.addDomain("bad.example");

        assertThat(blocks.blocks(RemoteActor.of("https://Social.BAD.Example:8443/users/eve"))).isTrue();
    }

    @Test
    void removingBlocksLiftsThem() {
        blocks.addActor("https://remote.example/users/bob");
        blocks.addDomain("bad.example");

        blocks.removeActor("https://remote.example/users/bob");
        blocks.removeDomain("bad.example");

        assertThat(blocks.blocks(RemoteActor.of("https://remote.example/users/bob"))).isFalse();
        assertThat(blocks.blocks(RemoteActor.of("https://social.bad.example/users/eve"))).isFalse();
        assertThat(blocks.blocksActor("https://remote.example/users/bob")).isFalse();
        assertThat(blocks.blocksDomain("bad.example")).isFalse();
    }

    @Test
    void anActorBlockedByNameStaysBlockedAfterItsDomainIsUnblocked() {
        blocks.addActor("https://bad.example/users/eve");
        blocks.addDomain("bad.example");
        blocks.removeDomain("bad.example");

        assertThat(blocks.blocks(RemoteActor.of("https://bad.example/users/eve"))).isTrue();
        assertThat(blocks.blocks(RemoteActor.of("https://bad.example/users/mallory"))).isFalse();
    }
}
