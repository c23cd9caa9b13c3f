package dev.weft.infrastructure.privacy;

import static dev.weft.infrastructure.shared.Rows.ts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.application.remotepeople.PersonalDataKeys;
import dev.weft.infrastructure.links.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One AES-256 key per data subject (a local account, a remote actor), wrapped with the
 * engine's encryption key in privacy.subject_key. A subject is found by a keyed digest of
 * its id, never by the id itself. Erasing a key leaves a tombstone row, so no later
 * get-or-create makes a fresh key for a subject that was erased: data about them arriving
 * afterwards is stored as a placeholder, not under a new key.
 *
 * <p>Keys are cached for a minute; an erasure on another node reaches this one's readers
 * within that minute. A key made inside a transaction is cached only once it commits, so a
 * rolled-back key is never used for data that outlives it.
 */
@Component
public class SubjectKeys implements PersonalDataKeys {
    static final Duration CACHE_EXPIRY = Duration.ofMinutes(1);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final EncryptionKey master;
    private final KeyedDigest digests;
    private final ErasureJournal journal;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<SubjectKey>> bySubject = cache();
    private final Cache<String, Optional<SecretKey>> byKeyId = cache();
    private final Cache<String, Boolean> erasedByDigest = cache();

    public SubjectKeys(JdbcTemplate jdbc, EncryptionKey master, KeyedDigest digests, ErasureJournal journal) {
        this.jdbc = jdbc;
        this.master = master;
        this.digests = digests;
        this.journal = journal;
    }

    /** A subject's key and its id, made the first time; empty once the subject was erased. */
    public Optional<SubjectKey> keyFor(String subjectId) {
        String digest = digest(subjectId);
        Optional<SubjectKey> cached = bySubject.getIfPresent(digest);
        if (cached != null) {
            return cached;
        }
        Optional<SubjectKey> stored = stored(digest);
        if (stored.isPresent() || erasedDigest(digest)) {
            bySubject.put(digest, stored);
            return stored;
        }
        return Optional.of(created(digest));
    }

    /** The placeholder is the one {@link PersonalDataSeal} writes into each envelope under this key. */
    @Override
    public Optional<String> placeholderOf(String subjectId) {
        return stored(digest(subjectId)).map(key -> ErasedText.PREFIX + key.keyId());
    }

    /** Asked for every activity an inbox receives, so an answer is kept for a minute. */
    @Override
    public boolean erased(String subjectId) {
        return erasedByDigest.get(digest(subjectId), this::erasedDigest);
    }

    /** As {@link #erased}, asking the database now rather than the cache. */
    boolean erasedNow(String subjectId) {
        return erasedDigest(digest(subjectId));
    }

    /** The key a sealed value names; empty once its subject was erased (or it never committed). */
    public Optional<SecretKey> byId(String keyId) {
        return byKeyId.get(keyId, id -> jdbc.query("SELECT nonce, wrapped_key FROM privacy.subject_key "
                + "WHERE key_id = ? AND wrapped_key IS NOT NULL", rs -> rs.next()
                ? Optional.of(unwrap(id, rs.getBytes("nonce"), rs.getBytes("wrapped_key"))) : Optional.empty(), id));
    }

    /**
     * Erases the subject's key, or leaves a tombstone for a subject never seen, so nothing
     * about them is stored readable from now on.
     *
     * @return whether a key was erased by this call
     */
    public boolean erase(String subjectId, Instant at) {
        String digest = digest(subjectId);
        int erased = jdbc.update("UPDATE privacy.subject_key SET nonce = NULL, wrapped_key = NULL, erased_at = ? "
                + "WHERE subject_digest = ? AND erased_at IS NULL", ts(at), digest);
        jdbc.update("INSERT INTO privacy.subject_key (key_id, subject_digest, created_at, erased_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (subject_digest) DO NOTHING", UUID.randomUUID().toString(), digest,
                ts(at), ts(at));
        journal.record(digest, at);
        bySubject.invalidate(digest);
        erasedByDigest.invalidate(digest);
        byKeyId.invalidateAll();
        return erased > 0;
    }

    /** A keyed digest: the subject id cannot be recovered from it, nor guessed without the engine's key. */
    public String digest(String subjectId) {
        return digests.of("subject", subjectId);
    }

    private Optional<SubjectKey> stored(String digest) {
        return jdbc.query("SELECT key_id, nonce, wrapped_key FROM privacy.subject_key WHERE subject_digest = ? "
                + "AND wrapped_key IS NOT NULL", rs -> rs.next() ? Optional.of(new SubjectKey(rs.getString("key_id"),
                unwrap(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("wrapped_key"))))
                : Optional.empty(), digest);
    }

    private boolean erasedDigest(String digest) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM privacy.subject_key "
                + "WHERE subject_digest = ? AND erased_at IS NOT NULL)", Boolean.class, digest));
    }

    /** Two writers racing for one subject agree on the first key committed. */
    private SubjectKey created(String digest) {
        SecretKey key = newKey();
        String keyId = UUID.randomUUID().toString();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        jdbc.update("INSERT INTO privacy.subject_key (key_id, subject_digest, nonce, wrapped_key, created_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject_digest) DO NOTHING", keyId, digest, nonce,
                wrap(keyId, nonce, key), ts(Instant.now()));
        Optional<SubjectKey> winner = stored(digest);
        SubjectKey chosen = winner.orElseThrow(() -> new IllegalStateException("subject was erased meanwhile"));
        cacheOnceCommitted(digest, chosen);
        return chosen;
    }

    private void cacheOnceCommitted(String digest, SubjectKey key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            bySubject.put(digest, Optional.of(key));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bySubject.put(digest, Optional.of(key));
            }
        });
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private byte[] wrap(String keyId, byte[] nonce, SecretKey key) {
        return crypt(Cipher.ENCRYPT_MODE, keyId, nonce, key.getEncoded());
    }

    private SecretKey unwrap(String keyId, byte[] nonce, byte[] wrapped) {
        return new SecretKeySpec(crypt(Cipher.DECRYPT_MODE, keyId, nonce, wrapped), "AES");
    }

    private byte[] crypt(int mode, String keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("subject key " + keyId + " could not be processed", e);
        }
    }

    private static <K, V> Cache<K, V> cache() {
        return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(CACHE_EXPIRY).build();
    }

    /** A subject's key, with the id that sealed values carry instead of the subject. */
    public record SubjectKey(String keyId, SecretKey secret) {
    }
}
