package dev.weft.infrastructure.links;

import dev.weft.infrastructure.config.WeftProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key for secrets at rest: from weft.security.encryption-key, or else generated once
 * into the data dir (readable by its owner only) so the zero-config start still encrypts.
 */
@Component
public class EncryptionKey {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptionKey.class);
    private final SecretKey secretKey;
    private final String id;

    public EncryptionKey(WeftProperties properties) {
        byte[] raw = configuredOrGenerated(properties);
        if (raw.length != 32) {
            throw new IllegalStateException("weft.security.encryption-key must be base64 of exactly 32 bytes");
        }
        this.secretKey = new SecretKeySpec(raw, "AES");
        this.id = fingerprint(raw);
    }

    public SecretKey secretKey() {
        return secretKey;
    }

    /** Names the key without revealing it, so a rotation can tell old rows from new. */
    public String id() {
        return id;
    }

    private static byte[] configuredOrGenerated(WeftProperties properties) {
        String configured = properties.security().encryptionKey();
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.strip());
        }
        return generatedUnder(properties.dataDir().resolve("secrets").resolve("encryption.key"));
    }

    private static byte[] generatedUnder(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            createOwnerOnly(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw));
            LOG.warn("No weft.security.encryption-key configured: generated one in {}. Back it up with the database.",
                    file.toAbsolutePath());
            return raw;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or create the encryption key " + file, e);
        }
    }

    /** The file exists owner-only before the key is written into it, never readable by others. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            LOG.warn("This file system has no POSIX permissions; protect {} yourself", file);
            Files.createFile(file);
        }
    }

    private static String fingerprint(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
