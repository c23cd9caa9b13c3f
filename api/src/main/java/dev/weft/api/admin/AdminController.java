package dev.weft.api.admin;

import dev.weft.api.security.Access;
import dev.weft.application.projections.ProjectionAdmin;
import dev.weft.application.projections.ProjectionStatus;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
public class AdminController {
    private final ProjectionAdmin projections;
    private final Access access;

    public AdminController(ProjectionAdmin projections, Access access) {
        this.projections = projections;
        this.access = access;
    }

    @GetMapping("/projections")
    public List<ProjectionStatus> projections() {
        access.requireOperatorOrAuditor();
        return projections.statuses();
    }

    /** Retries parked events once the cause is fixed; those that fail again stay parked. */
    @PostMapping("/projections/{name}/dead-letters/retry")
    public Map<String, Object> retryDeadLetters(@PathVariable String name) {
        access.requireOperator();
        return Map.of("name", name, "sequencesCleared", projections.retryDeadLetters(name));
    }

    @PostMapping("/projections/{name}/rebuild")
    public ResponseEntity<Map<String, String>> rebuild(@PathVariable String name) {
        access.requireOperator();
        projections.rebuild(name);
        return ResponseEntity.accepted().body(Map.of("name", name, "state", "rebuilding"));
    }

    /** Rebuilds every projection from one read of the event store, which is cheaper than one each. */
    @PostMapping("/projections/rebuild")
    public ResponseEntity<Map<String, Object>> rebuildAll() {
        access.requireOperator();
        return ResponseEntity.accepted().body(Map.of("names", projections.rebuildAll(), "state", "rebuilding"));
    }
}
