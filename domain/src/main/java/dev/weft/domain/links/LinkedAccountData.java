package dev.weft.domain.links;

/**
 * The personal part of a link: who the person is on the other platform. externalAccountId
 * is the name people know the account by (username, page id, handle); remoteAccountId and
 * remoteName are what the platform answered when the credentials were checked (null in
 * links made before Weft checked them).
 */
public record LinkedAccountData(String externalAccountId, String instanceUrl, String remoteAccountId,
                                String remoteName) {

    public LinkedAccountData(String externalAccountId, String instanceUrl) {
        this(externalAccountId, instanceUrl, null, null);
    }
}
