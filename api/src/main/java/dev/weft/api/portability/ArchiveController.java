package dev.weft.api.portability;

import dev.weft.api.security.Access;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.GoneException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's archive, to take to another service. Only their own token gets it: an auditor
 * reads the record of what was shared, not a person's whole account.
 */
@RestController
public class ArchiveController {
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private final AccountArchive archive;
    private final AccountDirectory accounts;
    private final Access access;

    public ArchiveController(AccountArchive archive, AccountDirectory accounts, Access access) {
        this.archive = archive;
        this.accounts = accounts;
        this.access = access;
    }

    @GetMapping("/api/v1/accounts/{accountId}/export")
    public ResponseEntity<byte[]> export(@PathVariable String accountId) {
        access.requireOwner(accountId);
        AccountView account = accounts.find(accountId)
                .orElseThrow(() -> new NotFoundException("accountId", "no account " + accountId));
        if (account.deleted()) {
            throw new GoneException("accountId", "account " + accountId + " was deleted");
        }
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("weft-" + account.handle() + ".zip").build().toString())
                .body(ArchiveFiles.zip(archive.files(account)));
    }
}
