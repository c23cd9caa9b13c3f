package dev.weft.api.accounts;

import dev.weft.api.security.Access;
import dev.weft.application.links.LinkCommands;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.links.NewLink;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.accounts.LinkResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Links to accounts on other platforms. Secrets go in and never come out. Linking checks
 * them with the platform first: refused credentials are a 422 and nothing is stored.
 * Linking an account that is linked already gives that link fresh credentials (200).
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/links")
public class LinksController {
    private final LinkCommands commands;
    private final LinkDirectory directory;
    private final Access access;

    public LinksController(LinkCommands commands, LinkDirectory directory, Access access) {
        this.commands = commands;
        this.directory = directory;
        this.access = access;
    }

    /**
     * externalAccountId: a Facebook page id or a Bluesky handle (required there; Mastodon and
     * Threads tokens name their account). instanceUrl: the Mastodon instance, or a Bluesky
     * PDS other than bsky.social. accessToken for Mastodon, Threads and Facebook; appPassword
     * for Bluesky. overflow: refuse (default), truncate or thread. crossPostByDefault left out
     * is false: nothing goes to a platform unless the person said so.
     */
    public record LinkRequest(@NotBlank String platform, String externalAccountId, String instanceUrl,
                              String accessToken, String appPassword, Instant tokenExpiresAt,
                              Boolean crossPostByDefault, String overflow) {
        @Override
        public String toString() {
            return "LinkRequest[" + platform + ", " + externalAccountId + ", " + instanceUrl + "]";
        }
    }

    public record LinkSettings(Boolean crossPostByDefault, String overflow) {
    }

    @PostMapping
    public ResponseEntity<LinkView> link(@PathVariable String accountId, @Valid @RequestBody LinkRequest request) {
        access.requireOwner(accountId);
        LinkResult result = commands.link(accountId, new NewLink(request.platform(), request.externalAccountId(),
                request.instanceUrl(), request.accessToken(), request.appPassword(), request.tokenExpiresAt(),
                Boolean.TRUE.equals(request.crossPostByDefault()), request.overflow()));
        LinkView link = find(accountId, result.linkId());
        if (result.reauthorized()) {
            return ResponseEntity.ok(link);
        }
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/links/" + result.linkId()))
                .body(link);
    }

    @GetMapping
    public List<LinkView> list(@PathVariable String accountId) {
        access.requireReader(accountId);
        return directory.linksOf(accountId);
    }

    @GetMapping("/{linkId}")
    public LinkView get(@PathVariable String accountId, @PathVariable String linkId) {
        access.requireReader(accountId);
        return find(accountId, linkId);
    }

    @PatchMapping("/{linkId}")
    public LinkView change(@PathVariable String accountId, @PathVariable String linkId,
                           @RequestBody LinkSettings settings) {
        access.requireOwner(accountId);
        commands.changeSettings(accountId, linkId, settings.crossPostByDefault(), settings.overflow());
        return find(accountId, linkId);
    }

    /** deleteCopies=true also asks the platform to delete every copy published there. */
    @DeleteMapping("/{linkId}")
    public ResponseEntity<Void> unlink(@PathVariable String accountId, @PathVariable String linkId,
                                       @RequestParam(defaultValue = "false") boolean deleteCopies) {
        access.requireOwner(accountId);
        commands.unlink(accountId, linkId, deleteCopies);
        return ResponseEntity.noContent().build();
    }

    private LinkView find(String accountId, String linkId) {
        return directory.linksOf(accountId).stream().filter(l -> l.id().equals(linkId)).findFirst()
                .orElseThrow(() -> new NotFoundException("linkId", "no link " + linkId + " on this account"));
    }
}
