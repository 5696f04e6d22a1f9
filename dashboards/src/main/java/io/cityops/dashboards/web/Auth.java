package io.cityops.dashboards.web;

import io.cityops.dashboards.auth.Principal;
import io.cityops.dashboards.auth.Role;
import io.cityops.dashboards.auth.TokenRegistry;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Set;

/**
 * Bearer-token authentication for {@code /api/*}. The live stream also takes {@code access_token}
 * as a query parameter because browsers' EventSource cannot set headers.
 */
final class Auth {
    private static final String ATTR = "cityops.principal";
    private final TokenRegistry tokens;

    Auth(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    void authenticate(Context ctx) {
        if (ctx.path().equals("/api/openapi.json")) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7);
        } else if (ctx.path().equals("/api/events")) {
            token = ctx.queryParam("access_token");
        }
        Principal p =
                tokens.authenticate(token)
                        .orElseThrow(
                                () ->
                                        new ApiErrors.Denied(
                                                HttpStatus.UNAUTHORIZED,
                                                "a valid bearer token is required"));
        ctx.attribute(ATTR, p);
    }

    /** The caller, if their role is allowed; otherwise 403. */
    static Principal require(Context ctx, Set<Role> allowed) {
        Principal p = ctx.attribute(ATTR);
        if (p == null) {
            throw new ApiErrors.Denied(HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
        }
        if (!allowed.contains(p.role())) {
            throw new ApiErrors.Denied(
                    HttpStatus.FORBIDDEN, "role " + p.role().configName() + " may not do this");
        }
        return p;
    }
}
