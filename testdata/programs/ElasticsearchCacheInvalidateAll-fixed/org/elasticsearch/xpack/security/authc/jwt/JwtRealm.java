package org.elasticsearch.xpack.security.authc.jwt;

import org.elasticsearch.common.cache.Cache;
import org.elasticsearch.common.cache.CacheBuilder;

/**
 * Driver: the JWT realm of the report (elastic/elasticsearch#99317, #99326), reduced to its use of the
 * cache. An authenticating thread caches the user it resolved (Cache.put); a thread that reloaded the
 * realm's JWKs after a signature failure clears the cache (Cache.invalidateAll).
 */
public class JwtRealm {

    private final Cache<String, String> jwtCache;

    JwtRealm(int maxUsers) {
        this.jwtCache = CacheBuilder.<String, String>builder().setMaximumWeight(maxUsers).build();
    }

    // an authentication succeeded: cache the resolved user under the token's principal
    void processValidatedJwt(String tokenPrincipal, String user) {
        jwtCache.put(tokenPrincipal, user);
    }

    // the realm's JWK set changed: drop every cached authentication
    public void expireAll() {
        jwtCache.invalidateAll();
    }

    public static void main(String[] args) throws InterruptedException {
        final JwtRealm realm = new JwtRealm(4);
        Thread authenticate = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                realm.processValidatedJwt("principal-" + i, "user-" + i);
            }
        }, "elasticsearch[system_critical_read][T#1]");
        Thread reload = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                realm.expireAll();
            }
        }, "elasticsearch[system_critical_read][T#20]");
        authenticate.start();
        reload.start();
        authenticate.join();
        reload.join();
    }
}
