package dev.weft.api.portability;

import dev.weft.application.federation.remote.RemoteActorProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The forms other services read: Mastodon's import CSVs, account addresses, and the ZIP itself. */
final class ArchiveFiles {
    /** Mastodon's following import expects exactly these columns (app/models/form/import.rb). */
    static final String FOLLOWING_HEADER = "Account address,Show boosts,Notify on new posts,Languages";
    /** Mastodon writes its followers lists with this one column; nothing imports followers anywhere. */
    static final String FOLLOWERS_HEADER = "Account address";

    private ArchiveFiles() {
    }

    /**
     * user@host, as Mastodon imports an account; an actor never fetched has no known name, so
     * its IRI is written instead: a human can still find it, and an import skips only that row.
     */
    static String address(String actorId, Optional<RemoteActorProfile> profile) {
        return profile.filter(p -> p.preferredUsername() != null && !p.preferredUsername().isBlank())
                .map(p -> p.preferredUsername() + "@" + p.host()).orElse(actorId);
    }

    /** Boosts shown and no notifications: Mastodon's defaults for a follow. */
    static String followingCsv(List<String> addresses) {
        StringBuilder csv = new StringBuilder(FOLLOWING_HEADER).append('\n');
        addresses.forEach(a -> csv.append(field(a)).append(",true,false,\n"));
        return csv.toString();
    }

    static String followersCsv(List<String> addresses) {
        StringBuilder csv = new StringBuilder(FOLLOWERS_HEADER).append('\n');
        addresses.forEach(a -> csv.append(field(a)).append('\n'));
        return csv.toString();
    }

    /** Quoted only when needed, so a plain address reads as Mastodon writes it. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
