package dev.weft.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.accounts.Account;
import dev.weft.domain.delivery.ActivityDelivery;
import dev.weft.domain.distribution.PostCopy;
import dev.weft.domain.graph.IncomingFollow;
import dev.weft.domain.graph.OutgoingFollow;
import dev.weft.domain.posts.Post;
import dev.weft.domain.remoteposts.RemotePost;
import dev.weft.infrastructure.axon.StoreCheckedCachingRepository;
import java.util.List;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With several nodes, no aggregate may answer from a cached copy another node has moved past. */
class AggregateRepositoriesIntegrationTest extends WeftIntegrationTest {
    @Autowired
    Configuration axon;

    @Test
    void everyAggregateIsCheckedAgainstTheStoreBeforeItsCachedCopyIsUsed() {
        for (Class<?> type : List.of(Account.class, Post.class, PostCopy.class, IncomingFollow.class,
                OutgoingFollow.class, RemotePost.class, ActivityDelivery.class)) {
            assertThat(axon.repository(type)).as(type.getSimpleName())
                    .isInstanceOf(StoreCheckedCachingRepository.class);
        }
    }
}
