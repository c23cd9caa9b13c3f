package dev.weft.infrastructure.federation.signatures;

import dev.weft.infrastructure.federation.signatures.StructuredFields.InnerList;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Item;

/**
 * One RFC 9421 signature: its label, its Signature-Input member (covered components and
 * parameters) and the signature bytes, null when the Signature field lacks the label.
 */
record LabeledSignature(String label, InnerList input, byte[] signature) {

    String keyId() {
        return input.parameters().get("keyid") instanceof String keyId ? keyId : null;
    }

    String algorithm() {
        return input.parameters().get("alg") instanceof String alg ? alg : null;
    }

    Long created() {
        return input.parameters().get("created") instanceof Long created ? created : null;
    }

    Long expires() {
        return input.parameters().get("expires") instanceof Long expires ? expires : null;
    }

    boolean covers(String componentName) {
        return input.items().stream().map(Item::value).anyMatch(componentName::equals);
    }
}
