package dev.weft.infrastructure.links;

import dev.weft.application.links.LinkCredentialVault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Access tokens encrypted with AES-256-GCM. The link id is bound in as associated data, so
 * a ciphertext copied onto another link's row fails to decrypt instead of leaking.
 */
@Component
public class EncryptedLinkCredentialVault implements LinkCredentialVault {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final JdbcTemplate jdbc;
    private final EncryptionKey key;
    private final SecureRandom random = new SecureRandom();

    public EncryptedLinkCredentialVault(JdbcTemplate jdbc, EncryptionKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    public void store(String linkId, String accountId, String accessToken) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, linkId, nonce, accessToken.getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO vault.link_credential (link_id, account_id, key_id, nonce, ciphertext, stored_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", linkId, accountId, key.id(), nonce, ciphertext, Timestamp.from(Instant.now()));
    }

    /** For the cross-posting connectors: the token in clear, only in memory. */
    public String reveal(String linkId) {
        return jdbc.query("SELECT nonce, ciphertext FROM vault.link_credential WHERE link_id = ?",
                rs -> rs.next() ? new String(crypt(Cipher.DECRYPT_MODE, linkId, rs.getBytes("nonce"),
                        rs.getBytes("ciphertext")), StandardCharsets.UTF_8) : null, linkId);
    }

    private byte[] crypt(int mode, String linkId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(linkId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("link credential " + linkId + " could not be processed", e);
        }
    }
}
