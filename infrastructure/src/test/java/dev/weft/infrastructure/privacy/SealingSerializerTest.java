package dev.weft.infrastructure.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.accounts.AccountPersonalData;
import dev.weft.domain.accounts.AccountRegisteredEvent;
import dev.weft.domain.distribution.CopyDeliveriesAttemptedEvent;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.ReplyContent;
import dev.weft.domain.graph.FollowerEndpoints;
import dev.weft.domain.graph.RemoteFollowRequestedEvent;
import dev.weft.domain.shared.RemoteActor;
import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.links.EncryptionKey;
import dev.weft.infrastructure.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** Personal data sealed under each subject's key, opened again, and gone once the key is erased. */
class SealingSerializerTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final EncryptionKey MASTER = key();
    private static final ErasureJournal JOURNAL = Journals.inTempDir();
    private static final SubjectKeys KEYS = new SubjectKeys(TestDatabase.JDBC, MASTER, new KeyedDigest(MASTER), JOURNAL);
    private static final Jackson3Serializer JACKSON = Jackson3Serializer.builder().build();
    private static final SealingSerializer SERIALIZER = new SealingSerializer(JACKSON,
            new PersonalDataSeal(KEYS, JACKSON.getObjectMapper()));

    private final String accountId = UUID.randomUUID().toString();
    private final String handle = "handle" + accountId.substring(0, 8);
    private final String actorId = "https://remote.example/users/bob" + accountId.substring(0, 8);

    @Test
    void personalDataIsStoredSealedAndReadBackWhole() {
        AccountRegisteredEvent event = registered();
        byte[] stored = SERIALIZER.serialize(event, byte[].class).getData();

        assertThat(text(stored)).doesNotContain(handle).doesNotContain("Robin Quill").doesNotContain("1984-02-29")
                .contains("$sealed").contains(accountId).contains("\"country\":\"NZ\"");
        assertThat((Object) read(stored)).isEqualTo(event);
    }

    @Test
    void eachValueGetsItsOwnNonce() {
        byte[] first = SERIALIZER.serialize(registered(), byte[].class).getData();
        byte[] second = SERIALIZER.serialize(registered(), byte[].class).getData();
        assertThat(text(first)).isNotEqualTo(text(second));
    }

    @Test
    void erasingTheSubjectsKeyLeavesAStablePlaceholderAndTheRestOfTheEvent() {
        byte[] stored = SERIALIZER.serialize(registered(), byte[].class).getData();
        assertThat(KEYS.erase(accountId, AT)).isTrue();

        AccountRegisteredEvent erased = read(stored);
        assertThat(erased.accountId()).isEqualTo(accountId);
        assertThat(erased.country()).isEqualTo("NZ");
        assertThat(erased.personal().handle()).startsWith("urn:weft:erased:").doesNotContain(handle);
        assertThat(erased.personal().displayName()).isEqualTo(erased.personal().handle());
        assertThat(erased.personal().birthDate()).isNull();
        assertThat((Object) read(stored)).as("stable").isEqualTo(erased);
    }

    @Test
    void oneEventCarriesTwoSubjectsAndEachIsErasedAlone() {
        RemoteReplyRecordedEvent reply = new RemoteReplyRecordedEvent("post-1", accountId, actorId + "/replies/1", AT,
                RemoteActor.of(actorId), new ReplyContent("what Bob wrote"));
        byte[] stored = SERIALIZER.serialize(reply, byte[].class).getData();
        assertThat(text(stored)).doesNotContain(actorId).doesNotContain("what Bob wrote")
                .contains("\"host\":\"remote.example\"");

        KEYS.erase(actorId, AT);
        RemoteReplyRecordedEvent erased = read(stored);
        assertThat(erased.accountId()).isEqualTo(accountId);
        assertThat(erased.actor().actorId()).startsWith("urn:weft:erased:");
        assertThat(erased.actor().host()).as("the audit skeleton keeps the host").isEqualTo("remote.example");
        assertThat(erased.content().text()).startsWith("urn:weft:erased:");
        assertThat(erased.replyId()).startsWith("urn:weft:erased:");
    }

    @Test
    void aPathReachesIntoANestedValueForItsSubject() {
        RemoteFollowRequestedEvent follow = new RemoteFollowRequestedEvent("follow-1", accountId, actorId + "#follow",
                AT, new FollowerEndpoints(RemoteActor.of(actorId), actorId + "/inbox", "https://remote.example/inbox"));
        byte[] stored = SERIALIZER.serialize(follow, byte[].class).getData();
        assertThat(text(stored)).doesNotContain(actorId).doesNotContain("https://remote.example/inbox");
        assertThat((Object) read(stored)).isEqualTo(follow);

        KEYS.erase(actorId, AT);
        RemoteFollowRequestedEvent erased = read(stored);
        assertThat(erased.follower().inbox()).startsWith("urn:weft:erased:");
        assertThat(erased.follower().sharedInbox()).startsWith("urn:weft:erased:");
    }

    @Test
    void eachRecordOfAListIsSealedUnderTheSubjectTheEventNames() {
        Destination server = Destination.server("remote.example");
        CopyDeliveryAttempt attempt = new CopyDeliveryAttempt(CopyIds.of("post-1", server), server, 1,
                DeliveryOutcome.DELIVERED, 202, null, null, AT, actorId + "/inbox");
        CopyDeliveriesAttemptedEvent batch = new CopyDeliveriesAttemptedEvent("report-1", "post-1", accountId,
                List.of(attempt, attempt));
        byte[] stored = SERIALIZER.serialize(batch, byte[].class).getData();
        assertThat(text(stored)).doesNotContain(actorId).contains("\"key\":\"remote.example\"");
        assertThat((Object) read(stored)).isEqualTo(batch);

        KEYS.erase(accountId, AT);
        CopyDeliveriesAttemptedEvent erased = read(stored);
        assertThat(erased.attempts()).hasSize(2).allSatisfy(a -> {
            assertThat(a.inbox()).startsWith("urn:weft:erased:");
            assertThat(a.destination()).as("the audit skeleton keeps the server").isEqualTo(server);
        });
    }

    @Test
    void dataAboutASubjectAlreadyErasedIsNeverStoredReadable() {
        KEYS.erase(accountId, AT);
        byte[] stored = SERIALIZER.serialize(registered(), byte[].class).getData();
        assertThat(text(stored)).doesNotContain(handle).doesNotContain("$sealed");
        AccountRegisteredEvent read = read(stored);
        assertThat(read.personal().handle()).isEqualTo("urn:weft:erased:erased");
    }

    @Test
    void eventsStoredBeforeSealingAreReadAsTheyWere() {
        AccountRegisteredEvent event = registered();
        byte[] plain = JACKSON.serialize(event, byte[].class).getData();
        assertThat(text(plain)).contains(handle);
        assertThat((Object) read(plain)).isEqualTo(event);
    }

    @Test
    void anEventWithoutPersonalDataPassesUntouched() {
        var deleted = new dev.weft.domain.accounts.AccountDeletedEvent(accountId, AT);
        assertThat(text(SERIALIZER.serialize(deleted, byte[].class).getData()))
                .isEqualTo(text(JACKSON.serialize(deleted, byte[].class).getData()));
    }

    private AccountRegisteredEvent registered() {
        return new AccountRegisteredEvent(accountId, true, "NZ", "hash", AT,
                new AccountPersonalData(handle, "Robin Quill", LocalDate.parse("1984-02-29")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(byte[] stored) {
        SerializedObject<byte[]> serialized = new org.axonframework.serialization.SimpleSerializedObject<>(stored,
                byte[].class, JACKSON.typeForClass(typeOf(stored)));
        return (T) SERIALIZER.deserialize(serialized);
    }

    /** Tests store one type per test; the type travels beside the payload in the real store. */
    private static Class<?> typeOf(byte[] stored) {
        String json = text(stored);
        if (json.contains("\"reportId\"")) {
            return CopyDeliveriesAttemptedEvent.class;
        }
        if (json.contains("\"replyId\"")) {
            return RemoteReplyRecordedEvent.class;
        }
        return json.contains("\"followId\"") ? RemoteFollowRequestedEvent.class : AccountRegisteredEvent.class;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static EncryptionKey key() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return new EncryptionKey(new WeftProperties(null, null, null, null,
                new WeftProperties.Security(null, null, Base64.getEncoder().encodeToString(raw)), null, null));
    }
}
