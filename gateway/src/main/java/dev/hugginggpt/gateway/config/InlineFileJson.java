package dev.hugginggpt.gateway.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A file inside a chat message is one base64 string: the JSON reader must take one as long as the inline file limit allows. */
@Singleton
public class InlineFileJson implements ObjectMapperCustomizer {
    private final long maxInlineFileBytes;

    public InlineFileJson(@ConfigProperty(name = "hg.gateway.max-inline-file-bytes", defaultValue = "10485760") long maxInlineFileBytes) {
        this.maxInlineFileBytes = maxInlineFileBytes;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        long base64Chars = (maxInlineFileBytes / 3 + 1) * 4 + 1024;
        int longest = (int) Math.min(Integer.MAX_VALUE, Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, base64Chars));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(longest).build());
    }
}
