package vn.cungem.shared.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, or {@link Caller#SYSTEM} for work the platform does on its own (seeding, jobs). */
public final class Callers {

    private static final ThreadLocal<Caller> SYSTEM_WORK = new ThreadLocal<>();

    private Callers() {}

    public static Caller current() {
        Caller system = SYSTEM_WORK.get();
        if (system != null) {
            return system;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CallerSource source) {
            return source.caller();
        }
        return Caller.ANONYMOUS;
    }

    /** Runs platform work (demo seeding, imports from the command line) as the system, recorded so in the audit log. */
    public static void asSystem(Runnable work) {
        Caller previous = SYSTEM_WORK.get();
        SYSTEM_WORK.set(Caller.SYSTEM);
        try {
            work.run();
        } finally {
            if (previous == null) {
                SYSTEM_WORK.remove();
            } else {
                SYSTEM_WORK.set(previous);
            }
        }
    }
}
