package dev.weft.infrastructure.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The structured settings under {@code weft.*}; the pool size and the operator and auditor
 * tokens are read where they are used. The README's configuration table lists them all.
 */
@ConfigurationProperties("weft")
public record WeftProperties(Path dataDir, String baseUrl, Db db, Fediverse fediverse, Security security,
                             Federation federation, Crossposting crossposting) {

    public WeftProperties {
        dataDir = dataDir == null ? Path.of("var") : dataDir;
        baseUrl = baseUrl == null ? "http://localhost:8080" : stripTrailingSlash(baseUrl);
        db = db == null ? new Db(null, null, null) : db;
        fediverse = fediverse == null ? new Fediverse(null, null) : fediverse;
        security = security == null ? new Security(null, null, null) : security;
        federation = federation == null ? new Federation(null, null, null, null, null) : federation;
        crossposting = crossposting == null ? new Crossposting(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null) : crossposting;
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

    /**
     * ActivityPub. delay holds a new post back so edits inside it federate as the original
     * (Threads uses 15 minutes); allowedPrivateNetworks are CIDRs that outgoing requests may
     * reach although private or loopback (tests allow 127.0.0.0/8).
     */
    public record Federation(Duration delay, List<String> allowedPrivateNetworks, Delivery delivery,
                             DomainBlocks domainBlocks, String signatureScheme) {
        public Federation {
            delay = delay == null ? Duration.ZERO : delay;
            allowedPrivateNetworks = nonBlank(allowedPrivateNetworks);
            delivery = delivery == null ? new Delivery(null, null, null, null, null, null, null, null) : delivery;
            domainBlocks = domainBlocks == null ? new DomainBlocks(null, null) : domainBlocks;
            signatureScheme = signatureScheme == null || signatureScheme.isBlank() ? "draft-cavage" : signatureScheme;
        }
    }

    /**
     * How the outbox drains: retries back off exponentially from initialBackoff until
     * maxRetryDuration after the first attempt; a server whose deliveries fail on
     * unavailableAfterDays distinct days is skipped until it answers again.
     */
    public record Delivery(Duration maxRetryDuration, Duration initialBackoff, Duration connectTimeout,
                           Duration readTimeout, Long maxResponseBytes, Integer perHostConcurrency, Integer workers,
                           Integer unavailableAfterDays) {
        public Delivery {
            maxRetryDuration = maxRetryDuration == null ? Duration.ofDays(2) : maxRetryDuration;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
            maxResponseBytes = maxResponseBytes == null ? 1_048_576L : maxResponseBytes;
            perHostConcurrency = perHostConcurrency == null ? 4 : perHostConcurrency;
            workers = workers == null ? 16 : workers;
            unavailableAfterDays = unavailableAfterDays == null ? 7 : unavailableAfterDays;
        }
    }

    /**
     * Copies to linked accounts. Failures back off from initialBackoff for at most
     * maxRetryDuration; waits a platform asks for without saying how long last
     * waitWithoutHint. The base URLs point at each platform's API (tests point them at local
     * servers). A removed link's secret is kept at most credentialRetention for deleting
     * its copies (looked at every credentialSweepInterval); Threads tokens are renewed
     * threadsRefreshBefore their expiry, looked for every refreshInterval.
     */
    public record Crossposting(Integer workers, Duration pollInterval, Duration lease, Duration initialBackoff,
                               Duration maxRetryDuration, Duration waitWithoutHint, String threadsBaseUrl,
                               String facebookBaseUrl, String blueskyPds, String blueskyWebUrl,
                               Duration containerPollInterval, Duration containerInlineWait,
                               Duration containerRecheck, Duration instanceRulesTtl, Duration threadsRefreshBefore,
                               Duration credentialRetention, Duration refreshInterval,
                               Duration credentialSweepInterval) {
        public Crossposting {
            workers = workers == null ? 4 : workers;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
            maxRetryDuration = maxRetryDuration == null ? Duration.ofDays(2) : maxRetryDuration;
            waitWithoutHint = waitWithoutHint == null ? Duration.ofMinutes(5) : waitWithoutHint;
            threadsBaseUrl = orDefault(threadsBaseUrl, "https://graph.threads.net/v1.0");
            facebookBaseUrl = orDefault(facebookBaseUrl, "https://graph.facebook.com/v21.0");
            blueskyPds = orDefault(blueskyPds, "https://bsky.social");
            blueskyWebUrl = orDefault(blueskyWebUrl, "https://bsky.app");
            containerPollInterval = containerPollInterval == null ? Duration.ofSeconds(1) : containerPollInterval;
            containerInlineWait = containerInlineWait == null ? Duration.ofSeconds(30) : containerInlineWait;
            containerRecheck = containerRecheck == null ? Duration.ofMinutes(1) : containerRecheck;
            instanceRulesTtl = instanceRulesTtl == null ? Duration.ofHours(1) : instanceRulesTtl;
            threadsRefreshBefore = threadsRefreshBefore == null ? Duration.ofDays(10) : threadsRefreshBefore;
            credentialRetention = credentialRetention == null ? Duration.ofDays(30) : credentialRetention;
            refreshInterval = refreshInterval == null ? Duration.ofHours(1) : refreshInterval;
            credentialSweepInterval = credentialSweepInterval == null ? Duration.ofMinutes(1)
                    : credentialSweepInterval;
        }

        private static String orDefault(String url, String fallback) {
            return url == null || url.isBlank() ? fallback : url.endsWith("/") ? url.substring(0, url.length() - 1)
                    : url;
        }
    }

    /** suspend: nothing in, nothing out; silence: accepted, but no notifications. */
    public record DomainBlocks(List<String> suspend, List<String> silence) {
        public DomainBlocks {
            suspend = nonBlank(suspend);
            silence = nonBlank(silence);
        }
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).map(String::toLowerCase).toList();
    }
}
