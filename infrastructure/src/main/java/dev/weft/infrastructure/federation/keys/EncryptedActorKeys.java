package dev.weft.infrastructure.federation.keys;

import static dev.weft.infrastructure.shared.Rows.ts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.federation.keys.ErasedKeysException;
import dev.weft.infrastructure.links.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Actor key pairs kept in federation.actor_key, private halves encrypted with AES-256-GCM.
 * Pairs are made on first use; two nodes making them at once both insert with ON CONFLICT DO
 * NOTHING and both read back the one that won, so an actor never has two keys.
 */
@Component
public class EncryptedActorKeys implements ActorKeys {
    static final String INSTANCE = "instance";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Every delivery signs, and decrypting and parsing a pair costs more than the signature
     * would gain from; the expiry bounds how long another node keeps using erased keys.
     */
    private static final Duration CACHE_EXPIRY = Duration.ofMinutes(10);
    private final JdbcTemplate jdbc;
    private final EncryptionKey key;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, ActorKeyPairs> pairs = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_EXPIRY)
            .build();

    public EncryptedActorKeys(JdbcTemplate jdbc, EncryptionKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    public ActorKeyPairs forAccount(String accountId) {
        if (INSTANCE.equals(accountId)) {
            throw new IllegalArgumentException("'instance' names the server's actor, not an account");
        }
        return pairs.get(accountId, this::loadOrCreate);
    }

    @Override
    public ActorKeyPairs forInstance() {
        return pairs.get(INSTANCE, this::loadOrCreate);
    }

    @Override
    public void erase(String accountId) {
        jdbc.update("INSERT INTO federation.actor_key (owner_id, created_at, erased_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (owner_id) DO UPDATE SET rsa_public = NULL, rsa_private_nonce = NULL, "
                + "rsa_private = NULL, ed25519_public = NULL, ed25519_private_nonce = NULL, "
                + "ed25519_private = NULL, key_id = NULL, erased_at = EXCLUDED.erased_at",
                accountId, ts(Instant.now()), ts(Instant.now()));
        pairs.invalidate(accountId);
    }

    private ActorKeyPairs loadOrCreate(String ownerId) {
        return load(ownerId).orElseGet(() -> {
            insert(ownerId, generate("RSA", 2048), generate("Ed25519", 0));
            return load(ownerId).orElseThrow(() -> new IllegalStateException("keys of " + ownerId + " vanished"));
        });
    }

    private Optional<ActorKeyPairs> load(String ownerId) {
        List<ActorKeyPairs> rows = jdbc.query("SELECT * FROM federation.actor_key WHERE owner_id = ?",
                (rs, i) -> pairs(ownerId, rs), ownerId);
        return rows.stream().findFirst();
    }

    private ActorKeyPairs pairs(String ownerId, ResultSet rs) throws SQLException {
        if (rs.getTimestamp("erased_at") != null) {
            throw new ErasedKeysException(ownerId);
        }
        KeyPair rsa = new KeyPair(publicKey("RSA", rs.getBytes("rsa_public")), privateKey("RSA",
                decrypt(ownerId, "rsa", rs.getBytes("rsa_private_nonce"), rs.getBytes("rsa_private"))));
        KeyPair ed25519 = new KeyPair(publicKey("Ed25519", rs.getBytes("ed25519_public")), privateKey("Ed25519",
                decrypt(ownerId, "ed25519", rs.getBytes("ed25519_private_nonce"), rs.getBytes("ed25519_private"))));
        return new ActorKeyPairs(rsa, ed25519);
    }

    private void insert(String ownerId, KeyPair rsa, KeyPair ed25519) {
        byte[] rsaNonce = nonce();
        byte[] edNonce = nonce();
        jdbc.update("INSERT INTO federation.actor_key (owner_id, rsa_public, rsa_private_nonce, rsa_private, "
                        + "ed25519_public, ed25519_private_nonce, ed25519_private, key_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner_id) DO NOTHING",
                ownerId, rsa.getPublic().getEncoded(), rsaNonce,
                crypt(Cipher.ENCRYPT_MODE, ownerId, "rsa", rsaNonce, rsa.getPrivate().getEncoded()),
                ed25519.getPublic().getEncoded(), edNonce,
                crypt(Cipher.ENCRYPT_MODE, ownerId, "ed25519", edNonce, ed25519.getPrivate().getEncoded()),
                key.id(), ts(Instant.now()));
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private byte[] decrypt(String ownerId, String algorithm, byte[] nonce, byte[] ciphertext) {
        return crypt(Cipher.DECRYPT_MODE, ownerId, algorithm, nonce, ciphertext);
    }

    /** The owner and the algorithm are the associated data: a ciphertext moved to another row or column fails. */
    private byte[] crypt(int mode, String ownerId, String algorithm, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((ownerId + "#" + algorithm).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the " + algorithm + " key of " + ownerId + " could not be processed", e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " keys cannot be generated here", e);
        }
    }

    private static PublicKey publicKey(String algorithm, byte[] spki) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + algorithm + " public key is unreadable", e);
        }
    }

    private static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + algorithm + " private key is unreadable", e);
        }
    }
}
