package dev.weft.api.admin;

import dev.weft.api.security.Access;
import dev.weft.application.federation.delivery.DeliveryAdmin;
import dev.weft.application.federation.inbox.InboxAdmin;
import dev.weft.application.federation.delivery.DeliveryAdmin.ServerFilter;
import dev.weft.application.federation.delivery.DeliveryServerView;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as operators run it: which servers fail, and sending again once they are fixed. */
@RestController
@RequestMapping("/api/v1/admin")
public class FederationAdminController {
    private final DeliveryAdmin deliveries;
    private final InboxAdmin inbox;
    private final Access access;

    public FederationAdminController(DeliveryAdmin deliveries, InboxAdmin inbox, Access access) {
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.access = access;
    }

    @GetMapping("/inbox")
    public InboxAdmin.InboxStatus inbox() {
        access.requireOperatorOrAuditor();
        return inbox.status();
    }

    @PostMapping("/inbox/retry")
    public Map<String, Object> retryInbox() {
        access.requireOperator();
        return Map.of("retried", inbox.retryFailed());
    }

    @GetMapping("/servers")
    public List<DeliveryServerView> servers(@RequestParam(defaultValue = "all") String state) {
        access.requireOperatorOrAuditor();
        return deliveries.servers(filter(state));
    }

    @PostMapping("/deliveries/{id}/redeliver")
    public Map<String, String> redeliver(@PathVariable String id) {
        access.requireOperator();
        switch (deliveries.redeliver(id)) {
            case UNKNOWN -> throw new NotFoundException("id", "no delivery " + id);
            case WITHDRAWN -> throw new ConflictException("id", "delivery " + id
                    + " was withdrawn before its post's Delete and is never sent");
            case RECALLED -> throw new ConflictException("id", "delivery " + id
                    + " carries a post whose copy there was recalled by a Delete; sent again, it would bring it back");
            case IN_FLIGHT -> throw new ConflictException("id", "delivery " + id
                    + " is being sent right now; try again once it has settled");
            case PENDING_AGAIN -> {
            }
        }
        return Map.of("id", id, "state", "pending");
    }

    @PostMapping("/servers/{host}/redeliver")
    public Map<String, Object> redeliverServer(@PathVariable String host) {
        access.requireOperator();
        return Map.of("host", host, "deliveries", deliveries.redeliverServer(host), "state", "available");
    }

    private static ServerFilter filter(String state) {
        try {
            return ServerFilter.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("state", "state must be unavailable, failing or all, not '" + state + "'");
        }
    }
}
