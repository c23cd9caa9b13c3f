package dev.weft.api.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.federation.keys.ErasedKeysException;
import dev.weft.infrastructure.federation.erasure.DeletedAccountEraser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class ActorKeysIntegrationTest extends WeftIntegrationTest {
    @Autowired
    private ActorKeys keys;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private DeletedAccountEraser eraser;

    @Test
    void keysAreMadeOnceAndStoredWithThePrivateHalvesEncrypted() throws Exception {
        String owner = UUID.randomUUID().toString();

        ActorKeyPairs pairs = keys.forAccount(owner);

        assertThat(keys.forAccount(owner).rsa().getPublic()).isEqualTo(pairs.rsa().getPublic());
        assertThat(signs(pairs.rsa(), "SHA256withRSA")).isTrue();
        assertThat(signs(pairs.ed25519(), "Ed25519")).isTrue();
        byte[] stored = jdbc.queryForObject("SELECT rsa_private FROM federation.actor_key WHERE owner_id = ?",
                byte[].class, owner);
        assertThat(stored).isNotEqualTo(pairs.rsa().getPrivate().getEncoded());
        assertThat(jdbc.queryForObject("SELECT rsa_public FROM federation.actor_key WHERE owner_id = ?",
                byte[].class, owner)).isEqualTo(pairs.rsa().getPublic().getEncoded());
    }

    @Test
    void twoFirstUsesAtOnceGiveOneKey() {
        String owner = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ActorKeys otherNode = otherNode();

        CompletableFuture<ActorKeyPairs> first = CompletableFuture.supplyAsync(() -> await(start, keys, owner));
        CompletableFuture<ActorKeyPairs> second = CompletableFuture.supplyAsync(() -> await(start, otherNode, owner));
        start.countDown();

        assertThat(first.join().rsa().getPublic()).isEqualTo(second.join().rsa().getPublic());
        assertThat(first.join().ed25519().getPublic()).isEqualTo(second.join().ed25519().getPublic());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.actor_key WHERE owner_id = ?", Long.class,
                owner)).isEqualTo(1);
    }

    @Test
    void erasedKeysAreGoneAndNeverMadeAgain() {
        String owner = UUID.randomUUID().toString();
        keys.forAccount(owner);

        keys.erase(owner);

        assertThatThrownBy(() -> keys.forAccount(owner)).isInstanceOf(ErasedKeysException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.actor_key WHERE owner_id = ? "
                + "AND rsa_private IS NULL AND ed25519_private IS NULL AND erased_at IS NOT NULL", Long.class, owner))
                .isEqualTo(1);
    }

    @Test
    void aDeletedAccountsKeysAndSentActivitiesAreErasedOnlyOnceItsDeliveriesHaveSettled() {
        TestAccounts.Registered gone = TestAccounts.registerSharing(api, "gone");
        keys.forAccount(gone.id());
        assertThat(api.delete(gone.path(), gone.token()).status()).isBetween(200, 204);
        assertThat(eraser.eraseSettled()).as("inside the grace period").doesNotContain(gone.id());

        // As if the grace period had passed, with one Delete still waiting to be sent.
        jdbc.update("UPDATE directory.account SET deleted_at = now() - interval '2 hours' WHERE account_id = ?",
                gone.id());
        String pending = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO federation.delivery (delivery_id, account_id, purpose, activity_id, activity_json, "
                + "inbox, host, state, next_attempt_at, created_at) VALUES (?, ?, 'ACTOR_DELETE', ?, '{}', "
                + "'https://x.example/inbox', 'x.example', 'pending', now() + interval '1 hour', now())",
                pending, gone.id(), "https://weft.test/a/" + pending);
        assertThat(eraser.eraseSettled()).as("a delivery still pending").doesNotContain(gone.id());

        jdbc.update("UPDATE federation.delivery SET state = 'failed', activity_json = "
                + "'{\"type\": \"Create\", \"object\": {\"content\": \"my last words\"}}' WHERE delivery_id = ?",
                pending);
        assertThat(eraser.eraseSettled()).contains(gone.id());
        assertThatThrownBy(() -> keys.forAccount(gone.id())).isInstanceOf(ErasedKeysException.class);
        assertThat(jdbc.queryForObject("SELECT activity_json FROM federation.delivery WHERE delivery_id = ?",
                String.class, pending)).doesNotContain("my last words").contains("the account was deleted");
        assertThat(jdbc.queryForObject("SELECT state FROM federation.delivery WHERE delivery_id = ?", String.class,
                pending)).as("the record of what was sent where stays").isEqualTo("failed");
    }

    @Test
    void theInstanceHasKeysOfItsOwn() {
        assertThat(keys.forInstance().rsa().getPublic()).isEqualTo(keys.forInstance().rsa().getPublic());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM federation.actor_key WHERE owner_id = 'instance'",
                Long.class)).isEqualTo(1);
    }

    /**
     * A second vault with a cache of its own, as on another node: within one vault the cache
     * would hold the second caller back, and the insert race would never happen.
     */
    private ActorKeys otherNode() {
        return (ActorKeys) context.getAutowireCapableBeanFactory().createBean(keys.getClass());
    }

    private static ActorKeyPairs await(CountDownLatch start, ActorKeys vault, String owner) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return vault.forAccount(owner);
    }

    private static boolean signs(KeyPair pair, String algorithm) throws GeneralSecurityException {
        byte[] message = "signed".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
