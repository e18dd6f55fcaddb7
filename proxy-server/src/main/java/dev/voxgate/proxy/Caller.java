package dev.voxgate.proxy;

import dev.voxgate.keys.Access;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/** Who sent a request, as {@link Authenticator} found: kept on the request's {@link Context}. */
sealed interface Caller {

    String ATTRIBUTE = Caller.class.getName();

    /** The proxy has no master key: everyone may do everything. */
    record Anyone() implements Caller {
    }

    /** The master key. */
    record Master() implements Caller {
    }

    /** A virtual key, with its settings and team. */
    record Virtual(Access access) implements Caller {
        public Virtual {
            Objects.requireNonNull(access, "access");
        }
    }

    /** The caller of {@code ctx}'s request; {@link Anyone} before authentication ran. */
    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        return caller == null ? new Anyone() : caller;
    }

    /** The virtual key of {@code ctx}'s request, if it came with one. */
    static Optional<Access> virtualKey(Context ctx) {
        return of(ctx) instanceof Virtual virtual ? Optional.of(virtual.access()) : Optional.empty();
    }
}
