package dev.weft.api.portability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.federation.remote.RemoteActorProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ArchiveFilesTest {
    private static RemoteActorProfile profile(String username, String host) {
        return new RemoteActorProfile("https://" + host + "/users/" + username, "Person", username, null,
                "https://" + host + "/inbox", null, host, Map.of(), List.of());
    }

    @Test
    void aKnownActorIsWrittenAsUserAtHost() {
        assertThat(ArchiveFiles.address("https://social.example/users/bob",
                Optional.of(profile("bob", "social.example")))).isEqualTo("bob@social.example");
    }

    @Test
    void anActorNeverFetchedKeepsItsIri() {
        assertThat(ArchiveFiles.address("https://social.example/users/bob", Optional.empty()))
                .isEqualTo("https://social.example/users/bob");
        assertThat(ArchiveFiles.address("https://social.example/users/bob", Optional.of(profile("", "x.example"))))
                .isEqualTo("https://social.example/users/bob");
    }

    @Test
    void followingIsMastodonsImportFormWithItsDefaults() {
        assertThat(ArchiveFiles.followingCsv(List.of("bob@social.example", "cy@other.example")))
                .isEqualTo("Account address,Show boosts,Notify on new posts,Languages\n"
                        + "bob@social.example,true,false,\n"
                        + "cy@other.example,true,false,\n");
    }

    @Test
    void followersAreOneAddressALineUnderAHeader() {
        assertThat(ArchiveFiles.followersCsv(List.of("bob@social.example")))
                .isEqualTo("Account address\nbob@social.example\n");
        assertThat(ArchiveFiles.followersCsv(List.of())).isEqualTo("Account address\n");
    }

    @Test
    void aFieldWithACommaOrQuoteIsQuoted() {
        assertThat(ArchiveFiles.field("https://x.example/a,b")).isEqualTo("\"https://x.example/a,b\"");
        assertThat(ArchiveFiles.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ArchiveFiles.field("bob@x.example")).isEqualTo("bob@x.example");
    }

    @Test
    void theZipHoldsEachFileInOrderAsUtf8() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.json", "{\"text\": \"héllo\"}");
        files.put("b.csv", "Account address\n");

        Map<String, String> read = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ArchiveFiles.zip(files)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                read.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(read).containsExactlyEntriesOf(files);
    }
}
