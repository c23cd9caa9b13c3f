package dev.weft.infrastructure.links;

import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.LinkSecrets;
import dev.weft.application.links.LinkCredentialVault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Link secrets encrypted with AES-256-GCM, a fresh nonce each time one is written. The
 * link id is bound in as associated data, so a ciphertext copied onto another link's row
 * fails to decrypt instead of leaking. The plaintext is a small JSON document; rows written
 * before there was one hold a bare access token (secret_format 'token').
 */
@Component
public class EncryptedLinkCredentialVault implements LinkCredentialVault, LinkSecrets {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String FORMAT = "secret-v1";
    private final JdbcTemplate jdbc;
    private final EncryptionKey key;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    public EncryptedLinkCredentialVault(JdbcTemplate jdbc, EncryptionKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    public void store(String linkId, String accountId, LinkSecret secret) {
        byte[] nonce = nonce();
        jdbc.update("INSERT INTO vault.link_credential (link_id, account_id, key_id, nonce, ciphertext, stored_at, "
                        + "secret_format, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (link_id) DO UPDATE "
                        + "SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, "
                        + "stored_at = EXCLUDED.stored_at, secret_format = EXCLUDED.secret_format, "
                        + "expires_at = EXCLUDED.expires_at, retired_at = NULL",
                linkId, accountId, key.id(), nonce, encrypt(linkId, nonce, secret), ts(Instant.now()), FORMAT,
                ts(secret.expiresAt()));
    }

    /** Only in memory, and only for a connector about to use it. */
    @Override
    public Optional<LinkSecret> reveal(String linkId) {
        return jdbc.query("SELECT nonce, ciphertext, secret_format FROM vault.link_credential WHERE link_id = ?",
                rs -> rs.next() ? Optional.of(decrypt(linkId, rs.getBytes("nonce"), rs.getBytes("ciphertext"),
                        rs.getString("secret_format"))) : Optional.empty(), linkId);
    }

    /** A link erased meanwhile stays erased: a refresh writes only over a row that still exists. */
    @Override
    public void replace(String linkId, LinkSecret secret) {
        byte[] nonce = nonce();
        jdbc.update("UPDATE vault.link_credential SET key_id = ?, nonce = ?, ciphertext = ?, stored_at = ?, "
                        + "secret_format = ?, expires_at = ? WHERE link_id = ?", key.id(), nonce,
                encrypt(linkId, nonce, secret), ts(Instant.now()), FORMAT, ts(secret.expiresAt()), linkId);
    }

    private byte[] encrypt(String linkId, byte[] nonce, LinkSecret secret) {
        ObjectNode document = json.createObjectNode();
        document.put("accessToken", secret.accessToken());
        document.put("refreshToken", secret.refreshToken());
        document.put("expiresAt", secret.expiresAt() == null ? null : secret.expiresAt().toString());
        document.put("appPassword", secret.appPassword());
        return crypt(Cipher.ENCRYPT_MODE, linkId, nonce, json.writeValueAsBytes(document));
    }

    private LinkSecret decrypt(String linkId, byte[] nonce, byte[] ciphertext, String format) {
        String plain = new String(crypt(Cipher.DECRYPT_MODE, linkId, nonce, ciphertext), StandardCharsets.UTF_8);
        if (!FORMAT.equals(format)) {
            return LinkSecret.token(plain, null);
        }
        JsonNode document = json.readTree(plain);
        String expiresAt = text(document, "expiresAt");
        return new LinkSecret(text(document, "accessToken"), text(document, "refreshToken"),
                expiresAt == null ? null : Instant.parse(expiresAt), text(document, "appPassword"));
    }

    private static String text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
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
