package dev.weft.infrastructure.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses outgoing requests may reach: public ones, and private ones only inside the
 * operator's allowed networks. A remote document names URLs, so without this a stranger
 * could make Weft call its own admin port or a cloud metadata service.
 */
public final class AddressPolicy {
    private static final List<Cidr> PRIVATE = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
            Cidr.parse("ff00::/8"), Cidr.parse("64:ff9b::/96"));

    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedPrivateNetworks) {
        this.allowed = allowedPrivateNetworks.stream().map(Cidr::parse).toList();
    }

    public boolean permits(InetAddress address) {
        InetAddress effective = unmapped(address);
        if (allowed.stream().anyMatch(c -> c.contains(effective) || c.contains(address))) {
            return true;
        }
        return !refused(effective);
    }

    /** A private address the operator allowed: a test or development network, with no public TLS. */
    public boolean allowedPrivate(InetAddress address) {
        InetAddress effective = unmapped(address);
        return refused(effective) && allowed.stream().anyMatch(c -> c.contains(effective) || c.contains(address));
    }

    /** @throws BlockedDestinationException naming the host and address when refused */
    public void check(String host, InetAddress address) {
        if (!permits(address)) {
            throw new BlockedDestinationException(host + " resolves to " + address.getHostAddress()
                    + ", a private, loopback, link-local or multicast address");
        }
    }

    private static boolean refused(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || PRIVATE.stream().anyMatch(c -> c.contains(address));
    }

    /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d reach the IPv4 host, so they are judged as it. */
    static InetAddress unmapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A network in CIDR notation, IPv4 or IPv6. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            byte[] network = literal(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }

        private static InetAddress literal(String text) {
            if (!text.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + text, e);
            }
        }
    }

}
