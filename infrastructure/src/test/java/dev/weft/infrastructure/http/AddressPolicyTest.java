package dev.weft.infrastructure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private final AddressPolicy strict = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
            "169.254.169.254", "0.0.0.0", "224.0.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"})
    void refusesPrivateLoopbackLinkLocalAndMulticast(String literal) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8"})
    void permitsPublicAddresses(String literal) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @Test
    void theAllowListOpensOnlyItsOwnNetworks() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", "fd00:1::/32"));
        assertThat(policy.permits(InetAddress.getByName("127.0.0.2"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("fd00:1:0:0::5"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("fd00:2::5"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void onlyAPrivateAddressInsideTheAllowListIsAnAllowedPrivateOne() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", "203.0.113.0/24"));
        assertThat(policy.allowedPrivate(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.allowedPrivate(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(policy.allowedPrivate(InetAddress.getByName("10.0.0.7"))).isFalse();
        assertThat(policy.allowedPrivate(InetAddress.getByName("203.0.113.5")))
                .as("a public address stays public even when listed").isFalse();
    }

    @Test
    void aRefusalNamesTheHostAndAddress() throws Exception {
        assertThatThrownBy(() -> strict.check("evil.example", InetAddress.getByName("10.0.0.7")))
                .isInstanceOf(BlockedDestinationException.class)
                .hasMessageContaining("evil.example").hasMessageContaining("10.0.0.7");
    }

    @Test
    void aMalformedNetworkIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("localhost/8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressPolicy(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
