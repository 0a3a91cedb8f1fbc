package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The gateway's API keys, each naming its tenant: {@code HG_API_KEYS="key1=acme,key2=globex"}.
 * Keys are required unless {@code hg.gateway.auth} is {@code off}, which only the local profile sets.
 */
@ApplicationScoped
public class ApiKeys {
    public static final String LOCAL_TENANT = "local";
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final Map<String, String> tenantsByKey = new LinkedHashMap<>();
    private final boolean required;

    public ApiKeys(GatewayConfig config) {
        this.required = !"off".equalsIgnoreCase(config.access().auth().strip());
        for (String entry : config.access().apiKeys().orElse("").split(",")) {
            String[] pair = entry.strip().split("=", 2);
            if (pair.length == 2 && !pair[0].isBlank() && !pair[1].isBlank()) {
                tenantsByKey.put(pair[0].strip(), pair[1].strip());
            } else if (!entry.isBlank()) {
                throw new IllegalArgumentException("hg.gateway.api-keys entries are KEY=TENANT, got '" + entry.strip() + "'");
            }
        }
    }

    void announce(@Observes StartupEvent event) {
        if (!required) {
            LOG.warn("API keys are OFF (hg.gateway.auth=off): every caller is tenant '" + LOCAL_TENANT
                    + "'. Use this only on your own machine.");
        } else if (tenantsByKey.isEmpty()) {
            LOG.warn("API keys are required but none is configured (HG_API_KEYS=key=tenant,...): every call will get 401");
        }
    }

    public boolean required() {
        return required;
    }

    public Optional<String> tenantOf(String key) {
        return Optional.ofNullable(key == null ? null : tenantsByKey.get(key.strip()));
    }
}
