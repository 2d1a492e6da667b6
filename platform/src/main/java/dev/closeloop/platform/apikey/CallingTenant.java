package dev.closeloop.platform.apikey;

import jakarta.enterprise.context.RequestScoped;

/** The tenant whose API key authenticated the current request; the only source of the tenant. */
@RequestScoped
public class CallingTenant {

    private String tenant;

    void set(String tenant) {
        this.tenant = tenant;
    }

    public String id() {
        if (tenant == null) {
            throw new IllegalStateException("no tenant on this request: is the resource @TenantApiKeyRequired?");
        }
        return tenant;
    }
}
