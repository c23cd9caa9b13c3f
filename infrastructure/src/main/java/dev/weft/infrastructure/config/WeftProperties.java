package dev.weft.infrastructure.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The structured settings under {@code weft.*}; the pool size and the operator and auditor
 * tokens are read where they are used. The README's configuration table lists them all.
 */
@ConfigurationProperties("weft")
public record WeftProperties(Path dataDir, String baseUrl, Db db, Fediverse fediverse, Security security) {

    public WeftProperties {
        dataDir = dataDir == null ? Path.of("var") : dataDir;
        baseUrl = baseUrl == null ? "http://localhost:8080" : stripTrailingSlash(baseUrl);
        db = db == null ? new Db(null, null, null) : db;
        fediverse = fediverse == null ? new Fediverse(null, null) : fediverse;
        security = security == null ? new Security(null, null, null) : security;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An external PostgreSQL; when url is blank the embedded one starts instead. */
    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** eligibleCountries empty means every country. */
    public record Fediverse(String consentVersion, List<String> eligibleCountries) {
        public Fediverse {
            consentVersion = consentVersion == null || consentVersion.isBlank() ? "2026-11" : consentVersion;
            eligibleCountries = eligibleCountries == null ? List.of() : eligibleCountries.stream()
                    .filter(c -> !c.isBlank()).map(String::strip).map(String::toUpperCase).toList();
        }
    }

    /** encryptionKey: base64 of 32 bytes; when absent a key is generated under the data dir. */
    public record Security(String operatorToken, String auditorToken, String encryptionKey) {
    }
}
