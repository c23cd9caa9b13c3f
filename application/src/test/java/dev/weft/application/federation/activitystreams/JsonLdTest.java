package dev.weft.application.federation.activitystreams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLdTest {
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode parse(String text) {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void singleValuesAndArraysReadAlike() {
        JsonNode single = parse("{'to': 'as:Public', 'cc': 'https://a.example/followers'}");
        JsonNode arrays = parse("{'to': ['https://www.w3.org/ns/activitystreams#Public'], 'cc': []}");
        assertThat(JsonLd.ids(single, "cc")).containsExactly("https://a.example/followers");
        assertThat(JsonLd.addressedToPublic(single)).isTrue();
        assertThat(JsonLd.addressedToPublic(arrays)).isTrue();
        assertThat(JsonLd.addressedToPublic(parse("{'to': 'https://a.example/followers'}"))).isFalse();
    }

    @Test
    void theThreeSpellingsOfPublicArePublic() {
        assertThat(JsonLd.isPublic("Public")).isTrue();
        assertThat(JsonLd.isPublic("as:Public")).isTrue();
        assertThat(JsonLd.isPublic(JsonLd.PUBLIC)).isTrue();
        assertThat(JsonLd.isPublic("https://a.example/Public")).isFalse();
    }

    @Test
    void embeddedObjectsAndBareIdsGiveTheSameId() {
        assertThat(JsonLd.id(parse("{'object': 'https://a.example/n/1'}"), "object")).contains("https://a.example/n/1");
        assertThat(JsonLd.id(parse("{'object': {'id': 'https://a.example/n/1', 'type': 'Note'}}"), "object"))
                .contains("https://a.example/n/1");
        assertThat(JsonLd.id(parse("{'object': [{'@id': 'https://a.example/n/1'}]}"), "object"))
                .contains("https://a.example/n/1");
        assertThat(JsonLd.embedded(parse("{'object': 'https://a.example/n/1'}"), "object")).isEmpty();
    }

    @Test
    void typesMayBeSeveralOrPrefixed() {
        assertThat(JsonLd.hasType(parse("{'type': 'as:Like'}"), "Like")).isTrue();
        assertThat(JsonLd.hasType(parse("{'type': ['Note', 'Article']}"), "Article")).isTrue();
        assertThat(JsonLd.hasType(parse("{'@type': 'Follow'}"), "Follow")).isTrue();
        assertThat(JsonLd.hasType(parse("{'type': 'Follow'}"), "Like")).isFalse();
    }

    @Test
    void absentAndNullPropertiesHaveNoValues() {
        assertThat(JsonLd.values(parse("{'to': null}"), "to")).isEmpty();
        assertThat(JsonLd.id(parse("{}"), "object")).isEmpty();
        assertThat(JsonLd.text(parse("{'content': 5}"), "content")).isEmpty();
    }
}
