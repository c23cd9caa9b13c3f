package dev.weft.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API at /v3/api-docs, with the bearer scheme so the browsable UI can send tokens. */
@Configuration
public class OpenApiConfiguration {
    @Bean
    OpenAPI weftOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Weft API").version("v1")
                        .description("Accounts, links, fediverse sharing, posts and where they went. Errors are "
                                + "RFC 9457 problem+json naming the field at fault."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
