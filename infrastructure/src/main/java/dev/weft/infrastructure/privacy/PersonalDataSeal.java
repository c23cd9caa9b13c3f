package dev.weft.infrastructure.privacy;

import dev.weft.domain.shared.PersonalData;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the {@link PersonalData} components of a record's JSON, and opens them again. A
 * sealed value is replaced by an envelope naming its subject's key (never the subject),
 * with its own random nonce, the AES-GCM ciphertext of the value's JSON, and the
 * placeholder a reader gets once the key is erased. Opening needs no knowledge of the
 * record's type: every envelope anywhere in the tree is opened, or replaced by its
 * placeholder, so events, dead letters and upcasters all read the same way.
 */
public final class PersonalDataSeal {
    static final String MARKER = "$sealed";
    private static final String VERSION = "weft-v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /**
     * One cipher per thread: looking a cipher up costs more than opening a short field, and
     * a cipher initialised again with the key it had keeps that key's schedule.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no AES/GCM cipher", e);
        }
    });

    private final SubjectKeys keys;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    private final Map<Class<?>, List<Sealed>> plans = new ConcurrentHashMap<>();

    public PersonalDataSeal(SubjectKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** Whether values of this type carry personal data anywhere inside. */
    public boolean carriesPersonalData(Class<?> type) {
        return !plan(type).isEmpty();
    }

    /** Seals in place. A value whose subject was erased is stored as its placeholder: never readable. */
    public void seal(Class<?> type, ObjectNode node) {
        List<Runnable> seals = new ArrayList<>();
        collect(type, node, node, seals);
        seals.forEach(Runnable::run);
    }

    /** @return a copy with every envelope opened, or replaced by its placeholder */
    public JsonNode open(JsonNode node) {
        if (node.isObject() && node.has(MARKER)) {
            return opened((ObjectNode) node);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), open(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(open(item)));
            return copy;
        }
        return node;
    }

    /**
     * Subjects are read before anything is sealed, so a path into a nested value reads it in
     * clear. root is the event, where a subject missing from a nested record is looked up.
     */
    private void collect(Class<?> type, ObjectNode node, ObjectNode root, List<Runnable> seals) {
        for (Sealed component : plan(type)) {
            JsonNode value = node.get(component.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (component.annotated()) {
                String subject = subjectOf(node, root, component);
                seals.add(() -> node.set(component.name(), sealed(subject, value, component.genericType())));
            } else if (component.elements() && value.isArray()) {
                value.forEach(item -> collectInto(component.type(), item, root, seals));
            } else {
                collectInto(component.type(), value, root, seals);
            }
        }
    }

    private void collectInto(Class<?> type, JsonNode value, ObjectNode root, List<Runnable> seals) {
        if (value.isObject()) {
            collect(type, (ObjectNode) value, root, seals);
        }
    }

    private static String subjectOf(ObjectNode node, ObjectNode root, Sealed component) {
        if (component.subject().isEmpty()) {
            return component.requireText(node.get(component.name()));
        }
        JsonNode inRecord = follow(node, component.subject());
        return component.requireText(inRecord != null ? inRecord : follow(root, component.subject()));
    }

    private static JsonNode follow(JsonNode from, String path) {
        JsonNode current = from;
        for (String step : path.split("\\.")) {
            current = current == null ? null : current.get(step);
        }
        return current;
    }

    private JsonNode sealed(String subject, JsonNode value, Type type) {
        Optional<SubjectKeys.SubjectKey> key = keys.keyFor(subject);
        if (key.isEmpty()) {
            return placeholder(type, "erased");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put(MARKER, VERSION);
        envelope.put("key", key.get().keyId());
        envelope.put("nonce", Base64.getEncoder().encodeToString(nonce));
        envelope.put("ct", Base64.getEncoder().encodeToString(crypt(Cipher.ENCRYPT_MODE, key.get().keyId(),
                key.get().secret(), nonce, json.writeValueAsBytes(value))));
        envelope.set("erased", placeholder(type, key.get().keyId()));
        return envelope;
    }

    private JsonNode opened(ObjectNode envelope) {
        String keyId = envelope.get("key").asString();
        Optional<SecretKey> key = keys.byId(keyId);
        if (key.isEmpty()) {
            return envelope.get("erased");
        }
        byte[] plain = crypt(Cipher.DECRYPT_MODE, keyId, key.get(),
                Base64.getDecoder().decode(envelope.get("nonce").asString()),
                Base64.getDecoder().decode(envelope.get("ct").asString()));
        return open(json.readTree(plain));
    }

    /**
     * What stands for an erased value: the same shape, so the record's constructor and every
     * NOT NULL column still accept it, naming nothing but the erased key.
     */
    private JsonNode placeholder(Type type, String token) {
        Class<?> raw = PersonalDataPlans.rawClass(type);
        if (raw == String.class) {
            return JsonNodeFactory.instance.stringNode(ErasedText.PREFIX + token);
        }
        if (raw.isRecord()) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                node.set(component.getName(), placeholder(component.getGenericType(), token));
            }
            return node;
        }
        if (raw == boolean.class) {
            return JsonNodeFactory.instance.booleanNode(false);
        }
        return raw.isPrimitive() ? JsonNodeFactory.instance.numberNode(0) : JsonNodeFactory.instance.nullNode();
    }

    private static byte[] crypt(int mode, String keyId, SecretKey key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value under key " + keyId + " could not be processed", e);
        }
    }

    private List<Sealed> plan(Class<?> type) {
        return plans.computeIfAbsent(type, PersonalDataPlans::of);
    }

    /**
     * One component of a record: sealed itself (annotated), or a record to look into, or a
     * list of records (elements; type is then the element's).
     */
    record Sealed(String name, Class<?> type, Type genericType, boolean annotated, String subject,
                  boolean elements) {
        String requireText(JsonNode subject) {
            if (subject == null || !subject.isString() || subject.asString().isBlank()) {
                throw new IllegalStateException("personal data in '" + name + "' names no subject");
            }
            return subject.asString();
        }
    }
}
