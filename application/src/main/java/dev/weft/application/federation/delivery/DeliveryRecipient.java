package dev.weft.application.federation.delivery;

/** An inbox an activity was enqueued for, on its host, for the post copy it carried (if any). */
public record DeliveryRecipient(String inbox, String host, String copyId) {
}
