package dev.weft.api.federation.documents;

import static dev.weft.application.federation.documents.Html.escape;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.api.federation.HtmlPages;
import dev.weft.api.federation.PublishedActors;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.documents.ProfileLinks;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The profile people open. Its rel="me" links let each linked platform verify that this
 * profile and the account there belong to the same person; the alternate link leads
 * fediverse software from the page to the actor.
 */
@RestController
public class ProfilePageController {
    private final PublishedActors actors;
    private final LinkDirectory links;
    private final FederationUrls urls;

    public ProfilePageController(PublishedActors actors, LinkDirectory links, FederationUrls urls) {
        this.actors = actors;
        this.links = links;
        this.urls = urls;
    }

    @GetMapping("/@{handle}")
    public ResponseEntity<String> profile(@PathVariable String handle) {
        AccountView account = actors.byHandle(handle);
        if (account.deleted()) {
            return ActivityResponses.html(HttpStatus.GONE,
                    HtmlPages.page("Gone", "", "<p>This account was deleted.</p>"));
        }
        String name = account.displayName().isBlank() ? account.handle() : account.displayName();
        String actor = urls.actor(account.handle());
        StringBuilder body = new StringBuilder()
                .append("<h1>").append(escape(name)).append("</h1>\n")
                .append("<p>@").append(escape(account.handle())).append('@').append(escape(host())).append("</p>\n");
        StringBuilder elsewhere = new StringBuilder();
        for (LinkView link : links.linksOf(account.id())) {
            ProfileLinks.profileUrl(link).ifPresent(url -> elsewhere.append("<li>")
                    .append(escape(ProfileLinks.platformName(link))).append(": <a rel=\"me\" href=\"")
                    .append(escape(url)).append("\">").append(escape(url)).append("</a></li>\n"));
        }
        if (!elsewhere.isEmpty()) {
            body.append("<ul>\n").append(elsewhere).append("</ul>\n");
        }
        String head = "<link rel=\"alternate\" type=\"application/activity+json\" href=\"" + escape(actor) + "\">\n";
        return ActivityResponses.html(HttpStatus.OK, HtmlPages.page(name, head, body.toString()));
    }

    private String host() {
        return URI.create(urls.base()).getAuthority();
    }
}
