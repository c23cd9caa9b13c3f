package dev.weft.infrastructure.privacy;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Weft declares Axon's event serializer itself, so that every stored event passes the
 * personal-data seal; Axon's own would otherwise be made, plain Jackson 3, in its place.
 */
@Configuration
public class PrivacyConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver, SubjectKeys keys) {
        Jackson3Serializer jackson = Jackson3Serializer.builder().revisionResolver(revisionResolver)
                .jsonMapperBuilderCustomizer(mapper -> mapper.addModule(RecordCreators.module())).build();
        return new SealingSerializer(jackson, new PersonalDataSeal(keys, jackson.getObjectMapper()));
    }
}
