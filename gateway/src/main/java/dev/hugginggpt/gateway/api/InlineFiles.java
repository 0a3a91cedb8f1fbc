package dev.hugginggpt.gateway.api;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.gateway.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.gateway.access.ResourceOwners;
import dev.hugginggpt.protocol.MediaKind;
import dev.hugginggpt.protocol.ResourceRef;
import dev.hugginggpt.protocol.resources.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Files sent inside OpenAI chat messages, stored as the tenant's uploads: {@code image_url} with a {@code data:} URL,
 * {@code input_audio} ({@code data}, {@code format}) and {@code file} ({@code file_data}, {@code filename}). URLs are
 * not fetched. A chat client sends the whole conversation again on every turn, so the same bytes from the same tenant
 * are the resource stored the first time (while this gateway remembers it), and keep their id across turns.
 */
@ApplicationScoped
public class InlineFiles {
    /** Its parameters are read possessively: a repeated group that may backtrack recurses once per parameter. */
    private static final Pattern DATA_URL = Pattern.compile("data:([\\w.+-]+/[\\w.+-]+)?(?:;[\\w.+-]+=[^;,]*)*+;base64,",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final int REMEMBERED = 10_000;
    /** Files inside one request's messages; a conversation sent again keeps its files' ids, so this is per request. */
    static final int MAX_FILES = 100;
    private static final Logger LOG = Logger.getLogger(InlineFiles.class);

    private final ResourceStore store;
    private final ResourceOwners owners;
    private final long maxBytes;
    private final Map<String, String> storedByDigest = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public InlineFiles(ResourceStore store, ResourceOwners owners,
            GatewayConfig config) {
        this.store = store;
        this.owners = owners;
        this.maxBytes = config.limits().maxInlineFileBytes();
    }

    /** The decoded bytes one request may carry in its messages. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The files of one request, stored for its tenant: what they have used of {@link #maxBytes()} so far, and the ones
     * stored anew, to be removed if the request is refused after all.
     */
    public final class Batch {
        private final String tenant;
        private final List<String> stored = new ArrayList<>();
        private long used;
        private int files;

        private Batch(String tenant) {
            this.tenant = tenant;
        }

        private void spend(long bytes) {
            if (++files > MAX_FILES) {
                throw ProblemException.badRequest("at most " + MAX_FILES + " files may come inside the messages of one request");
            }
            used += bytes;
            if (used > maxBytes) {
                throw ProblemException.tooLarge("files inside the messages may have at most " + maxBytes
                        + " bytes in all; upload larger files with POST /v1/resources and use /v1/requests");
            }
        }

        /** The resource a file content part holds, stored for the tenant; empty for a text part. */
        public Optional<ResourceRef> store(JsonNode part) {
            String type = part.path("type").asText("");
            return switch (type) {
                case "text" -> Optional.empty();
                case "image_url" -> {
                    JsonNode image = part.path("image_url");
                    yield Optional.of(fromDataUrl(image.isTextual() ? image.asText() : image.path("url").asText(""), "image", this));
                }
                case "input_audio" -> {
                    String format = part.path("input_audio").path("format").asText("wav").toLowerCase(Locale.ROOT);
                    if (!format.matches("[a-z0-9]{2,5}")) {
                        throw ProblemException.badRequest("input_audio.format is the audio's file extension (wav, mp3, flac, ...)");
                    }
                    String name = "audio." + format;
                    yield Optional.of(save(decode(part.path("input_audio").path("data").asText(""), this), name,
                            "audio/" + format, this));
                }
                case "file" -> {
                    JsonNode file = part.path("file");
                    if (file.hasNonNull("file_id")) {
                        throw ProblemException.badRequest("file ids are not known here; send the file as 'file_data' (a data: URL)"
                                + " or upload it with POST /v1/resources and use /v1/requests");
                    }
                    yield Optional.of(fromDataUrl(file.path("file_data").asText(""), file.path("filename").asText("file"), this));
                }
                default -> throw ProblemException.badRequest("content part type '" + type
                        + "' is not supported; text, image_url (a data: URL), input_audio and file (file_data) are");
            };
        }

        /** Removes the files this request stored anew: it was refused, and no one knows their ids. */
        public void discard() {
            synchronized (storedByDigest) {
                storedByDigest.values().removeAll(stored);
            }
            for (String id : stored) {
                try {
                    store.delete(id);
                    owners.forget(id);
                } catch (IOException e) {
                    LOG.warnf("could not remove %s of a refused request: %s", id, e.getMessage());
                }
            }
            stored.clear();
        }
    }

    public Batch batch(String tenant) {
        return new Batch(tenant);
    }

    private ResourceRef fromDataUrl(String url, String name, Batch batch) {
        Matcher dataUrl = DATA_URL.matcher(url);
        if (!dataUrl.lookingAt()) {
            throw ProblemException.badRequest("files in messages are data: URLs (data:image/png;base64,...); URLs are not fetched;"
                    + " or upload the file with POST /v1/resources and use /v1/requests");
        }
        String declared = dataUrl.group(1) == null ? "application/octet-stream" : dataUrl.group(1).toLowerCase(Locale.ROOT);
        byte[] bytes = decode(url.substring(dataUrl.end()), batch);
        String fileName = name.contains(".") ? name : name + "." + MediaKind.extensionOfContentType(declared).orElse("bin");
        return save(bytes, fileName, declared, batch);
    }

    private static byte[] decode(String base64, Batch batch) {
        batch.spend(base64.length() / 4L * 3);
        try {
            byte[] bytes = Base64.getDecoder().decode(WHITESPACE.matcher(base64).find() ? WHITESPACE.matcher(base64).replaceAll("") : base64);
            if (bytes.length == 0) {
                throw ProblemException.badRequest("a file in the messages is empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("a file in the messages is not valid base64: " + e.getMessage());
        }
    }

    private ResourceRef save(byte[] bytes, String name, String declaredType, Batch batch) {
        String type = UploadTypes.accepted(name, declaredType);
        String digest = batch.tenant + ":" + sha256(bytes);
        synchronized (storedByDigest) {
            String known = storedByDigest.get(digest);
            Optional<ResourceRef> stored = known == null ? Optional.empty() : store.describe(known);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        try {
            ResourceRef ref = store.save(new ByteArrayInputStream(bytes), name, type);
            batch.stored.add(ref.id());
            owners.uploaded(ref.id(), batch.tenant);
            synchronized (storedByDigest) {
                storedByDigest.put(digest, ref.id());
            }
            return ref;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
