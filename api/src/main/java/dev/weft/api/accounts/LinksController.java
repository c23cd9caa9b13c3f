package dev.weft.api.accounts;

import dev.weft.api.security.Access;
import dev.weft.application.links.LinkCommands;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.links.NewLink;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Links to accounts on other platforms. Access tokens go in and never come out. */
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

    public record LinkRequest(@NotBlank String platform, @NotBlank String externalAccountId, String instanceUrl,
                              @NotBlank String accessToken, boolean crossPostByDefault) {
    }

    @PostMapping
    public ResponseEntity<LinkView> link(@PathVariable String accountId, @Valid @RequestBody LinkRequest request) {
        access.requireOwner(accountId);
        String linkId = commands.link(accountId, new NewLink(request.platform(), request.externalAccountId(),
                request.instanceUrl(), request.accessToken(), request.crossPostByDefault()));
        LinkView link = directory.linksOf(accountId).stream().filter(l -> l.id().equals(linkId)).findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/links/" + linkId)).body(link);
    }

    @GetMapping
    public List<LinkView> list(@PathVariable String accountId) {
        access.requireReader(accountId);
        return directory.linksOf(accountId);
    }

    @DeleteMapping("/{linkId}")
    public ResponseEntity<Void> unlink(@PathVariable String accountId, @PathVariable String linkId) {
        access.requireOwner(accountId);
        commands.unlink(accountId, linkId);
        return ResponseEntity.noContent().build();
    }
}
