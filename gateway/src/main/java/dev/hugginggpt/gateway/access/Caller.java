package dev.hugginggpt.gateway.access;

import jakarta.enterprise.context.RequestScoped;

/** The tenant of the HTTP call being served, set by {@link AccessFilter}. */
@RequestScoped
public class Caller {
    private String tenant;

    public String tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no tenant: the access filter did not run");
        }
        return tenant;
    }

    void tenant(String tenant) {
        this.tenant = tenant;
    }
}
