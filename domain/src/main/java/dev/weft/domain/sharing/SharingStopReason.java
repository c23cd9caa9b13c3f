package dev.weft.domain.sharing;

public enum SharingStopReason {
    /** The person turned it off. */
    REQUESTED,
    /** Federation requires a public profile; making it private ends sharing. */
    PROFILE_MADE_PRIVATE,
    /** A corrected birth date or a new country no longer meets the eligibility rules. */
    NO_LONGER_ELIGIBLE
}
