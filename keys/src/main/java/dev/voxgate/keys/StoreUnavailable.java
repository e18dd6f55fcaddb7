package dev.voxgate.keys;

/** The key store cannot be reached (the database is down, say); what was asked did not happen. */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
