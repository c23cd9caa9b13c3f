package dev.weft.api.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker/compose.yaml (PostgreSQL and two Weft nodes) read as YAML, merge keys resolved as compose
 * resolves them, and checked against the Dockerfile and application.yml it relies on. No Docker is
 * needed; docker/check.sh runs {@code docker compose config} and the image build where a daemon is.
 */
class ComposeFileTest {
    private static final List<String> NODES = List.of("weft-1", "weft-2");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(WEFT_[A-Z_]+):\\?[^}]+}");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([A-Za-z0-9_]+)");

    private static Path root;
    private static Map<String, Object> compose;
    private static String dockerfile;
    private static String applicationYml;

    @BeforeAll
    static void read() throws IOException {
        root = repositoryRoot();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        compose = new Yaml(new SafeConstructor(options)).load(Files.readString(root.resolve("docker/compose.yaml")));
        dockerfile = Files.readString(root.resolve("docker/Dockerfile"));
        applicationYml = Files.readString(root.resolve("api/src/main/resources/application.yml"));
    }

    /** Surefire runs in api/, an IDE may run in the root: walk up to the directory holding docker/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker/compose.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return fail("no docker/compose.yaml above " + Path.of("").toAbsolutePath());
    }

    @Test
    void runsPostgresAndTwoWeftNodes() {
        assertThat(map(compose, "services")).containsOnlyKeys("postgres", "weft-1", "weft-2");
        assertThat(map(compose, "volumes")).containsKeys("postgres-data", "weft-1-data", "weft-2-data");
    }

    @Test
    void postgresIsCheckedOverTcpAndKeepsItsDataInAVolume() {
        Map<String, Object> postgres = service("postgres");
        assertThat(string(postgres, "image")).startsWith("postgres:17");
        // While a new volume is initialised the image's temporary server is on the Unix socket only.
        assertThat(list(map(postgres, "healthcheck"), "test"))
                .startsWith("CMD", "pg_isready").containsSubsequence("-h", "127.0.0.1");
        assertThat(list(postgres, "volumes")).contains("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void bothNodesUseThePostgresServiceAndWaitForItToBeHealthy() {
        Map<String, Object> postgresEnv = map(service("postgres"), "environment");
        for (String node : NODES) {
            Map<String, Object> env = map(service(node), "environment");
            Matcher url = JDBC_URL.matcher(string(env, "WEFT_DB_URL"));
            assertThat(url.matches()).as(node + " WEFT_DB_URL " + env.get("WEFT_DB_URL")).isTrue();
            assertThat(url.group(1)).as(node + " database host").isEqualTo("postgres");
            assertThat(url.group(2)).as(node + " database port").isEqualTo("5432");
            assertThat(url.group(3)).as(node + " database").isEqualTo(postgresEnv.get("POSTGRES_DB"));
            assertThat(env.get("WEFT_DB_USER")).as(node + " database user").isEqualTo(postgresEnv.get("POSTGRES_USER"));
            assertThat(env.get("WEFT_DB_PASSWORD")).as(node + " database password")
                    .isEqualTo(postgresEnv.get("POSTGRES_PASSWORD"));
            assertThat(map(map(service(node), "depends_on"), "postgres"))
                    .as(node + " depends_on postgres").containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void bothNodesRequireOneSharedKeyAndOperatorToken() {
        // No default: a node without the key would generate its own. One variable for every node:
        // each must open the sealed fields and the linked-account tokens another node stored.
        for (String variable : List.of("WEFT_ENCRYPTION_KEY", "WEFT_OPERATOR_TOKEN")) {
            for (String node : NODES) {
                String value = string(map(service(node), "environment"), variable);
                Matcher required = REQUIRED.matcher(value);
                assertThat(required.matches()).as(node + " " + variable + " must be ${" + variable + ":?...}, is " + value)
                        .isTrue();
                assertThat(required.group(1)).as(node + " " + variable + " comes from the host's").isEqualTo(variable);
            }
        }
    }

    @Test
    void everyEnvironmentVariableOfANodeIsOneTheEngineReads() {
        for (String node : NODES) {
            for (String variable : map(service(node), "environment").keySet()) {
                assertThat(applicationYml).as(node + " sets " + variable + "; application.yml must read it")
                        .contains("${" + variable + ":");
            }
        }
    }

    @Test
    void nodesPublishDistinctPortsOnLoopbackOnly() {
        List<String> hostPorts = new ArrayList<>();
        List<String> hostnames = new ArrayList<>();
        for (String node : NODES) {
            List<Object> ports = list(service(node), "ports");
            assertThat(ports).as(node + " ports").hasSize(1);
            String[] parts = String.valueOf(ports.get(0)).split(":");
            assertThat(parts).as(node + " port " + ports.get(0) + " as host-ip:host-port:container-port").hasSize(3);
            assertThat(parts[0]).as(node + " host address").isEqualTo("127.0.0.1");
            assertThat(parts[2]).as(node + " container port (server.port, EXPOSE)").isEqualTo("8080");
            hostPorts.add(parts[1]);
            hostnames.add(string(service(node), "hostname"));
        }
        assertThat(hostPorts).containsExactly("8081", "8082");
        assertThat(dockerfile).contains("EXPOSE 8080");
        assertThat(applicationYml).contains("port: ${PORT:8080}");
        // A node's name in segment claims is pid@host, and java is pid 1 in every container.
        assertThat(hostnames).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void nodesKeepTheirDataDirectoryInTheirOwnVolume() {
        Matcher dataDir = Pattern.compile("(?m)^ENV WEFT_DATA_DIR=(\\S+)$").matcher(dockerfile);
        assertThat(dataDir.find()).as("Dockerfile sets WEFT_DATA_DIR").isTrue();
        assertThat(applicationYml).contains("data-dir: ${WEFT_DATA_DIR:");
        List<Object> volumes = new ArrayList<>();
        for (String node : NODES) {
            assertThat(list(service(node), "volumes")).as(node + " volumes")
                    .containsExactly(node + "-data:" + dataDir.group(1));
            volumes.addAll(list(service(node), "volumes"));
        }
        assertThat(volumes).doesNotHaveDuplicates();
    }

    @Test
    void nodesBuildTheRepositorysDockerfileFromTheRepositoryRoot() throws IOException {
        Path composeDir = root.resolve("docker");
        for (String node : NODES) {
            Map<String, Object> build = map(service(node), "build");
            Path context = composeDir.resolve(string(build, "context")).normalize();
            assertThat(context).as(node + " build context").isEqualTo(root);
            Path file = context.resolve(string(build, "dockerfile")).normalize();
            assertThat(file).as(node + " dockerfile").isEqualTo(root.resolve("docker/Dockerfile")).isRegularFile();
            assertThat(string(service(node), "image")).as(node + " image").isEqualTo("weft:local");
        }
        // What the Dockerfile copies from that context is there; the daemon gets no build output.
        assertThat(root.resolve("mvnw")).isRegularFile();
        assertThat(root.resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
        assertThat(dockerfile).contains("COPY --from=build /src/api/target/weft.jar /opt/weft/weft.jar");
        assertThat(Files.readAllLines(root.resolve(".dockerignore"))).contains(".git", "**/target");
    }

    @Test
    void imageAndNodesCheckHealthWithTheScriptTheImageCopies() {
        Path script = root.resolve("docker/healthcheck.sh");
        assertThat(script).isRegularFile().isExecutable();
        assertThat(dockerfile).contains("COPY docker/healthcheck.sh /opt/weft/healthcheck");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*CMD \\[\"/opt/weft/healthcheck\"]$");
        for (String node : NODES) {
            assertThat(list(map(service(node), "healthcheck"), "test")).as(node + " healthcheck")
                    .containsExactly("CMD", "/opt/weft/healthcheck");
        }
    }

    @Test
    void theHealthScriptAsksAnEndpointTheEngineExposes() throws IOException {
        String script = Files.readString(root.resolve("docker/healthcheck.sh"));
        assertThat(script).contains("GET /actuator/health ").contains("${PORT:-8080}");
        Map<String, Object> application = new Yaml(new SafeConstructor(new LoaderOptions())).load(applicationYml);
        Object exposed = map(map(map(map(application, "management"), "endpoints"), "web"), "exposure").get("include");
        assertThat(String.valueOf(exposed).split(",")).as("management.endpoints.web.exposure.include")
                .contains("health");
    }

    private static Map<String, Object> service(String name) {
        return map(map(compose, "services"), name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key + " is a list").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static String string(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key + " is a string").isInstanceOf(String.class);
        return (String) value;
    }
}
