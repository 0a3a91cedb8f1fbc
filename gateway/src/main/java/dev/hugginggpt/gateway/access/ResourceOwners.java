package dev.hugginggpt.gateway.access;

import dev.hugginggpt.gateway.view.RequestViews;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which tenant may read a resource: the one that uploaded it (a marker next to the file), or the one
 * whose request produced it (from the request views).
 */
@ApplicationScoped
public class ResourceOwners {
    private final ResourceStore store;
    private final RequestViews views;

    public ResourceOwners(ResourceStore store, RequestViews views) {
        this.store = store;
        this.views = views;
    }

    public void uploaded(String resourceId, String tenant) {
        try {
            Files.writeString(marker(resourceId), tenant, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the upload marker of a resource that is removed. */
    public void forget(String resourceId) throws IOException {
        if (ResourceStore.isResourceId(resourceId)) {
            Files.deleteIfExists(marker(resourceId));
        }
    }

    public boolean mayRead(String resourceId, String tenant) {
        if (!ResourceStore.isResourceId(resourceId)) {
            return false;
        }
        Path marker = marker(resourceId);
        try {
            if (Files.exists(marker)) {
                return Files.readString(marker, StandardCharsets.UTF_8).strip().equals(tenant);
            }
        } catch (IOException e) {
            return false;
        }
        return views.produced(resourceId, tenant);
    }

    private Path marker(String resourceId) {
        return store.root().resolve(resourceId + ".tenant");
    }
}
